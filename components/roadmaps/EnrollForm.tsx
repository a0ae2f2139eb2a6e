"use client";

import { ApiError } from "@/components/api-client";
import { TimeZonePicker } from "@/components/time-zones/TimeZonePicker";
import { FieldError } from "@/components/ui/FieldError";
import type { BudgetPhase } from "@/lib/pacing/budget";
import { BudgetFitNote } from "./BudgetFitNote";
import { START_DATE_MAX, START_DATE_MIN } from "@/lib/validation/enrollment";
import { useEnrollForm } from "./use-enroll-form";

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
  const { fields, mutation, onSubmit } = useEnrollForm(roadmapSlug, suggestedMonths ?? typicalMonths);
  const { startDate, targetMonths, weeklyHours, timezone } = fields;

  const months = Array.from({ length: maxMonths - minMonths + 1 }, (_, i) => minMonths + i);
  const input = "mt-1 block w-full min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="mt-3 space-y-4">
      <div>
        <label htmlFor="startDate" className="block text-sm font-medium">
          Start date
        </label>
        <input
          id="startDate"
          type="date"
          min={START_DATE_MIN}
          max={START_DATE_MAX}
          value={startDate.value}
          onChange={(e) => startDate.onChange(e.target.value)}
          className={input}
          aria-describedby="startDate-error"
        />
        <FieldError id="startDate-error" messages={startDate.errors} />
      </div>
      <div>
        <label htmlFor="targetMonths" className="block text-sm font-medium">
          Target duration
        </label>
        <select
          id="targetMonths"
          value={targetMonths.value}
          onChange={(e) => targetMonths.onChange(e.target.value)}
          className={input}
          aria-describedby="targetMonths-error"
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {m} months{m === suggestedMonths ? " (suggested for you)" : m === typicalMonths ? " (typical)" : ""}
            </option>
          ))}
        </select>
        <FieldError id="targetMonths-error" messages={targetMonths.errors} />
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
          value={weeklyHours.value}
          onChange={(e) => weeklyHours.onChange(e.target.value)}
          className={input}
          aria-describedby="weeklyHours-error"
        />
        <FieldError id="weeklyHours-error" messages={weeklyHours.errors} />
        <BudgetFitNote effort={effort} weeklyHours={weeklyHours.value} targetMonths={targetMonths.value} />
      </div>
      <div>
        <TimeZonePicker id="timezone" label="Time zone" value={timezone.value} onChange={timezone.onChange} describedBy="timezone-error" />
        <FieldError id="timezone-error" messages={timezone.errors} />
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
