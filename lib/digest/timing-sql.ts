// The SQL twin of lib/digest/timing.ts's first-week rule, for the due-users queries (the scheduler's
// and `npm run digest`'s): a user's email is due in a week only once that week is after the local
// week their first open enrolment was made in. Both fragments expect the user as `u` and the zone
// joined as `tz` (lib/time-zones/sql.ts); an integration test holds them to firstDigestWeek.
import { openStatusSql } from "../enrollments";
import { Prisma } from "../generated/prisma/client";

/** When the user enrolled: their earliest open enrolment's creation (null without one). The loader reads the same. */
export const enrolledAtSql = Prisma.sql`(select min(e."createdAt") from "Enrollment" e where e."userId" = u.id and e.status in (${openStatusSql}))`;

/** True when the local timestamp `localTime` lies in the first digest week or later; null (not due) without an open enrolment or a known zone. */
export const digestWeekAllowedSql = (localTime: Prisma.Sql) =>
  Prisma.sql`(date_trunc('week', ${localTime}) > date_trunc('week', ${enrolledAtSql} at time zone tz.name))`;
