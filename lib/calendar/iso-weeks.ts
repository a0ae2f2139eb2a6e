// ISO-8601 weeks ("2026-W48") for weekly check-ins and the weekly email. Pure.
//
// A check-in belongs to the week of the user's local calendar date, so the instant is read in the
// user's zone (./zones.ts); everything after that is day-number arithmetic (./week-labels.ts).
// Client code that only needs the labels imports ./week-labels.ts, which brings no zone data.
import { isAcceptedTimeZone } from "../time-zones";
import { isoWeekOfDay } from "./week-labels";
import { localDayOf } from "./zones";

export * from "./week-labels";

/** The ISO week of the instant `at` on the wall calendar of the IANA zone `timeZone`. */
export function isoWeekOf(at: Date, timeZone: string): string {
  // A zone outside the one accepted list, or an invalid Date, must not give a week label to store.
  if (Number.isNaN(at.getTime()) || !isAcceptedTimeZone(timeZone))
    throw new RangeError(`Cannot place ${String(at)} in time zone "${timeZone}"`);
  return isoWeekOfDay(localDayOf(at, timeZone));
}
