// When the weekly email starts, what it may cover, and how it numbers the weeks. Pure: no I/O, no clock.
//
// The first email goes out in the first whole week after enrolling (the enrolment's own week is a
// part-week: an email minutes after enrolling would sum up a week the user wasn't there for). An
// email never reaches back before the account existed. The scheduler's due query says the first
// rule in SQL too (lib/digest/timing-sql.ts); an integration test holds the two together.
import { isoWeekOfDay } from "../calendar/week-labels";
import { localDayOf } from "../calendar/zones";
import { type DayNumber } from "../calendar/days";
import { msDaysBefore } from "../calendar/instants";

/** A digest looks back over the seven days before it is composed, or less for a new account. */
export const DIGEST_WINDOW_DAYS = 7;

/** Monday of the week after the local week of `at` (0 = Monday in the weekday arithmetic). */
function nextMondayDay(at: Date, timeZone: string): DayNumber {
  const ms = at.getTime();
  const day = localDayOf(ms, timeZone);
  const weekday = (((day + 3) % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday
  return day - weekday + 7;
}

/** The ISO week ("2026-W50") of the first weekly email: the week after the one `enrolledAt` falls in, in the user's zone. */
export function firstDigestWeek(enrolledAt: Date, timeZone: string): string {
  return isoWeekOfDay(nextMondayDay(enrolledAt, timeZone));
}

/** Whether `week` may have an email at all: it is the first digest week or later (labels sort in week order). */
export function digestWeekAllowed(week: string, enrolledAt: Date, timeZone: string): boolean {
  return week >= firstDigestWeek(enrolledAt, timeZone);
}

/** The civil day of the first email's send moment: `weekday` (1 = Monday … 7 = Sunday) of the first digest week. */
export function firstDigestDay(enrolledAt: Date, timeZone: string, weekday: number): DayNumber {
  return nextMondayDay(enrolledAt, timeZone) + weekday - 1;
}

/** The instants (epoch ms) the email composed at `at` sums up: the seven days before it, never before the account existed. */
export function digestWindow(at: Date, accountCreatedAt: Date): { from: number; to: number } {
  const to = at.getTime();
  return { from: Math.min(to, Math.max(msDaysBefore(to, DIGEST_WINDOW_DAYS), accountCreatedAt.getTime())), to };
}

/**
 * "Week n of m" for the local day `today` of a plan from `start` to `target` (day numbers). Weeks
 * count from the start: its first seven days are week 1. The plan's length is rounded to whole weeks
 * (365 days are 52 weeks, not 53); before the target, n stays within m, after it, n keeps counting.
 */
export function planWeekOf(start: DayNumber, target: DayNumber, today: DayNumber): { n: number; of: number } {
  const of = Math.max(1, Math.round((target - start) / 7));
  const n = Math.max(1, Math.floor((today - start) / 7) + 1);
  return { n: today <= target ? Math.min(n, of) : n, of };
}
