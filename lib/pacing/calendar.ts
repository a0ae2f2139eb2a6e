// Calendar arithmetic for pacing. Pure.
//
// Pacing counts in whole local calendar days, never in hours: a "day" is a date on the user's wall
// calendar, so a 23- or 25-hour day at a clock change is still one day. A date is held as a day
// number, the count of days from 1970-01-01 to that civil date (the same number whatever the zone).

export type DayNumber = number;

const DAY_MS = 86_400_000;

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

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** The zone's UTC offset (minutes east) at an instant, from Intl: exact but slow (~2 µs). */
function offsetMinutesAt(format: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute);
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** A zone's offsets over [start, end]: `offsets[i]` is in force from `changesAt[i]` (a minute) on. */
interface OffsetTable {
  start: number;
  end: number;
  changesAt: number[];
  offsets: number[];
}

/**
 * The offset table is the same for every caller in a zone, so it is kept per zone and rebuilt only
 * when a call needs a wider range; a rebuild reaches a quarter ahead so that the clock moving on
 * doesn't force one per call. Bounded by the number of IANA zones.
 */
const offsetTables = new Map<string, OffsetTable>();
const OFFSET_TABLE_LOOKAHEAD_MS = 92 * DAY_MS;

/**
 * Samples the zone's offset weekly and pins each change between two samples to the minute by
 * bisection, so Intl is called ~100 times for a year and a half, not once per event. It assumes no
 * zone changes its offset twice within one week, which holds for every zone in use.
 */
function buildOffsetTable(format: Intl.DateTimeFormat, start: number, end: number): OffsetTable {
  const WEEK_MS = 7 * DAY_MS;
  const changesAt: number[] = [start];
  const offsets: number[] = [offsetMinutesAt(format, start)];
  for (let at = start; at < end; at += WEEK_MS) {
    const next = Math.min(at + WEEK_MS, end);
    const before = offsets[offsets.length - 1]!;
    const after = offsetMinutesAt(format, next);
    if (after === before) continue;
    let lo = at; // offset `before` here
    let hi = next; // offset `after` here
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutesAt(format, mid) === before) lo = mid;
      else hi = mid;
    }
    changesAt.push(hi);
    offsets.push(after);
  }
  return { start, end, changesAt, offsets };
}

/**
 * A function from an instant to the local day number in `timeZone`, fast enough for thousands of
 * events: exact everywhere, and a table lookup for instants within [fromMs, toMs].
 */
export function localDayFunction(timeZone: string, fromMs: number, toMs: number): (ms: number) => DayNumber {
  const format = wallClockFormat(timeZone);
  const start = Math.floor(Math.min(fromMs, toMs) / 60_000) * 60_000 - DAY_MS;
  const end = Math.max(fromMs, toMs) + DAY_MS;
  let table = offsetTables.get(timeZone);
  if (!table || table.start > start || table.end < end) {
    table = buildOffsetTable(format, Math.min(start, table?.start ?? start), Math.max(end + OFFSET_TABLE_LOOKAHEAD_MS, table?.end ?? end));
    offsetTables.set(timeZone, table);
  }
  const { changesAt, offsets } = table;

  return (ms: number): DayNumber => {
    if (ms < table.start || ms > table.end) return Math.floor((ms + offsetMinutesAt(format, ms) * 60_000) / DAY_MS);
    let lo = 0;
    let hi = changesAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (changesAt[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return Math.floor((ms + offsets[lo]! * 60_000) / DAY_MS);
  };
}
