// The dashboard's activity calendar: which days and weeks had milestones done and check-ins made.
// Pure: dates in, a grid of weeks out, with its month labels and totals; the component only draws it.
//
// It runs from the enrolment's start, or over the last 26 weeks when the plan is older, so day 0
// isn't half a year of grey before the account existed. Weeks are ISO weeks (Monday first), the
// weeks check-ins and streaks count in.
import { civilOfDay, dayOfIso, isoOfDay, MONTHS, type DayNumber } from "../calendar/days";

export const CALENDAR_MAX_WEEKS = 26;

/** Shade of a day: nothing, a check-in only, one milestone done, two or more done. */
export type ActivityLevel = 0 | 1 | 2 | 3;

export interface ActivityDay {
  date: string;
  /** Milestones that became done that day. */
  ticks: number;
  checkIns: number;
  hours: number;
  level: ActivityLevel;
}

export interface ActivityWeek {
  /** Its Monday, "YYYY-MM-DD". */
  monday: string;
  /** Monday to Sunday; null outside the calendar (before its first day, after today). */
  days: (ActivityDay | null)[];
  ticks: number;
  checkIns: number;
  hours: number;
}

export interface ActivityCalendar {
  from: string;
  to: string;
  weeks: ActivityWeek[];
  /** A label over the week column where a month begins ("Jan"), and over the first column. */
  months: { week: number; label: string }[];
  totals: { ticks: number; checkIns: number; hours: number; activeDays: number; weeksWithCheckIn: number };
}

export interface ActivityInput {
  /** The enrolment's start date and today, "YYYY-MM-DD", on the enrolment's wall calendar. */
  start: string;
  today: string;
  /** Milestones done per local day (the pacing model's `activity`). */
  ticks: readonly { date: string; count: number }[];
  /** Check-ins per local day, with their hours. */
  checkIns: readonly { date: string; count: number; hours: number }[];
}

/** Day 0 (1 Jan 1970) was a Thursday: 0 on Mondays. */
const weekdayOf = (day: DayNumber) => (((day + 3) % 7) + 7) % 7;

/** Tenths of an hour, so 0.1 + 0.2 adds up to 0.3. */
const tenths = (hours: number) => Math.round(hours * 10) / 10;

function levelOf(ticks: number, checkIns: number): ActivityLevel {
  if (ticks >= 2) return 3;
  if (ticks === 1) return 2;
  return checkIns > 0 ? 1 : 0;
}

export function buildActivityCalendar(input: ActivityInput): ActivityCalendar {
  const today = dayOfIso(input.today);
  const thisMonday = today - weekdayOf(today);
  const earliest = thisMonday - (CALENDAR_MAX_WEEKS - 1) * 7;
  // A start still to come shows this week alone, empty.
  const first = Math.min(today, Math.max(dayOfIso(input.start), earliest));
  const firstMonday = first - weekdayOf(first);

  const ticks = new Map<DayNumber, number>();
  for (const t of input.ticks) ticks.set(dayOfIso(t.date), (ticks.get(dayOfIso(t.date)) ?? 0) + t.count);
  const checkIns = new Map<DayNumber, { count: number; hours: number }>();
  for (const c of input.checkIns) {
    const day = dayOfIso(c.date);
    const seen = checkIns.get(day);
    checkIns.set(day, { count: (seen?.count ?? 0) + c.count, hours: (seen?.hours ?? 0) + c.hours });
  }

  const weeks: ActivityWeek[] = [];
  const months: ActivityCalendar["months"] = [];
  const totals = { ticks: 0, checkIns: 0, hours: 0, activeDays: 0, weeksWithCheckIn: 0 };
  let firstLabelIsFallback = false;
  for (let monday = firstMonday; monday <= thisMonday; monday += 7) {
    const week: ActivityWeek = { monday: isoOfDay(monday), days: [], ticks: 0, checkIns: 0, hours: 0 };
    for (let day = monday; day < monday + 7; day++) {
      if (day < first || day > today) {
        week.days.push(null);
        continue;
      }
      const done = ticks.get(day) ?? 0;
      const made = checkIns.get(day) ?? { count: 0, hours: 0 };
      const level = levelOf(done, made.count);
      week.days.push({ date: isoOfDay(day), ticks: done, checkIns: made.count, hours: tenths(made.hours), level });
      week.ticks += done;
      week.checkIns += made.count;
      week.hours += made.hours;
      if (level > 0) totals.activeDays++;
    }
    week.hours = tenths(week.hours);
    totals.ticks += week.ticks;
    totals.checkIns += week.checkIns;
    totals.hours += week.hours;
    if (week.checkIns > 0) totals.weeksWithCheckIn++;
    // A month's label goes over the week holding its 1st; the first column is labelled with its own
    // month, unless the next column starts a month (two labels side by side would overlap).
    const index = weeks.length;
    const shown = [...Array(7).keys()].map((i) => monday + i).filter((d) => d >= first);
    const starts = shown.find((d) => civilOfDay(d).dayOfMonth === 1);
    const labelDay = starts ?? (index === 0 ? shown[0] : undefined);
    if (months.length === 1 && months[0]?.week === 0 && index === 1 && starts !== undefined && firstLabelIsFallback) months.pop();
    if (labelDay !== undefined) {
      months.push({ week: index, label: MONTHS[civilOfDay(labelDay).month - 1] ?? "" });
      if (index === 0) firstLabelIsFallback = starts === undefined;
    }
    weeks.push(week);
  }
  totals.hours = tenths(totals.hours);
  return { from: isoOfDay(first), to: input.today, weeks, months, totals };
}
