// The app's background jobs on pg-boss, in its own PostgreSQL (schema "pgboss"): one pg-boss
// instance per process runs them all — the weekly email (lib/digest/scheduler.ts) and the
// "maintained 3+ months" pass (lib/shipped/schedule.ts). `npm start` runs it in the web process
// unless DIGEST_SCHEDULER=off; `npm run worker` runs it in a process of its own. Any number of
// processes may run it at once: each job's own rules keep its work from being done twice.
import PgBoss from "pg-boss";
import { registerDigestJobs, type DigestJobOptions } from "./digest/scheduler";
import type { MaintenancePassResult } from "./shipped";
import { registerMaintenanceJob } from "./shipped/schedule";

export interface SchedulerOptions extends DigestJobOptions {
  connectionString: string;
  /** Run the crons (one process is enough, more are harmless); workers-only processes pass false. */
  schedule?: boolean;
  /** Cron of the "maintained 3+ months" pass (lib/shipped/schedule.ts has the default). */
  shippedMaintenanceCron?: string;
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks for expired jobs (a crashed worker's) to retry; tests make it short. */
  maintenanceIntervalSeconds?: number;
}

export interface Scheduler {
  boss: PgBoss;
  /** One weekly-email due-users pass at `now`; returns how many sends it queued. */
  digestTick: (now?: Date) => Promise<number>;
  /** One "maintained 3+ months" pass at `now`. */
  shippedMaintenancePass: (now?: Date) => Promise<MaintenancePassResult>;
  stop: (options?: { graceful?: boolean }) => Promise<void>;
}

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const schedule = options.schedule ?? true;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: 4,
    schedule,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  boss.on("error", (error: unknown) => console.error("[scheduler] queue error:", error));
  await boss.start();

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const digestTick = await registerDigestJobs(boss, { ...options, schedule, pollingIntervalSeconds });
  const shippedMaintenancePass = await registerMaintenanceJob(boss, { schedule, cron: options.shippedMaintenanceCron, pollingIntervalSeconds });

  return {
    boss,
    digestTick,
    shippedMaintenancePass,
    stop: (stopOptions) => boss.stop({ graceful: stopOptions?.graceful ?? true, wait: true, close: true }),
  };
}
