// The calendar (lib/calendar): civil dates as day numbers (here), instants on a zone's wall
// calendar (./zones.ts, on @date-fns/tz), ISO weeks (./iso-weeks.ts) and look-back windows on
// instants (./instants.ts). Every date computation in app/, components/ and lib/ goes through it;
// import the file you need (no barrel, so a client chunk takes only what it uses). Pure and client-safe.
//
// Waypoint counts in whole local calendar days, never in hours: a "day" is a date on the user's wall
// calendar, so a 23- or 25-hour day at a clock change is still one day. A date is held as a day
// number, the count of days from 1970-01-01 to that civil date (the same number whatever the zone).
// This is the calendar's fast path: pacing and the weekly digest convert dates per event for
// thousands of users, and through Date (or date-fns on a TZDate) that was a tenth of a digest
// batch's pacing time (npm run bench:digest). Zones are read in ./zones.ts.

export type DayNumber = number;

/** 24 hours in ms: a day number's span in UTC, and the unit of look-back durations (./instants.ts). */
export const DAY_MS = 86_400_000;

/**
 * "2028-02-29" → its day number. The caller has validated the format. Howard Hinnant's
 * days-from-civil on the digits: Date.parse was a tenth of a digest batch's pacing time.
 */
export function dayOfIso(iso: string): DayNumber {
  return dayOfCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Day number → its civil date (Howard Hinnant's days-to-civil; Date is ~10× slower here and this runs per event). */
export function civilOfDay(day: DayNumber): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Day number → "YYYY-MM-DD" (years 0–9999). */
export function isoOfDay(day: DayNumber): string {
  const { year, month, dayOfMonth } = civilOfDay(day);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(dayOfMonth)}`;
}

// Spelled out rather than left to Intl, whose en-GB short month varies by ICU version ("Sep" / "Sept").
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Day number → "14 Mar 2027". */
export function formatDay(day: DayNumber): string {
  const { year, month, dayOfMonth } = civilOfDay(day);
  return `${dayOfMonth} ${MONTHS[month - 1]} ${year}`;
}

/** The civil date → its day number (Howard Hinnant's days-from-civil); month 1–12. */
function dayOfCivil(year: number, month: number, dayOfMonth: number): DayNumber {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * The same day of the month `months` later; a day the target month lacks becomes its last day
 * (31 Jan + 1 month = 28 or 29 Feb; 29 Feb 2028 + 12 months = 28 Feb 2029). Arithmetic only: pacing
 * calls it a dozen times per user, and through Date it was a tenth of a digest batch's pacing.
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, dayOfMonth } = civilOfDay(day);
  const total = year * 12 + (month - 1) + months;
  const toYear = Math.floor(total / 12);
  const toMonth = total - toYear * 12 + 1;
  return dayOfCivil(toYear, toMonth, Math.min(dayOfMonth, daysInMonth(toYear, toMonth)));
}

/**
 * A possibly fractional number of months after `start`, rounded to the nearest day: whole months
 * are calendar months, the fraction is that share of the following month's length.
 */
export function addFractionalMonths(start: DayNumber, months: number): DayNumber {
  const whole = Math.floor(months + 1e-9);
  const from = addMonths(start, whole);
  const fraction = months - whole;
  if (fraction <= 1e-9) return from;
  return from + Math.round(fraction * (addMonths(start, whole + 1) - from));
}

/** 0 = Monday … 6 = Sunday (day 0, 1 Jan 1970, was a Thursday). */
export function weekdayOfDay(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The UTC calendar day of a `Date`: a PostgreSQL `date` column's day number. */
export function dayOfDate(date: Date): DayNumber {
  return Math.floor(date.getTime() / DAY_MS);
}

/**
 * The calendar date a `Date` holds in UTC, "YYYY-MM-DD": how PostgreSQL `date` columns arrive
 * (midnight UTC), and the date of an instant read in UTC.
 */
export function isoDateOf(date: Date): string {
  return isoOfDay(dayOfDate(date));
}

/** A day number → midnight UTC that day, as a Date (how a PostgreSQL `date` column takes it). */
export function dateOfDay(day: DayNumber): Date {
  return new Date(day * DAY_MS);
}

/** "YYYY-MM-DD" → midnight UTC that day: the `Date` a PostgreSQL `date` column takes. */
export function dateOfIso(iso: string): Date {
  return dateOfDay(dayOfIso(iso));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `s` is "YYYY-MM-DD" and a date that exists (no 30 February). */
export function isRealIsoDate(s: string): boolean {
  return ISO_DATE.test(s) && isoOfDay(dayOfIso(s)) === s;
}
