// ISO-8601 weeks ("2026-W48") for weekly check-ins. Pure.
//
// A check-in belongs to the week of the user's local calendar date, so the instant is read in the
// user's zone; everything after that is civil-date arithmetic, done in UTC where no zone can shift it.
// Labels are fixed-width, so they sort (and compare) as strings in week order.

import { TZDate } from "@date-fns/tz";
import { civilOfDay, dayOfIso, isoOfDay, localDayFunction } from "../pacing/calendar";
import { isAcceptedTimeZone } from "../time-zones";
import { addWeeks, differenceInCalendarISOWeeks, getISOWeek, startOfISOWeek } from "date-fns";

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

const label = (year: number, week: number) => `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;

/** Midnight UTC on a civil date; setFullYear because the Date constructor maps years 0–99 to 1900–1999. */
function utcCivil(year: number, monthIndex: number, day: number): TZDate {
  const date = new TZDate(0, "UTC");
  date.setFullYear(year, monthIndex, day);
  return date;
}

// date-fns on a TZDate costs tens of µs per call (every setter goes through Intl), and a streak walks
// weeks one by one; so the per-year facts are computed once. Bounded by the 10,000 four-digit years.
const yearFacts = new Map<number, { weeks: number; firstMonday: number }>();

/**
 * A year's ISO week count (28 December is always in the last week, so its number is the count) and
 * the Monday of its week 1 (the week holding 4 January), as a timestamp.
 */
function isoYear(year: number): { weeks: number; firstMonday: number } {
  let facts = yearFacts.get(year);
  if (!facts) {
    facts = { weeks: getISOWeek(utcCivil(year, 11, 28)), firstMonday: startOfISOWeek(utcCivil(year, 0, 4)).getTime() };
    yearFacts.set(year, facts);
  }
  return facts;
}

/** The ISO week of the instant `at` on the wall calendar of the IANA zone `timeZone`. */
export function isoWeekOf(at: Date, timeZone: string): string {
  const ms = at.getTime();
  // A zone outside the one accepted list, or an invalid Date, must not give a week label to store.
  if (Number.isNaN(ms) || !isAcceptedTimeZone(timeZone)) throw new RangeError(`Cannot place ${String(at)} in time zone "${timeZone}"`);
  // The local date from the zone's cached offset table (lib/pacing/calendar.ts): the weekly digest
  // asks this for thousands of users, and a TZDate with date-fns costs ~0.2 ms a call.
  return isoWeekOfDay(localDayFunction(timeZone, ms, ms)(ms));
}

/** The ISO week of a civil day number (days since 1970-01-01): the week, and its year, belong to its Thursday. */
export function isoWeekOfDay(day: number): string {
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday; day 0 was a Thursday
  const thursday = day - weekday + 3;
  const year = civilOfDay(thursday).year;
  return label(year, Math.floor((thursday - dayOfIso(`${String(year).padStart(4, "0")}-01-01`)) / 7) + 1);
}

/** Whether `s` is a week that exists: "YYYY-Www" with 01 ≤ ww ≤ that year's 52 or 53. */
export function isIsoWeek(s: string): boolean {
  const match = ISO_WEEK.exec(s);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoYear(Number(match[1])).weeks;
}

/** "2026-W48" → { year: 2026, week: 48 }; throws a RangeError for anything `isIsoWeek` rejects. */
export function isoWeekParts(week: string): { year: number; week: number } {
  if (!isIsoWeek(week)) throw new RangeError(`Not an ISO week: "${week}"`);
  return { year: Number(week.slice(0, 4)), week: Number(week.slice(6)) };
}

/** Week n starts n − 1 weeks after the Monday of week 1. */
function mondayDate(week: string): TZDate {
  const parts = isoWeekParts(week);
  return addWeeks(new TZDate(isoYear(parts.year).firstMonday, "UTC"), parts.week - 1);
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
  return label(parts.year - 1, isoYear(parts.year - 1).weeks);
}

/** The month ("YYYY-MM") a week belongs to: its Thursday's, the same rule ISO uses to give a week its year. */
export function isoWeekMonth(week: string): string {
  // Plain day arithmetic from the year's cached week-1 Monday: the digest asks this for every user.
  return isoOfDay(mondayDay(week) + 3).slice(0, 7);
}

/** The week's Monday as a civil day number (days since 1970-01-01). */
function mondayDay(week: string): number {
  const parts = isoWeekParts(week);
  return Math.round(isoYear(parts.year).firstMonday / 86_400_000) + (parts.week - 1) * 7;
}

/** `to` − `from` in weeks; negative when `to` is earlier. */
export function isoWeeksBetween(from: string, to: string): number {
  return differenceInCalendarISOWeeks(mondayDate(to), mondayDate(from));
}
