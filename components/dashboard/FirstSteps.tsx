import Link from "next/link";
import type { ThisWeekPlan } from "@/lib/pacing/this-week";
import { itemHoursText } from "@/lib/pacing/this-week-text";

/**
 * Day 0, before the first tick or check-in: three things to do, in place of an empty activity
 * calendar. It goes once there is something to show there.
 */
export function FirstSteps({ plan }: { plan: ThisWeekPlan }) {
  const first = plan.items[0];
  const step = "rounded-lg border border-stone-200 p-3 dark:border-stone-800";
  const link = "inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100";
  return (
    <section
      aria-labelledby="first-steps"
      data-testid="first-steps"
      className="rounded-xl border-2 border-brand-700 bg-white p-4 dark:bg-stone-900"
    >
      <h2 id="first-steps" className="font-semibold">
        Your first steps
      </h2>
      <ol className="mt-3 space-y-3 text-sm">
        <li className={step}>
          <p className="font-medium">
            1. This week: {first ? `${first.title} (${itemHoursText(first)})` : "the first milestone of your plan"}
          </p>
          <p className="mt-1 text-stone-700 dark:text-stone-300">
            Tick it on this page when it&apos;s done; your plan for the week is just above.
          </p>
          {first && (
            <a href={`#milestone-${first.id}`} className={link}>
              Go to it
            </a>
          )}
        </li>
        <li className={step}>
          <p className="font-medium">2. Check in from your phone</p>
          <p className="mt-1 text-stone-700 dark:text-stone-300">
            Once a week, log your hours and what you finished: about 30 seconds. Check-ins build your streak and your pace.
          </p>
          <Link href="/checkin" className={link}>
            Open the check-in
          </Link>
        </li>
        <li className={step}>
          <p className="font-medium">3. Install the app</p>
          <p className="mt-1 text-stone-700 dark:text-stone-300">
            On your phone, choose Install (or Add to Home Screen) in the browser&apos;s menu: Waypoint then opens straight at the check-in,
            and it works without a connection.
          </p>
        </li>
      </ol>
    </section>
  );
}
