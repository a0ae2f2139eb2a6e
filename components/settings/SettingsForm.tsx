"use client";

import { ApiError } from "@/components/api-client";
import { FieldError } from "@/components/ui/FieldError";
import { TimeZonePicker } from "@/components/time-zones/TimeZonePicker";
import { MoveEnrollmentsChoice } from "@/components/time-zones/MoveEnrollmentsChoice";
import type { OpenEnrollmentZone, Settings } from "@/lib/account";
import { WEEKDAYS } from "@/lib/validation/settings";
import { useSettingsForm } from "./use-settings-form";

const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function SettingsForm({ initial, openEnrollments = [] }: { initial: Settings; openEnrollments?: OpenEnrollmentZone[] }) {
  const { name, enabled, weekday, hour, timezone, moveEnrollments, behind, save, onSubmit } = useSettingsForm(initial, openEnrollments);

  const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="digest-heading">
      <div>
        <label htmlFor="name" className="block text-sm font-medium">
          Your name (used to greet you)
        </label>
        <input
          id="name"
          value={name.value}
          maxLength={80}
          onChange={(e) => name.onChange(e.target.value)}
          className={input}
          autoComplete="given-name"
          aria-describedby="name-error"
        />
        <FieldError id="name-error" messages={name.errors} />
      </div>
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          checked={enabled.value}
          onChange={(e) => enabled.onChange(e.target.checked)}
          className="size-5 accent-brand-700"
        />
        <span>Send me the weekly progress email</span>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="digestWeekday" className="block text-sm font-medium">
            Day
          </label>
          <select
            id="digestWeekday"
            value={weekday.value}
            onChange={(e) => weekday.onChange(e.target.value)}
            className={input}
            disabled={!enabled.value}
          >
            {WEEKDAYS.map((day, i) => (
              <option key={day} value={i + 1}>
                {day}
              </option>
            ))}
          </select>
          <FieldError id="digestWeekday-error" messages={weekday.errors} />
        </div>
        <div>
          <label htmlFor="digestHour" className="block text-sm font-medium">
            Time
          </label>
          <select
            id="digestHour"
            value={hour.value}
            onChange={(e) => hour.onChange(e.target.value)}
            className={input}
            disabled={!enabled.value}
          >
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
          <FieldError id="digestHour-error" messages={hour.errors} />
        </div>
      </div>
      <div>
        <TimeZonePicker
          id="timezone"
          label="Your time zone"
          value={timezone.value}
          onChange={timezone.onChange}
          describedBy="timezone-error"
        />
        <FieldError id="timezone-error" messages={timezone.errors} />
        {behind.length > 0 && (
          <MoveEnrollmentsChoice
            enrollments={behind}
            zone={timezone.value}
            checked={moveEnrollments.value}
            onChange={moveEnrollments.onChange}
          />
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
