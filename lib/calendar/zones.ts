// Instants on a zone's wall calendar. Pure and client-safe.
//
// The zone's offsets come from @date-fns/tz (`tzOffset`, Intl underneath); dates stay day numbers
// (./days.ts). Reading a local date through a TZDate costs ~0.2 ms, and the digest asks it for every
// event of thousands of users, so a zone's offsets are tabulated once and each instant is then a
// binary search (`localDayFunction`, measured by npm run bench:pacing and bench:digest).
import { TZDate, tzOffset } from "@date-fns/tz";
import { DAY_MS, civilOfDay, dayOfIso, isoOfDay, type DayNumber } from "./days";

/** The zone's UTC offset (minutes east) at an instant. */
const offsetMinutesAt = (timeZone: string, ms: number): number => tzOffset(timeZone, new Date(ms));

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
 * bisection, so the offset is read ~100 times for a year and a half, not once per event. It assumes
 * no zone changes its offset twice within one week, which holds for every zone in use.
 */
function buildOffsetTable(timeZone: string, start: number, end: number): OffsetTable {
  const WEEK_MS = 7 * DAY_MS;
  const changesAt: number[] = [start];
  const offsets: number[] = [offsetMinutesAt(timeZone, start)];
  for (let at = start; at < end; at += WEEK_MS) {
    const next = Math.min(at + WEEK_MS, end);
    const before = offsets[offsets.length - 1]!;
    const after = offsetMinutesAt(timeZone, next);
    if (after === before) continue;
    let lo = at; // offset `before` here
    let hi = next; // offset `after` here
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutesAt(timeZone, mid) === before) lo = mid;
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
  const start = Math.floor(Math.min(fromMs, toMs) / 60_000) * 60_000 - DAY_MS;
  const end = Math.max(fromMs, toMs) + DAY_MS;
  let table = offsetTables.get(timeZone);
  if (!table || table.start > start || table.end < end) {
    table = buildOffsetTable(
      timeZone,
      Math.min(start, table?.start ?? start),
      Math.max(end + OFFSET_TABLE_LOOKAHEAD_MS, table?.end ?? end),
    );
    offsetTables.set(timeZone, table);
  }
  const { changesAt, offsets } = table;

  return (ms: number): DayNumber => {
    if (ms < table.start || ms > table.end) return Math.floor((ms + offsetMinutesAt(timeZone, ms) * 60_000) / DAY_MS);
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

/** The local day number of one instant in the zone. */
export function localDayOf(at: Date | number, timeZone: string): DayNumber {
  const ms = typeof at === "number" ? at : at.getTime();
  return localDayFunction(timeZone, ms, ms)(ms);
}

/** Today's local date in the zone, "YYYY-MM-DD". */
export function localToday(now: Date, timeZone: string): string {
  return isoOfDay(localDayOf(now, timeZone));
}

/**
 * A wall-clock time on a local date ("YYYY-MM-DD") in the zone, as a TZDate: it keeps its zone, so
 * an iCalendar writer can give the event that zone's TZID. A time a clock change skips moves forward.
 */
export function zonedWallClock(iso: string, hour: number, minute: number, timeZone: string): TZDate {
  const { year, month, dayOfMonth } = civilOfDay(dayOfIso(iso));
  return new TZDate(year, month - 1, dayOfMonth, hour, minute, 0, timeZone);
}
