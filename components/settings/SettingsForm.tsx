"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { FieldError } from "@/components/ui/FieldError";
import { TimeZonePicker } from "@/components/time-zones/TimeZonePicker";
import { MoveEnrollmentsChoice } from "@/components/time-zones/MoveEnrollmentsChoice";
import type { OpenEnrollmentZone, Settings } from "@/lib/account";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { settingsUpdateSchema, WEEKDAYS, type SettingsUpdateInput } from "@/lib/validation/settings";

const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function SettingsForm({ initial, openEnrollments = [] }: { initial: Settings; openEnrollments?: OpenEnrollmentZone[] }) {
  const [enabled, setEnabled] = useState(initial.digestEnabled);
  const [weekday, setWeekday] = useState(String(initial.digestWeekday));
  const [hour, setHour] = useState(String(initial.digestHour));
  const [timezone, setTimezone] = useState(initial.timezone);
  // Changing the zone offers to move the open enrolments still on another one (default yes); an
  // unrelated save (the name, the hour) never moves them.
  const [savedZone, setSavedZone] = useState(initial.timezone);
  const [enrollments, setEnrollments] = useState(openEnrollments);
  const [moveEnrollments, setMoveEnrollments] = useState(true);
  const behind = timezone === savedZone ? [] : enrollments.filter((e) => e.timezone !== timezone);
  const [name, setName] = useState(initial.name ?? "");
  const [fields, setFields] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (update: SettingsUpdateInput) =>
      apiFetch<{ settings: Settings; movedEnrollments: number }>("/api/me", { method: "PATCH", body: update }),
    onSuccess: ({ settings, movedEnrollments }) => {
      setFields({});
      setSavedZone(settings.timezone);
      if (movedEnrollments > 0) setEnrollments((list) => list.map((e) => ({ ...e, timezone: settings.timezone })));
    },
    onError: (error) => setFields(error instanceof ApiError && error.fields ? error.fields : {}),
  });

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = settingsUpdateSchema.safeParse({
      name,
      digestEnabled: enabled,
      digestWeekday: Number(weekday),
      digestHour: Number(hour),
      timezone,
      ...(behind.length > 0 && { moveOpenEnrollments: moveEnrollments }),
    });
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error));
      return;
    }
    save.mutate(parsed.data);
  }

  const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="digest-heading">
      <div>
        <label htmlFor="name" className="block text-sm font-medium">
          Your name (used to greet you)
        </label>
        <input
          id="name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          className={input}
          autoComplete="given-name"
          aria-describedby="name-error"
        />
        <FieldError id="name-error" messages={fields.name} />
      </div>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-5 accent-brand-700" />
        <span>Send me the weekly progress email</span>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="digestWeekday" className="block text-sm font-medium">
            Day
          </label>
          <select id="digestWeekday" value={weekday} onChange={(e) => setWeekday(e.target.value)} className={input} disabled={!enabled}>
            {WEEKDAYS.map((day, i) => (
              <option key={day} value={i + 1}>
                {day}
              </option>
            ))}
          </select>
          <FieldError id="digestWeekday-error" messages={fields.digestWeekday} />
        </div>
        <div>
          <label htmlFor="digestHour" className="block text-sm font-medium">
            Time
          </label>
          <select id="digestHour" value={hour} onChange={(e) => setHour(e.target.value)} className={input} disabled={!enabled}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
          <FieldError id="digestHour-error" messages={fields.digestHour} />
        </div>
      </div>
      <div>
        <TimeZonePicker id="timezone" label="Your time zone" value={timezone} onChange={setTimezone} describedBy="timezone-error" />
        <FieldError id="timezone-error" messages={fields.timezone} />
        {behind.length > 0 && (
          <MoveEnrollmentsChoice enrollments={behind} zone={timezone} checked={moveEnrollments} onChange={setMoveEnrollments} />
        )}
      </div>
      {save.isSuccess && (
        <p role="status" data-testid="settings-saved" className="text-sm">
          Saved.
          {save.data.movedEnrollments > 0 &&
            ` Your roadmap now counts its days and weeks in ${save.data.settings.timezone.replace(/_/g, " ")}.`}
        </p>
      )}
      {save.error && !(save.error instanceof ApiError && save.error.fields) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {save.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={save.isPending}
        className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {save.isPending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
