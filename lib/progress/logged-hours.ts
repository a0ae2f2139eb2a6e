// Hours logged per skill: each check-in's hours split evenly between the skills it worked on, any
// roadmap (a skill is one skill). The dashboard's rows, this week's plan (getPacing) and the weekly
// email (its batched load) all read this one statement and this one rounding.
import { Prisma } from "../generated/prisma/client";

/**
 * The statement's body, one row per skill (`"skillId"`, `hours`), for the check-ins of `user` (a
 * value, or a column of an outer query such as `u.id`) made by `asOf` (null: all of them). Kept
 * as a fragment so a caller can read it in the same round trip as its other reads.
 */
export function loggedHoursSql(user: Prisma.Sql, asOf: Date | null): Prisma.Sql {
  return Prisma.sql`
    select s."skillId", sum(c.hours / cardinality(c."workedSkillIds"))::float8 as hours
    from "CheckIn" c cross join lateral unnest(c."workedSkillIds") as s("skillId")
    where c."userId" = ${user} and (${asOf}::timestamptz is null or c."createdAt" <= ${asOf}::timestamptz)
    group by s."skillId"`;
}

/** Hours as shown and planned against: one decimal, as they are typed. */
export const roundLoggedHours = (hours: number): number => Math.round(hours * 10) / 10;
