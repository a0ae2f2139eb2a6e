import type { ActivityCalendar as Calendar, ActivityLevel } from "@/lib/pacing/activity-calendar";
import { dayOfIso, formatDay } from "@/lib/calendar/days";

// Filled cells stand out from empty ones at 3:1 or more (WCAG 1.4.11) in both schemes; a check-in
// day is a ring, not only another colour, so it reads apart from a milestone day without colour too.
const SHADE: Record<ActivityLevel, string> = {
  0: "bg-stone-200 dark:bg-stone-800",
  1: "bg-brand-50 ring-2 ring-inset ring-brand-700 dark:bg-stone-900 dark:ring-brand-100",
  2: "bg-brand-600",
  3: "bg-brand-800 dark:bg-brand-100",
};

const LEGEND: { level: ActivityLevel; label: string }[] = [
  { level: 0, label: "Nothing logged" },
  { level: 1, label: "Check-in" },
  { level: 2, label: "1 milestone done" },
  { level: 3, label: "2 or more done" },
];

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const hoursText = (h: number) => `${h} h`;

function cellTitle(day: NonNullable<Calendar["weeks"][number]["days"][number]>): string {
  const parts = [formatDay(dayOfIso(day.date))];
  if (day.checkIns > 0) parts.push(`${count(day.checkIns, "check-in")}, ${hoursText(day.hours)}`);
  if (day.ticks > 0) parts.push(`${count(day.ticks, "milestone")} done`);
  if (parts.length === 1) parts.push("nothing logged");
  return parts.join(": ");
}

/** One sentence for the whole calendar: what it covers and what it holds. */
export function activitySummary(calendar: Calendar): string {
  const { ticks, checkIns, hours, weeksWithCheckIn } = calendar.totals;
  const span = `${formatDay(dayOfIso(calendar.from))} to ${formatDay(dayOfIso(calendar.to))}`;
  const made =
    checkIns === 0 ? "no check-ins yet" : `${count(checkIns, "check-in")} (${hoursText(hours)}) in ${count(weeksWithCheckIn, "week")}`;
  return `${span}: ${made}, ${count(ticks, "milestone")} done.`;
}

/**
 * Days since the enrolment's start (at most 26 weeks) as a grid, Monday at the top, with month
 * labels, a legend, a mark under each week that had a check-in (the weeks a streak counts), and the
 * same numbers as a table for anyone who can't read the grid. Built by lib/pacing/activity-calendar.ts.
 */
export function ActivityCalendar({ calendar }: { calendar: Calendar }) {
  const columns = { gridTemplateColumns: `repeat(${calendar.weeks.length}, max-content)` };
  const summary = activitySummary(calendar);
  return (
    <div data-testid="activity-calendar">
      <div className="flex gap-1.5">
        <div
          aria-hidden
          className="mt-4 grid grid-rows-7 gap-[3px] text-[10px] leading-none text-stone-600 sm:text-xs sm:leading-none dark:text-stone-400"
        >
          {["Mon", "", "Wed", "", "Fri", "", ""].map((label, i) => (
            <span key={i} className="flex h-2 items-center sm:h-3">
              {label}
            </span>
          ))}
        </div>
        <div className="min-w-0">
          <div
            aria-hidden
            className="grid h-4 gap-x-[3px] text-[10px] leading-none text-stone-600 sm:text-xs sm:leading-none dark:text-stone-400"
            style={columns}
          >
            {calendar.months.map((m) => (
              <span key={`${m.week}-${m.label}`} className="whitespace-nowrap" style={{ gridColumnStart: m.week + 1, gridRowStart: 1 }}>
                {m.label}
              </span>
            ))}
          </div>
          <div role="img" aria-label={summary} className="grid grid-flow-col grid-rows-7 gap-[3px]" style={columns}>
            {calendar.weeks.flatMap((week) =>
              week.days.map((day, i) => (
                <span
                  key={`${week.monday}-${i}`}
                  data-level={day?.level}
                  title={day ? cellTitle(day) : undefined}
                  className={`block size-2 rounded-[2px] sm:size-3 ${day ? SHADE[day.level] : "opacity-0"}`}
                />
              )),
            )}
          </div>
          {/* A streak counts weeks: a bar under each week with a check-in. */}
          <div aria-hidden className="mt-1 grid gap-[3px]" style={columns}>
            {calendar.weeks.map((week) => (
              <span
                key={week.monday}
                data-week-checked-in={week.checkIns > 0 ? "true" : "false"}
                className={`block h-1 w-2 rounded-full sm:w-3 ${week.checkIns > 0 ? "bg-brand-700 dark:bg-brand-100" : "bg-transparent"}`}
              />
            ))}
          </div>
        </div>
      </div>
      <ul aria-label="Legend" className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-stone-700 dark:text-stone-300">
        {LEGEND.map((entry) => (
          <li key={entry.level} className="flex items-center gap-1">
            <span aria-hidden className={`block size-3 rounded-[2px] ${SHADE[entry.level]}`} />
            {entry.label}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span aria-hidden className="block h-1 w-3 rounded-full bg-brand-700 dark:bg-brand-100" />
          Week with a check-in
        </li>
      </ul>
      <p className="mt-2 text-xs text-stone-700 dark:text-stone-300">{summary}</p>
      <details className="mt-1">
        <summary className="min-h-11 cursor-pointer content-center text-sm font-medium">Show as a table</summary>
        <table className="mt-1 w-full text-left text-sm">
          <caption className="sr-only">Activity per week, newest first</caption>
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col" className="py-1 pr-2 font-medium">
                Week of
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                Check-ins
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                Hours
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Milestones
              </th>
            </tr>
          </thead>
          <tbody>
            {[...calendar.weeks].reverse().map((week) => (
              <tr key={week.monday} className="border-b border-stone-200 last:border-0 dark:border-stone-800">
                <th scope="row" className="whitespace-nowrap py-1 pr-2 font-normal">
                  {formatDay(dayOfIso(week.monday))}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">{week.checkIns}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{week.hours}</td>
                <td className="py-1 text-right tabular-nums">{week.ticks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
