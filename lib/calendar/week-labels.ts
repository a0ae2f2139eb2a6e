// ISO-8601 week labels ("2026-W48") and their arithmetic, on day numbers (./days.ts), where no zone
// can shift them. Labels are fixed-width, so they sort (and compare) as strings in week order. Pure
// and client-safe, and light: no zone data. The week of an instant in a zone is ./iso-weeks.ts's
// isoWeekOf, which re-exports all of this.
import { dayOfIso, isoOfDay, weekdayOfDay, type DayNumber } from "./days";

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * The same weeks in PostgreSQL's words, for to_char (a timestamp's label) and to_date (a label's
 * Monday), as the weekly email's ledger (lib/digest/ledger.ts) names them in SQL; held to
 * isoWeekOfDay and mondayOfIsoWeek day by day by tests/integration/iso-weeks-sql.test.ts.
 */
export const ISO_WEEK_PG_FORMAT = 'IYYY-"W"IW';

const pad4 = (n: number) => String(n).padStart(4, "0");
const label = (year: number, week: number) => `${pad4(year)}-W${String(week).padStart(2, "0")}`;

/** The Monday of a day's week. */
const mondayOf = (day: DayNumber) => day - weekdayOfDay(day);

/** The Monday of a year's week 1: the week holding 4 January. */
const firstMonday = (year: number) => mondayOf(dayOfIso(`${pad4(year)}-01-04`));

/** A year's ISO week count: 28 December is always in its last week. */
const weeksIn = (year: number) => (mondayOf(dayOfIso(`${pad4(year)}-12-28`)) - firstMonday(year)) / 7 + 1;

/** The ISO week of a civil day number: the week, and its year, belong to its Thursday. */
export function isoWeekOfDay(day: DayNumber): string {
  const thursday = mondayOf(day) + 3;
  const year = Number(isoOfDay(thursday).slice(0, 4));
  return label(year, (mondayOf(thursday) - firstMonday(year)) / 7 + 1);
}

/** Whether `s` is a week that exists: "YYYY-Www" with 01 ≤ ww ≤ that year's 52 or 53. */
export function isIsoWeek(s: string): boolean {
  const match = ISO_WEEK.exec(s);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= weeksIn(Number(match[1]));
}

/** "2026-W48" → { year: 2026, week: 48 }; throws a RangeError for anything `isIsoWeek` rejects. */
export function isoWeekParts(week: string): { year: number; week: number } {
  if (!isIsoWeek(week)) throw new RangeError(`Not an ISO week: "${week}"`);
  return { year: Number(week.slice(0, 4)), week: Number(week.slice(6)) };
}

/** The week's Monday as a day number: week n starts n − 1 weeks after the Monday of week 1. */
function mondayDay(week: string): DayNumber {
  const parts = isoWeekParts(week);
  return firstMonday(parts.year) + (parts.week - 1) * 7;
}

/** The week's Monday as "YYYY-MM-DD". */
export function mondayOfIsoWeek(week: string): string {
  return isoOfDay(mondayDay(week));
}

/** The week before `week`, across year boundaries (2027-W01 → 2026-W53). */
export function previousIsoWeek(week: string): string {
  const parts = isoWeekParts(week);
  if (parts.week > 1) return label(parts.year, parts.week - 1);
  if (parts.year === 0) throw new RangeError(`No ISO week before "${week}" has a four-digit year`);
  return label(parts.year - 1, weeksIn(parts.year - 1));
}

/** The month ("YYYY-MM") a week belongs to: its Thursday's, the same rule ISO uses to give a week its year. */
export function isoWeekMonth(week: string): string {
  return isoOfDay(mondayDay(week) + 3).slice(0, 7);
}

/** `to` − `from` in weeks; negative when `to` is earlier. */
export function isoWeeksBetween(from: string, to: string): number {
  return (mondayDay(to) - mondayDay(from)) / 7;
}
