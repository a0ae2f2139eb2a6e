// The SQL side of the time-zone rule: a query that converts per-user time must survive a stored zone
// PostgreSQL refuses (written before the rule, or straight into the table). `at time zone` with an
// unknown zone fails the whole statement, so one bad row would stop everyone's weekly email; these
// fragments give that row a null local time instead, for the caller to skip and log.
import { Prisma } from "../generated/prisma/client";

/** Joins `tz`, the zone's row in pg_timezone_names: null when this PostgreSQL can't convert with `zone`. */
export const joinKnownZone = (zone: Prisma.Sql) => Prisma.sql`left join pg_timezone_names tz on tz.name = ${zone}`;

/** `instant` on the wall clock of the joined zone, or null, never an error, when the zone is unknown. */
export const localTimeInKnownZone = (instant: Prisma.Sql) =>
  Prisma.sql`(case when tz.name is not null then (${instant}) at time zone tz.name end)`;

/** Logs the users a per-user-time query skipped for their zone (their emails wait until it is fixed). */
export function logUnknownZones(query: string, skipped: readonly { userId: string; timezone: string }[]): void {
  if (skipped.length === 0) return;
  const list = skipped.map((s) => `${s.userId} (${JSON.stringify(s.timezone)})`).join(", ");
  console.error(`[time-zones] ${query}: skipped ${skipped.length} user(s) whose time zone PostgreSQL does not know: ${list}`);
}
