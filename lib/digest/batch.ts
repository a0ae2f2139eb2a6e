// One ISO week's digests for everyone, outside the scheduler: the `npm run digest` command.
import type { Mail } from "../mail";
import { logUnknownZones } from "../time-zones/sql";
import { digestLedger } from "./ledger";
import { composeDigest } from "./compose";
import { deliverDigest, digestLinks } from "./deliver";
import { digestInputs, type DigestRequest } from "./load";

export interface WeekSummary {
  sent: number;
  skipped: number;
  failed: number;
  /** Composed without sending (dry run). */
  composed: number;
  failures: { userId: string; error: string }[];
}

const BATCH = 500;
const CONCURRENCY = 4;

export async function runDigestWeek(
  week: string,
  options: { dryRun: boolean; send: (mail: Mail) => Promise<void>; now: Date },
): Promise<WeekSummary> {
  const summary: WeekSummary = { sent: 0, skipped: 0, failed: 0, composed: 0, failures: [] };
  const due: DigestRequest[] = [];
  const all = await digestLedger.weekCandidates(week);
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
