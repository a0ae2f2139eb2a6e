"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import type { Pacing } from "@/lib/pacing";
import { dayOfIso, formatDay } from "@/lib/calendar/days";
import type { ReplanPreview } from "@/lib/progress/pacing";
import type { EnrollmentChangeInput } from "@/lib/validation/enrollment";
import { queryKeys } from "@/components/query-keys";

const date = (iso: string) => formatDay(dayOfIso(iso));
const button = "min-h-11 rounded-lg bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";

export interface PlanFacts {
  targetMonths: number;
  weeklyHours: number;
  minMonths: number;
  maxMonths: number;
}

/**
 * Behind (or with too few hours): the two ways back, side by side and previewed before either is
 * made. Catch up keeps the plan and raises the weekly budget to pacing's catch-up hours; replan
 * previews a new target with the same pacing function (GET …/replan-preview changes nothing).
 */
export function CatchUpOrReplan({ enrollmentId, pacing, plan }: { enrollmentId: string; pacing: Pacing; plan: PlanFacts }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [months, setMonths] = useState(String(Math.min(plan.targetMonths + 3, plan.maxMonths)));
  const change = useMutation({
    mutationFn: (input: EnrollmentChangeInput) => apiFetch(`/api/enrollments/${enrollmentId}`, { method: "PATCH", body: input }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(enrollmentId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.pacing(enrollmentId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.replanPreview(enrollmentId) }),
      ]);
      router.refresh();
    },
  });
  const preview = useQuery({
    queryKey: queryKeys.replanPreview(enrollmentId, months),
    queryFn: () => apiFetch<{ preview: ReplanPreview }>(`/api/enrollments/${enrollmentId}/replan-preview?targetMonths=${months}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  // Catch-up: the hours from today's share, at least those the line itself needs to finish on time.
  const catchUp = Math.max(pacing.catchUp?.hoursPerWeek ?? 0, pacing.budget?.hoursForTarget ?? 0);
  const options = Array.from({ length: plan.maxMonths - plan.minMonths + 1 }, (_, i) => plan.minMonths + i).filter(
    (m) => m !== plan.targetMonths,
  );
  const p = preview.data?.preview;

  return (
    <div className="mt-3 grid gap-3 md:grid-cols-2">
      <section
        data-testid="catch-up"
        aria-labelledby="catch-up-heading"
        className="rounded-lg border border-amber-300 bg-white p-3 dark:border-amber-800 dark:bg-stone-900"
      >
        <h3 id="catch-up-heading" className="font-semibold">
          Catch up
        </h3>
        {catchUp === 0 ? (
          <p>Nothing to catch up on the hours: keep to the plan.</p>
        ) : catchUp <= plan.weeklyHours ? (
          <p>
            Your {plan.weeklyHours} h a week cover it: give the roadmap all of them each week and you are back on the line by{" "}
            {date(pacing.targetDate)}.
          </p>
        ) : catchUp > 80 ? (
          <p>Catching up by {date(pacing.targetDate)} would take more than 80 h a week: a later target is the way.</p>
        ) : (
          <>
            <p>
              Plan on <strong>{catchUp} h a week</strong> (now {plan.weeklyHours} h) and you are back on the line by your target,{" "}
              {date(pacing.targetDate)}. The target stays; the budget changes.
            </p>
            <button
              type="button"
              className={`${button} mt-2`}
              disabled={change.isPending}
              onClick={() => change.mutate({ action: "budget", weeklyHours: catchUp })}
            >
              Plan on {catchUp} h a week
            </button>
          </>
        )}
      </section>
      <section
        data-testid="replan-preview"
        aria-labelledby="replan-heading"
        className="rounded-lg border border-amber-300 bg-white p-3 dark:border-amber-800 dark:bg-stone-900"
      >
        <h3 id="replan-heading" className="font-semibold">
          Replan
        </h3>
        <label htmlFor="replan-preview-target" className="block">
          Plan length, with the line from today
        </label>
        <select
          id="replan-preview-target"
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          className="mt-1 min-h-11 rounded-lg border border-stone-400 bg-white px-2 dark:border-stone-600 dark:bg-stone-950"
        >
          {options.map((m) => (
            <option key={m} value={m}>
              {m} months
            </option>
          ))}
        </select>
        <div aria-live="polite" className="mt-2 space-y-1">
          {preview.error ? (
            <p role="alert" className="font-medium text-red-800 dark:text-red-300">
              {(preview.error instanceof ApiError && preview.error.fields?.targetMonths?.[0]) || preview.error.message}
            </p>
          ) : p ? (
            <>
              <p data-testid="replan-preview-summary">
                New target <strong>{date(p.targetDate)}</strong>; at {p.weeklyHours} h a week you finish{" "}
                {p.finishDate ? `about ${date(p.finishDate)}` : "in more than 15 years"}
                {p.hoursForTarget !== null && p.hoursForTarget > p.weeklyHours ? `; to make it, plan on ${p.hoursForTarget} h a week` : ""}.
              </p>
              <p>
                It starts as <strong>{p.verdict.label}</strong>: {p.verdict.headline}. Every tick is kept, and the current line stays on the
                chart, faded.
              </p>
              <button
                type="button"
                className={button}
                disabled={change.isPending || preview.isPlaceholderData}
                onClick={() => change.mutate({ action: "replan", targetMonths: p.targetMonths })}
              >
                Replan to {p.targetMonths} months
              </button>
            </>
          ) : (
            <p>Working out the new plan…</p>
          )}
        </div>
      </section>
      {change.error && (
        <p role="alert" className="text-sm font-medium text-red-700 md:col-span-2 dark:text-red-400">
          {(change.error instanceof ApiError && (change.error.fields?.targetMonths?.[0] ?? change.error.fields?.weeklyHours?.[0])) ||
            change.error.message}
        </p>
      )}
    </div>
  );
}
