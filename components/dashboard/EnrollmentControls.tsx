"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { BudgetFitNote } from "@/components/roadmaps/BudgetFitNote";
import { hasEnded } from "@/lib/enrollment-status";
import type { BudgetPhase } from "@/lib/pacing/budget";
import type { Dashboard } from "@/lib/progress";
import type { EnrollmentChangeInput } from "@/lib/validation/enrollment";
import { queryKeys } from "@/components/query-keys";

const button =
  "min-h-11 rounded-lg border border-stone-300 px-3 py-2 text-sm font-medium hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

export function EnrollmentControls({
  enrollment,
  effort,
}: {
  enrollment: Dashboard["enrollment"];
  effort: { canonicalMonths: number; maxMonths: number; phases: readonly BudgetPhase[] };
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState(String(enrollment.targetMonths));
  const [hours, setHours] = useState(String(enrollment.weeklyHours));
  const [confirmLeave, setConfirmLeave] = useState(false);
  const change = useMutation({
    mutationFn: (input: EnrollmentChangeInput) => apiFetch(`/api/enrollments/${enrollment.id}`, { method: "PATCH", body: input }),
    onSuccess: async () => {
      setConfirmLeave(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(enrollment.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.pacing(enrollment.id) }),
      ]);
      router.refresh();
    },
  });
  if (hasEnded(enrollment.status)) {
    return (
      <p className="text-sm text-stone-700 dark:text-stone-300">
        This enrolment has ended. Your ticks are kept, and count again if you re-enrol.
      </p>
    );
  }
  const { minMonths, maxMonths } = enrollment.roadmap;
  const months = Array.from({ length: maxMonths - minMonths + 1 }, (_, i) => minMonths + i);
  const replans = enrollment.changes.filter((c) => c.kind === "replanned");
  const budgets = enrollment.changes.filter((c) => c.kind === "budget_changed");
  return (
    <section
      id="plan-controls"
      aria-label="Plan"
      className="scroll-mt-4 flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      {enrollment.status === "active" ? (
        <button type="button" className={button} disabled={change.isPending} onClick={() => change.mutate({ action: "pause" })}>
          Pause
        </button>
      ) : (
        <button type="button" className={button} disabled={change.isPending} onClick={() => change.mutate({ action: "resume" })}>
          Resume
        </button>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const weeklyHours = Number(hours);
          const newHours = weeklyHours !== enrollment.weeklyHours ? { weeklyHours } : {};
          // A new target is a replan (with the new budget, if any); a new budget alone is kept as its own change.
          if (Number(target) !== enrollment.targetMonths) change.mutate({ action: "replan", targetMonths: Number(target), ...newHours });
          else change.mutate({ action: "budget", weeklyHours });
        }}
      >
        <div>
          <label htmlFor="replan-target" className="block text-sm font-medium">
            Target
          </label>
          <select
            id="replan-target"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            className="mt-1 min-h-11 rounded-lg border border-stone-400 bg-white px-2 dark:border-stone-600 dark:bg-stone-950"
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {m} months
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="replan-hours" className="block text-sm font-medium">
            Hours a week
          </label>
          <input
            id="replan-hours"
            type="number"
            inputMode="numeric"
            min={1}
            max={80}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            className="mt-1 min-h-11 w-24 rounded-lg border border-stone-400 bg-white px-2 dark:border-stone-600 dark:bg-stone-950"
          />
        </div>
        <button
          type="submit"
          className={button}
          disabled={change.isPending || (Number(target) === enrollment.targetMonths && Number(hours) === enrollment.weeklyHours)}
        >
          {Number(target) === enrollment.targetMonths && Number(hours) !== enrollment.weeklyHours ? "Change hours" : "Change target"}
        </button>
        <div className="basis-full">
          <BudgetFitNote effort={effort} weeklyHours={hours} targetMonths={target} />
        </div>
      </form>
      {confirmLeave ? (
        <span className="flex flex-wrap items-center gap-2">
          <span className="text-sm">Leave this roadmap? Your ticks are kept.</span>
          <button
            type="button"
            className={`${button} border-red-700 text-red-800 dark:text-red-300`}
            onClick={() => change.mutate({ action: "abandon" })}
          >
            Yes, leave
          </button>
          <button type="button" className={button} onClick={() => setConfirmLeave(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className={button} onClick={() => setConfirmLeave(true)}>
          Leave roadmap
        </button>
      )}
      {replans.length > 0 && (
        <p className="basis-full text-xs text-stone-600 dark:text-stone-400">
          Replanned {replans.length}× — last from {replans.at(-1)?.fromTargetMonths} to {replans.at(-1)?.toTargetMonths} months.
        </p>
      )}
      {budgets.length > 0 && (
        <p className="basis-full text-xs text-stone-600 dark:text-stone-400">
          Hours changed {budgets.length}× — last from {budgets.at(-1)?.fromWeeklyHours} to {budgets.at(-1)?.toWeeklyHours} h a week.
        </p>
      )}
      {change.error && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700 dark:text-red-400">
          {(change.error instanceof ApiError && (change.error.fields?.targetMonths?.[0] ?? change.error.fields?.weeklyHours?.[0])) ||
            change.error.message}
        </p>
      )}
    </section>
  );
}
