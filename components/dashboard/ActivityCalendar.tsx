import { dayOfIso, formatDay, isoOfDay } from "@/lib/pacing/calendar";

const WEEKS = 26;

/**
 * The last 26 weeks as a grid of days (Monday at the top), shaded by how many milestones were
 * completed that day. One image for screen readers, with a sentence that says what it shows.
 */
export function ActivityCalendar({ activity, today }: { activity: { date: string; count: number }[]; today: string }) {
  const todayDay = dayOfIso(today);
  // Day 0 (1 Jan 1970) was a Thursday: (day + 3) % 7 is 0 on Mondays.
  const lastMonday = todayDay - ((todayDay + 3) % 7);
  const first = lastMonday - (WEEKS - 1) * 7;
  const counts = new Map(activity.map((a) => [dayOfIso(a.date), a.count]));
  const activeDays = [...counts.entries()].filter(([day, count]) => day >= first && day <= todayDay && count > 0).length;
  const label = `Milestones completed per day, ${formatDay(first)} to ${formatDay(todayDay)}: progress on ${activeDays} ${activeDays === 1 ? "day" : "days"}.`;
  // Days with progress must stand out from empty ones at 3:1 or more (WCAG 1.4.11), in both schemes.
  const shade = (count: number) =>
    count === 0 ? "bg-stone-200 dark:bg-stone-800" : count === 1 ? "bg-brand-600" : "bg-brand-800 dark:bg-brand-100";
  return (
    <div>
      <div role="img" aria-label={label} className="grid w-fit grid-flow-col grid-rows-7 gap-[3px]">
        {Array.from({ length: WEEKS * 7 }, (_, i) => first + i).map((day) => (
          <span
            key={day}
            title={day <= todayDay ? `${isoOfDay(day)}: ${counts.get(day) ?? 0}` : undefined}
            className={`block size-2 rounded-[2px] sm:size-3 ${day > todayDay ? "opacity-0" : shade(counts.get(day) ?? 0)}`}
          />
        ))}
      </div>
      <p className="mt-2 text-xs text-stone-700 dark:text-stone-300">{label}</p>
    </div>
  );
}
