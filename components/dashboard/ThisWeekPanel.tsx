import type { ThisWeekPlan } from "@/lib/pacing/this-week";
import { emptyWeekText, itemHoursText, weekProgressText } from "@/lib/pacing/this-week-text";

/**
 * "This week": the milestones to work on this week with hours each, and the hours logged so far
 * against the budget. The dashboard and /checkin both show it, from pacing's one plan.
 */
export function ThisWeekPanel({ plan }: { plan: ThisWeekPlan }) {
  const running = plan.state === "active" && plan.budgetHours > 0;
  const share = running ? Math.min(plan.loggedHours / plan.budgetHours, 1) : 0;
  const empty = emptyWeekText(plan);
  return (
    <section
      aria-labelledby="this-week"
      data-testid="this-week"
      className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="this-week" className="font-semibold">
        This week
      </h2>
      {running && (
        <>
          <p data-testid="week-progress" className="mt-1 text-sm text-stone-700 dark:text-stone-300">
            {weekProgressText(plan)}
          </p>
          <div aria-hidden className="mt-1 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800">
            <div className="h-full rounded-full bg-brand-700" style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
        </>
      )}
      {plan.items.length > 0 && (
        <ol className="mt-3 space-y-2">
          {plan.items.map((item) => (
            <li
              key={item.id}
              data-testid="this-week-item"
              data-week-milestone={item.id}
              className="flex items-baseline justify-between gap-3 text-sm"
            >
              <span className="min-w-0">
                <span className="font-medium">{item.title}</span>
                {item.inProgress && <span className="ml-2 text-xs text-stone-600 dark:text-stone-400">in progress</span>}
              </span>
              <span data-testid="this-week-hours" className="shrink-0 text-stone-700 dark:text-stone-300">
                {itemHoursText(item)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {empty && <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">{empty}</p>}
    </section>
  );
}
