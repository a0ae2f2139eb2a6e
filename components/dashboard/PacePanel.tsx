"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import { ActivityCalendar } from "@/components/dashboard/ActivityCalendar";
import type { ActivityCalendar as ActivityCalendarModel } from "@/lib/pacing/activity-calendar";
import { CatchUpOrReplan, type PlanFacts } from "@/components/dashboard/CatchUpOrReplan";
import { PaceChart } from "@/components/dashboard/PaceChart";
import { PaceStatusBadge } from "@/components/dashboard/PaceStatusBadge";
import type { Pacing } from "@/lib/pacing";
import { dayOfIso, formatDay } from "@/lib/calendar/days";
import { describeDue } from "@/lib/pacing/headline";
import { TONE_CLASS } from "./verdict-tone";
import { formatPercent } from "@/lib/progress/summary";
import { queryKeys } from "@/components/query-keys";

export interface PacingResponse {
  pacing: Pacing;
  headline: string;
}

const date = (iso: string) => formatDay(dayOfIso(iso));

/** `plan`: the enrolment's target and budget, for the catch-up and replan offer; without it, only the advice. */
/** `calendar`: the activity calendar, or null on day 0 (the dashboard shows first steps instead). */
export function PacePanel({
  enrollmentId,
  initial,
  plan,
  calendar,
}: {
  enrollmentId: string;
  initial: PacingResponse;
  plan?: PlanFacts;
  calendar: ActivityCalendarModel | null;
}) {
  const { data } = useQuery({
    queryKey: queryKeys.pacing(enrollmentId),
    queryFn: () => apiFetch<PacingResponse>(`/api/enrollments/${enrollmentId}/pacing`),
    initialData: initial,
  });
  const { pacing, headline } = data;
  // Every word and colour about pace here is the verdict's (lib/pacing/verdict.ts).
  const { verdict } = pacing;

  return (
    <section
      aria-labelledby="pace-heading"
      className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="pace-heading" className="text-lg font-semibold">
          Your pace
        </h2>
        <PaceStatusBadge verdict={verdict} />
        {verdict.bufferChip && (
          <span
            data-testid="pace-buffer"
            className={`rounded-full px-2 py-0.5 text-sm font-medium tabular-nums ${TONE_CLASS[verdict.tone]}`}
          >
            {verdict.bufferChip}
          </span>
        )}
      </div>
      <p data-testid="pace-headline" className="text-base font-medium sm:text-lg" aria-live="polite">
        {headline}
      </p>

      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure term="Done" value={formatPercent(pacing.actual.share)} detail={`plan: ${formatPercent(pacing.planned.share)} by today`} />
        <Figure
          term="Pace"
          value={pacing.velocity ? `${pacing.velocity.hoursPerWeek.toFixed(1)} h/week` : "—"}
          detail={
            pacing.velocity
              ? pacing.velocity.basis === "trailing"
                ? "of roadmap effort, last 4 weeks"
                : "of roadmap effort, since you started"
              : "needs a week of history"
          }
        />
        <Figure term="Target" value={date(pacing.targetDate)} detail={`plan of ${pacing.plans.at(-1)?.targetMonths ?? "?"} months`} />
        <Figure
          term="Projected"
          value={pacing.finishedOn ? date(pacing.finishedOn) : pacing.projectedFinish ? date(pacing.projectedFinish) : "Not enough data"}
          detail={`limit ${date(pacing.limitDate)}`}
        />
      </dl>
      {pacing.earliestFinish && (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Time-based milestones hold the finish to {date(pacing.earliestFinish)} at the earliest.
        </p>
      )}

      <PaceChart pacing={pacing} />

      {verdict.advice && (
        <div
          data-testid="pace-advice"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">{verdict.advice.title}</p>
          <p>
            {verdict.advice.text}{" "}
            <a href="#plan-controls" className="underline">
              Go to Plan
            </a>{" "}
            (the longest target ends {date(pacing.limitDate)}).
          </p>
          {/* Both ways back, previewed: only where there is a way back to offer (behind, or too few hours). */}
          {plan &&
            !pacing.paused &&
            (pacing.catchUp !== null || verdict.rule === "budget_too_small" || verdict.rule === "budget_past_limit") && (
              <CatchUpOrReplan enrollmentId={enrollmentId} pacing={pacing} plan={plan} />
            )}
        </div>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">Next by the plan</h3>
          {pacing.nextMilestones.length === 0 ? (
            <p className="mt-1 text-sm">Nothing left: every milestone is done or skipped.</p>
          ) : (
            <ol className="mt-1 space-y-1 text-sm">
              {pacing.nextMilestones.map((m) => (
                <li key={m.id}>
                  <a href={`#milestone-${m.id}`} className="underline decoration-stone-400 underline-offset-2 hover:decoration-current">
                    {m.title}
                  </a>
                  <span className="text-stone-700 dark:text-stone-300">
                    {" "}
                    · {m.phaseTitle}, {describeDue(m.dueDate, pacing.today.date)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">Your activity</h3>
          {calendar ? (
            <ActivityCalendar calendar={calendar} />
          ) : (
            <p className="text-sm text-stone-700 dark:text-stone-300">Your first tick or check-in starts your activity calendar here.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Figure({ term, value, detail }: { term: string; value: string; detail: string }) {
  return (
    <div>
      <dt className="text-stone-700 dark:text-stone-300">{term}</dt>
      <dd className="text-base font-semibold tabular-nums">{value}</dd>
      <dd className="text-xs text-stone-700 dark:text-stone-300">{detail}</dd>
    </div>
  );
}
