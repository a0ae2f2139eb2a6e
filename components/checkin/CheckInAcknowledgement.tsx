"use client";

import Link from "next/link";
import type { Streak } from "@/lib/checkins/streak";
import type { ThisWeekPlan } from "@/lib/pacing/this-week";
import { emptyWeekText, itemHoursText } from "@/lib/pacing/this-week-text";
import { CONFIDENCE, hoursText } from "./check-in-text";
import { StreakBadge } from "./StreakBadge";
import { big } from "./styles";
import type { Sent } from "./use-check-in";

/** What a check-in that reached the server did: what was saved, the streak and pace after it, what's next. */
export function CheckInAcknowledgement({
  last,
  streak,
  headline,
  week,
  onAgain,
}: {
  last: Sent;
  streak: Streak;
  headline: string;
  week: ThisWeekPlan;
  onAgain: () => void;
}) {
  const next = week.items[0];
  return (
    <section
      aria-labelledby="checked-in"
      className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 dark:border-brand-800 dark:bg-brand-950"
    >
      <h2 id="checked-in" className="font-semibold">
        Checked in
      </h2>
      <p data-testid="checkin-saved">
        Saved {hoursText(last.checkIn.hours)}, confidence {last.checkIn.confidence} (
        {CONFIDENCE.find((c) => c.value === last.checkIn.confidence)?.label})
        {last.checkIn.ticked.length > 0 ? `, done: ${last.checkIn.ticked.map((t) => t.title).join(", ")}.` : "."}
      </p>
      <StreakBadge streak={streak} />
      <p id="pace-after-checkin">
        <span data-testid="pace-status" className="font-medium">
          {last.pace.label}:
        </span>{" "}
        {headline}
      </p>
      <p data-testid="next-this-week" className="text-sm">
        {next ? (
          <>
            Next this week: <span className="font-medium">{next.title}</span> ({itemHoursText(next)}).
          </>
        ) : (
          (emptyWeekText(week) ?? "Nothing else is planned this week.")
        )}
      </p>
      <div className="flex flex-wrap gap-2 pt-1">
        <Link
          href="/dashboard"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Dashboard
        </Link>
        <button type="button" onClick={onAgain} className={`${big} border-stone-400 px-4 dark:border-stone-600`}>
          Log another check-in
        </button>
      </div>
    </section>
  );
}
