import type { Streak } from "@/lib/checkins/streak";

/** "3-week streak", with what keeps it going: this week's check-in, and the month's freeze. */
export function StreakBadge({ streak }: { streak: Streak }) {
  const weeks = streak.weeks === 1 ? "1-week streak" : `${streak.weeks}-week streak`;
  const detail = [
    streak.weeks === 0 ? "Check in this week to start one." : streak.thisWeekDone ? "This week counts." : "Check in this week to keep it.",
    streak.frozen.length > 0 ? `Freeze used for ${streak.frozen.length === 1 ? "a missed week" : `${streak.frozen.length} missed weeks`}.` : null,
    streak.freezeLeftThisMonth ? "One freeze left this month." : "This month's freeze is used.",
  ].filter(Boolean);
  return (
    <p className="text-sm" data-streak-weeks={streak.weeks}>
      <span className="font-semibold">{weeks}</span> <span className="text-stone-600 dark:text-stone-400">· {detail.join(" ")}</span>
    </p>
  );
}
