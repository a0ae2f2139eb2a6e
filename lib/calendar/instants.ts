// Look-back windows on instants. Pure and client-safe.
//
// "The 28 days before now" as a duration, n × 24 hours: for windows whose edge is not a calendar
// date (the velocity look-back, how old a queued check-in may be, the digest's reading window),
// where an hour either way at a clock change moves nothing a user can see. A calendar date n days
// back is a day-number subtraction (./days.ts) after reading the zone (./zones.ts).
import { DAY_MS } from "./days";

/** The instant `days` × 24 h before `at`, in epoch ms. */
export function msDaysBefore(at: Date | number, days: number): number {
  return (typeof at === "number" ? at : at.getTime()) - days * DAY_MS;
}
