// One ISO week's digests for everyone, outside the scheduler: the `npm run digest` command.
import { availableParallelism } from "node:os";
import { db } from "../db";
import { openStatusSql } from "../enrollments";
import { Prisma } from "../generated/prisma/client";
import type { Mail } from "../mail";
import { joinKnownZone, localTimeInKnownZone, logUnknownZones } from "../time-zones/sql";
import { composeDigest } from "./compose";
import { deliverDigest, digestLinks } from "./deliver";
import { digestWeekAllowedSql } from "./timing-sql";
import { digestInputs, type DigestRequest } from "./load";
import { startComposePool } from "./parallel";

export interface WeekSummary {
  sent: number;
  skipped: number;
  failed: number;
  /** Composed without sending (dry run). */
  composed: number;
  failures: { userId: string; error: string }[];
}

/**
 * Every user who could get the week's digest, with their send moment in it and whether it is settled;
 * a null send moment for a zone PostgreSQL doesn't know (lib/time-zones/sql.ts).
 */
async function candidates(week: string) {
  return db.$queryRaw<{ userId: string; timezone: string; sendAt: Date | null; allowed: boolean; settled: boolean }[]>`
    select u.id as "userId", u.timezone,
      ${localTimeInKnownZone(Prisma.sql`to_date(${week}, 'IYYY-"W"IW')::timestamp + make_interval(days => u."digestWeekday" - 1, hours => u."digestHour")`)} as "sendAt",
      coalesce(${digestWeekAllowedSql(Prisma.sql`to_date(${week}, 'IYYY-"W"IW')::timestamp`)}, false) as allowed,
      exists (
        select 1 from "DigestDelivery" d where d."userId" = u.id and d."isoWeek" = ${week} and d.status in ('sent', 'skipped', 'dead')
      ) as settled
    from "User" u
    ${joinKnownZone(Prisma.raw("u.timezone"))}
    where u."digestEnabled" and exists (select 1 from "Enrollment" e where e."userId" = u.id and e.status in (${openStatusSql}))
    order by u.id`;
}

const BATCH = 500;
/** Due users from which a dry run composes in worker threads. */
export const POOL_FROM = 4 * BATCH;
const CONCURRENCY = 4;

export async function runDigestWeek(
  week: string,
  options: { dryRun: boolean; send: (mail: Mail) => Promise<void>; now: Date },
): Promise<WeekSummary> {
  const summary: WeekSummary = { sent: 0, skipped: 0, failed: 0, composed: 0, failures: [] };
  const due: DigestRequest[] = [];
  const all = await candidates(week);
  logUnknownZones(
    `weekly emails for ${week}`,
    all.filter((c) => c.sendAt === null),
  );
  for (const c of all) {
    if (c.sendAt === null) {
      summary.skipped++;
      continue;
    }
    // Not yet their weekday and hour, a week before their first whole one, or already dealt with:
    // nothing to do for them this run.
    if (c.settled || !c.allowed || c.sendAt.getTime() > options.now.getTime()) summary.skipped++;
    else due.push({ userId: c.userId, week, at: c.sendAt });
  }

  if (options.dryRun) {
    // Thousands go to the compose pool, one thread per core (lib/digest/parallel.ts); starting it
    // costs more than a few batches take in this thread.
    if (due.length >= POOL_FROM && availableParallelism() > 1) {
      const pool = await startComposePool();
      try {
        const tally = await pool.compose(due, BATCH);
        summary.composed += tally.composed;
        summary.skipped += tally.skipped;
      } finally {
        await pool.close();
      }
      return summary;
    }
    for await (const { input } of digestInputs(due, (id) => digestLinks(id), BATCH)) {
      if (!input) summary.skipped++;
      else {
        composeDigest(input);
        summary.composed++;
      }
    }
    return summary;
  }

  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const request = due[next++]!;
      try {
        const outcome = await deliverDigest(request, { send: options.send });
        if (outcome === "sent") summary.sent++;
        else summary.skipped++;
      } catch (error) {
        summary.failed++;
        summary.failures.push({ userId: request.userId, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return summary;
}
