// Dates for tests, by calendar arithmetic in a time zone — never "now minus N × 86,400,000 ms", which
// lands on the wrong local date when a clock change falls in between (and then a test that passes at
// noon fails at 23:30 UTC). The suite runs under shifted clocks in CI to hold this.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { localToday } from "../../lib/calendar/zones";

/** The test users' zone (the app's default). */
export const TEST_ZONE = "Europe/London";

/** The same wall-clock time `days` calendar days after `from` in `zone` (negative: before). */
export function shiftLocalDays(from: Date, days: number, zone = TEST_ZONE): Date {
  return new Date(addDays(new TZDate(from.getTime(), zone), days).getTime());
}

/** The local date ("YYYY-MM-DD") `days` calendar days before today's in `zone`. */
export function localDaysAgo(days: number, zone = TEST_ZONE, now = new Date()): string {
  return localToday(shiftLocalDays(now, -days, zone), zone);
}

/** The UTC calendar date ("YYYY-MM-DD") `days` before today's, for fields stored as plain dates in UTC. */
export function utcDaysAgo(days: number, now = new Date()): string {
  return shiftLocalDays(now, -days, "UTC").toISOString().slice(0, 10);
}
