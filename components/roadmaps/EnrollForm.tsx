"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type SubmitEvent } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { TimeZonePicker } from "@/components/time-zones/TimeZonePicker";
import { FieldError } from "@/components/ui/FieldError";
import { canonicalTimeZone } from "@/lib/time-zones";
import type { BudgetPhase } from "@/lib/pacing/budget";
import { BudgetFitNote } from "./BudgetFitNote";
import { enrollmentCreateSchema, START_DATE_MAX, START_DATE_MIN, type EnrollmentCreateInput } from "@/lib/validation/enrollment";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { localToday } from "@/lib/calendar/zones";

const todayIn = (timeZone: string) => localToday(new Date(), timeZone);

export function EnrollForm({
  roadmapSlug,
  minMonths,
  maxMonths,
  typicalMonths,
  suggestedMonths = null,
  effort,
}: {
  roadmapSlug: string;
  minMonths: number;
  maxMonths: number;
  typicalMonths: number;
  /** From the self-assessment; the user can still pick any other target. */
  suggestedMonths?: number | null;
  /** The roadmap's effort by phase: what the chosen hours mean, shown live. */
  effort: { canonicalMonths: number; maxMonths: number; phases: readonly BudgetPhase[] };
}) {
  const router = useRouter();
  const [timezone, setTimezone] = useState("Europe/London");
  const [startDate, setStartDate] = useState("");
  const [targetMonths, setTargetMonths] = useState(String(suggestedMonths ?? typicalMonths));
  const [weeklyHours, setWeeklyHours] = useState("8");
  const [fields, setFields] = useState<FieldErrors>({});

  // The browser knows the user's zone; the server render can't. Editable state, so it is seeded once
  // after hydration rather than read through useSyncExternalStore.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const accepted = zone ? canonicalTimeZone(zone) : null;
    /* eslint-disable react-hooks/set-state-in-effect -- one seeding from the device after hydration, never a loop */
    if (accepted) setTimezone(accepted);
    setStartDate(todayIn(zone || "Europe/London"));
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);

  const mutation = useMutation({
    mutationFn: (input: EnrollmentCreateInput) =>
      apiFetch<{ enrollment: { id: string } }>("/api/enrollments", { method: "POST", body: input }),
    onSuccess: ({ enrollment }) => router.push(`/dashboard?enrollment=${enrollment.id}`),
    onError: (error) => {
      if (error instanceof ApiError && error.fields) setFields(error.fields);
    },
  });

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = enrollmentCreateSchema.safeParse({
      roadmapSlug,
      startDate,
      targetMonths: Number(targetMonths),
      weeklyHours: weeklyHours === "" ? Number.NaN : Number(weeklyHours),
      timezone,
    });
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error));
      return;
    }
    setFields({});
    mutation.mutate(parsed.data);
  }

  const months = Array.from({ length: maxMonths - minMonths + 1 }, (_, i) => minMonths + i);
  const input = "mt-1 block w-full min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-4">
      <div>
        <label htmlFor="startDate" className="block text-sm font-medium">
          Start date
        </label>
        <input
          id="startDate"
          type="date"
          min={START_DATE_MIN}
          max={START_DATE_MAX}
          value={startDate}
          onChange={(e) => setStartDate(e.target.value)}
          className={input}
          aria-describedby="startDate-error"
        />
        <FieldError id="startDate-error" messages={fields.startDate} />
      </div>
      <div>
        <label htmlFor="targetMonths" className="block text-sm font-medium">
          Target duration
        </label>
        <select
          id="targetMonths"
          value={targetMonths}
          onChange={(e) => setTargetMonths(e.target.value)}
          className={input}
          aria-describedby="targetMonths-error"
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {m} months{m === suggestedMonths ? " (suggested for you)" : m === typicalMonths ? " (typical)" : ""}
            </option>
          ))}
        </select>
        <FieldError id="targetMonths-error" messages={fields.targetMonths} />
      </div>
      <div>
        <label htmlFor="weeklyHours" className="block text-sm font-medium">
          Hours a week you can give it
        </label>
        <input
          id="weeklyHours"
          type="number"
          inputMode="numeric"
          min={1}
          max={80}
          value={weeklyHours}
          onChange={(e) => setWeeklyHours(e.target.value)}
          className={input}
          aria-describedby="weeklyHours-error"
        />
        <FieldError id="weeklyHours-error" messages={fields.weeklyHours} />
        <BudgetFitNote effort={effort} weeklyHours={weeklyHours} targetMonths={targetMonths} />
      </div>
      <div>
        <TimeZonePicker id="timezone" label="Time zone" value={timezone} onChange={setTimezone} describedBy="timezone-error" />
        <FieldError id="timezone-error" messages={fields.timezone} />
      </div>
      {mutation.error && !(mutation.error instanceof ApiError && mutation.error.fields) && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {mutation.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={mutation.isPending}
        className="min-h-11 w-full rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {mutation.isPending ? "Enrolling…" : "Enrol"}
      </button>
    </form>
  );
}
