"use client";

import Link from "next/link";
import type { SyntheticEvent } from "react";
import { apiFetch } from "@/components/api-client";
import { PaceStatusBadge } from "@/components/dashboard/PaceStatusBadge";
import { FieldError } from "@/components/ui/FieldError";
import type { PivotOverview } from "@/lib/applications";
import { INTERVIEW_GOAL_MAX, INTERVIEW_GOAL_MIN } from "@/lib/pivot/interview-goal";
import { APPLICATIONS_PER_WEEK_MAX, INTERVIEWS_PER_WEEK_MAX } from "@/lib/validation/applications";
import type { FieldErrors } from "@/lib/validation/field-errors";

const input =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950";
const panel = "space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";
const primary =
  "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";
const GOALS = Array.from({ length: INTERVIEW_GOAL_MAX - INTERVIEW_GOAL_MIN + 1 }, (_, i) => INTERVIEW_GOAL_MIN + i);

type Run = (key: string, request: () => Promise<unknown>) => Promise<boolean>;

/** The credibility check before applying: three items, each linking to where it is done. */
export function ReadinessPanel({ overview }: { overview: PivotOverview }) {
  const { readiness } = overview;
  return (
    <section aria-labelledby="readiness-heading" className={panel} data-testid="readiness">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="readiness-heading" className="text-lg font-semibold">
          Before you apply
        </h2>
        <span data-testid="readiness-summary" className="text-sm font-medium">
          {readiness.summary}
        </span>
      </div>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        What makes an ML Engineer application credible is one feature you shipped, how you measured it, and a CV that leads with both.
      </p>
      <ul className="space-y-2">
        {readiness.items.map((item) => (
          <li key={item.key} data-testid={`readiness-${item.key}`} data-done={item.done} className="flex items-start gap-2 text-sm">
            <span aria-hidden="true" className={item.done ? "text-green-700 dark:text-green-400" : "text-stone-500 dark:text-stone-400"}>
              {item.done ? "✓" : "○"}
            </span>
            <span className="min-w-0">
              <span className="sr-only">{item.done ? "Done: " : "To do: "}</span>
              <Link href={item.href} className="inline-flex min-h-11 items-center font-medium underline underline-offset-2 sm:min-h-0">
                {item.label}
              </Link>
              {!item.done && <span className="block text-stone-600 dark:text-stone-400">{item.todo}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The weekly targets and interview goal, and the pace against them in the plan's own words. */
export function PivotPacePanel({
  overview,
  busy,
  errors,
  run,
}: {
  overview: PivotOverview;
  busy: string | null;
  errors: Record<string, { message: string; fields?: FieldErrors }>;
  run: Run;
}) {
  const key = "plan";
  const { plan, pace } = overview;
  const fields = errors[key]?.fields;
  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const target = (name: string) => {
      const value = data.get(name);
      if (typeof value !== "string" || value.trim() === "") return null;
      return Number(value);
    };
    await run(key, () =>
      apiFetch("/api/pivot-plan", {
        method: "PUT",
        body: {
          interviewGoal: Number(data.get("interviewGoal")),
          applicationsPerWeek: target("applicationsPerWeek"),
          interviewsPerWeek: target("interviewsPerWeek"),
        },
      }),
    );
  }
  return (
    <section aria-labelledby="pivot-pace-heading" className={panel}>
      <h2 id="pivot-pace-heading" className="text-lg font-semibold">
        Your pace this phase
      </h2>
      {pace.measures.length === 0 ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Set a weekly target below to see whether you&apos;re keeping it, here and in your weekly email.
        </p>
      ) : (
        <ul className="space-y-2" data-testid="pivot-pace">
          {pace.measures.map((m) => (
            <li key={m.kind} data-testid={`pivot-pace-${m.kind}`} data-status={m.status} className="text-sm">
              <span className="font-medium">{m.kind === "applications" ? "Applications sent" : "Interviews done"}</span>{" "}
              <PaceStatusBadge verdict={m} />
              <span className="mt-1 block text-stone-700 dark:text-stone-300">{m.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3" aria-labelledby="pivot-pace-heading">
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor="applicationsPerWeek" className="block text-sm font-medium">
              Applications a week
            </label>
            <input
              id="applicationsPerWeek"
              name="applicationsPerWeek"
              type="number"
              inputMode="numeric"
              min={1}
              max={APPLICATIONS_PER_WEEK_MAX}
              defaultValue={plan.applicationsPerWeek ?? ""}
              placeholder="No target"
              className={input}
              aria-describedby="applicationsPerWeek-error"
            />
            <FieldError id="applicationsPerWeek-error" messages={fields?.applicationsPerWeek} />
          </div>
          <div>
            <label htmlFor="interviewsPerWeek" className="block text-sm font-medium">
              Interviews a week
            </label>
            <input
              id="interviewsPerWeek"
              name="interviewsPerWeek"
              type="number"
              inputMode="numeric"
              min={1}
              max={INTERVIEWS_PER_WEEK_MAX}
              defaultValue={plan.interviewsPerWeek ?? ""}
              placeholder="No target"
              className={input}
              aria-describedby="interviewsPerWeek-error"
            />
            <FieldError id="interviewsPerWeek-error" messages={fields?.interviewsPerWeek} />
          </div>
          <div>
            <label htmlFor="interviewGoal" className="block text-sm font-medium">
              Interviews to get through
            </label>
            <select
              id="interviewGoal"
              name="interviewGoal"
              defaultValue={plan.interviewGoal}
              className={input}
              aria-describedby="interviewGoal-error"
            >
              {GOALS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <FieldError id="interviewGoal-error" messages={fields?.interviewGoal} />
          </div>
        </div>
        <p className="text-xs text-stone-600 dark:text-stone-400">
          The pace counts whole weeks since a target last changed, four at most; this week counts once it ends. The interview milestone is
          ticked when you log the interview that reaches your number.
        </p>
        {errors[key] && !fields && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {errors[key].message}
          </p>
        )}
        <button type="submit" className={primary} disabled={busy === key}>
          {busy === key ? "Saving…" : "Save targets"}
        </button>
      </form>
    </section>
  );
}
