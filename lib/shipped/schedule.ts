// "Maintained 3+ months" on a schedule: a pg-boss cron job runs the maintenance pass
// (completeDueMaintenance) every 15 minutes. A clock comes due at a local midnight, so a milestone
// is ticked at most a quarter of an hour after its 90th day begins. The queue is a singleton: a pass
// waiting behind a slow one adds nothing. Passes in several processes at once are safe anyway
// (syncShippedMilestones decides under a row lock).
import type PgBoss from "pg-boss";
import { completeDueMaintenance, type MaintenancePassResult } from ".";

export const MAINTENANCE_QUEUE = "shipped-maintenance";

/** Every 15 minutes; the page promises a tick within that (components/shipped/ShippedFeatureView.tsx). */
export const MAINTENANCE_CRON = "*/15 * * * *";

export interface MaintenanceJobOptions {
  /** Put the cron in the database (one process is enough, more are harmless). */
  schedule: boolean;
  cron?: string;
  pollingIntervalSeconds: number;
}

/** Creates the queue, its worker and (optionally) its cron on `boss`; returns the pass, for tests to run with their own clock. */
export async function registerMaintenanceJob(
  boss: PgBoss,
  options: MaintenanceJobOptions,
): Promise<(now?: Date) => Promise<MaintenancePassResult>> {
  await boss.createQueue(MAINTENANCE_QUEUE, { name: MAINTENANCE_QUEUE, policy: "singleton" });
  await boss.work(MAINTENANCE_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds }, async () => {
    const { checked, ticked } = await completeDueMaintenance();
    if (ticked > 0) console.log(`[shipped] maintained 3+ months: ticked ${ticked} of ${checked} records`);
  });
  if (options.schedule) await boss.schedule(MAINTENANCE_QUEUE, options.cron ?? MAINTENANCE_CRON);
  return completeDueMaintenance;
}
