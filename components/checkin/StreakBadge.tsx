import type { Streak } from "@/lib/checkins/streak";
import { FREEZES_PER_MONTH } from "@/lib/checkins/streak-rules";

/**
 * "3-week streak", with what keeps it going (this week's check-in, the month's freeze), and one line
 * saying what the two words mean: neither is obvious to someone who hasn't used a streak app.
 */
export function StreakBadge({ streak }: { streak: Streak }) {
  const weeks = streak.weeks === 1 ? "1-week streak" : `${streak.weeks}-week streak`;
  const detail = [
    streak.weeks === 0 ? "Check in this week to start one." : streak.thisWeekDone ? "This week counts." : "Check in this week to keep it.",
    streak.frozen.length > 0
      ? `Freeze used for ${streak.frozen.length === 1 ? "a missed week" : `${streak.frozen.length} missed weeks`}.`
      : null,
    streak.freezeLeftThisMonth ? "One freeze left this month." : "This month's freeze is used.",
  ].filter(Boolean);
  return (
    <div className="text-sm" data-streak-weeks={streak.weeks}>
      <p>
        <span className="font-semibold">{weeks}</span> <span className="text-stone-600 dark:text-stone-400">· {detail.join(" ")}</span>
      </p>
      <p data-testid="streak-explained" className="text-xs text-stone-600 dark:text-stone-400">
        A streak counts weeks in a row with a check-in; a freeze covers{" "}
        {FREEZES_PER_MONTH === 1 ? "one missed week" : `${FREEZES_PER_MONTH} missed weeks`} a month without breaking it.
      </p>
    </div>
  );
}
