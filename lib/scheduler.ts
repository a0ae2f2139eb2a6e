// The app's background jobs on pg-boss, in its own PostgreSQL (schema "pgboss"): one pg-boss
// instance per process runs them all — the weekly email (lib/digest/scheduler.ts) and the
// "maintained 3+ months" pass (lib/shipped/schedule.ts). `npm start` runs it in the web process
// unless DIGEST_SCHEDULER=off; `npm run worker` runs it in a process of its own. Any number of
// processes may run it at once: each job's own rules keep its work from being done twice.
import pg from "pg";
import PgBoss from "pg-boss";
import { registerDigestJobs, type DigestJobOptions } from "./digest/scheduler";
import { env } from "./env";
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
  /** Both passes once, now: what a process that starts runs, rather than wait for the next cron. */
  catchUp: () => Promise<CatchUpResult>;
  stop: (options?: { graceful?: boolean }) => Promise<void>;
}

export interface CatchUpResult {
  /** Weekly-email sends queued. */
  queued: number;
  /** The maintenance pass's counts, or its error (the cron tries again). */
  maintenance: MaintenancePassResult | { error: string };
}

/** pg-boss's own default for how often it looks for expired jobs (and archives old ones). */
const PG_BOSS_MAINTENANCE_SECONDS = 120;

/**
 * Runs `setUp` while holding a database-wide lock. pg-boss 10's create_queue (a table, then a
 * foreign key to its queue table) deadlocks when two processes create queues at once: two workers
 * started together on a fresh database, as `npm run test:scale-out` does, saw one of them crash.
 * A session-level advisory lock on a connection of its own makes them take turns.
 */
async function oneProcessAtATime<T>(connectionString: string, setUp: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('waypoint:pgboss-queues'))");
    return await setUp();
  } finally {
    // Ending the session releases its lock.
    await client.end();
  }
}

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const schedule = options.schedule ?? true;
  // The send timeout is both the job's expiry and the delivery claim's lease, so a retry after a
  // crash finds the claim lapsed. A crashed worker's jobs are found by pg-boss's maintenance, which
  // must look at least once per timeout or the timeout would mean little.
  const expireInSeconds = options.expireInSeconds ?? env.DIGEST_SEND_TIMEOUT_SECONDS;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: 4,
    schedule,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? Math.min(PG_BOSS_MAINTENANCE_SECONDS, expireInSeconds),
  });
  boss.on("error", (error: unknown) => console.error("[scheduler] queue error:", error));
  await boss.start();

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const { digestTick, shippedMaintenancePass } = await oneProcessAtATime(options.connectionString, async () => ({
    digestTick: await registerDigestJobs(boss, {
      ...options,
      expireInSeconds,
      leaseMs: options.leaseMs ?? expireInSeconds * 1000,
      retryDelaySeconds: options.retryDelaySeconds ?? env.DIGEST_RETRY_DELAY_SECONDS,
      schedule,
      pollingIntervalSeconds,
    }),
    shippedMaintenancePass: await registerMaintenanceJob(boss, { schedule, cron: options.shippedMaintenanceCron, pollingIntervalSeconds }),
  }));

  return {
    boss,
    digestTick,
    shippedMaintenancePass,
    catchUp: async () => {
      const queued = await digestTick();
      const maintenance = await shippedMaintenancePass().catch((error: unknown) => ({
        error: error instanceof Error ? error.message : String(error),
      }));
      return { queued, maintenance };
    },
    stop: (stopOptions) => boss.stop({ graceful: stopOptions?.graceful ?? true, wait: true, close: true }),
  };
}

/** The catch-up's one log line, as `npm start` and `npm run worker` print it. */
export function describeCatchUp({ queued, maintenance }: CatchUpResult): string {
  const pass =
    "error" in maintenance
      ? `failed (${maintenance.error}), the cron tries again`
      : `checked ${maintenance.checked}, ticked ${maintenance.ticked}`;
  return `catch-up at start: ${queued} weekly emails queued; maintained 3+ months: ${pass}`;
}
