// The weekly email's schedule on pg-boss, in the app's own PostgreSQL (schema "pgboss"). A cron job
// every few minutes finds the users who are due (findDueDigests) and queues one send job per
// (user, week); workers deliver them with retries and backoff; a send that exhausts its retries goes
// to a dead-letter queue that records it. Any number of processes may run this at once: pg-boss
// hands each job to one worker, the "stately" policy keeps one job per (user, week) in the queue,
// and the DigestDelivery claim (deliver.ts) makes the email itself go out once.
import PgBoss from "pg-boss";
import type { Mail } from "../mail";
import { deliverDigest, findDueDigests, markDigestDead, type DeliveryDeps } from "./deliver";
import type { DigestRequest } from "./load";

export const QUEUES = { tick: "digest-tick", send: "digest-send", dead: "digest-dead" } as const;

export interface SchedulerOptions {
  connectionString: string;
  send: (mail: Mail) => Promise<void>;
  baseUrl?: string;
  /** Cron for the due-users pass; every 5 minutes, so an 08:00 digest leaves by 08:05. */
  cron?: string;
  /** Retries after the first attempt, and the first delay in seconds (doubling with backoff). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A send job still running after this is presumed dead (its process crashed) and retried. */
  expireInSeconds?: number;
  leaseMs?: number;
  /** Run the cron (one process is enough, more are harmless); workers-only processes pass false. */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  /** Send jobs taken per fetch and sent side by side. */
  batchSize?: number;
  /** How often pg-boss looks for expired jobs (a crashed worker's) to retry; tests make it short. */
  maintenanceIntervalSeconds?: number;
}

type SendJob = { userId: string; week: string; at: string };

export interface DigestScheduler {
  boss: PgBoss;
  /** One due-users pass at `now` (the cron calls it with the clock; tests with their own). */
  tick: (now?: Date) => Promise<number>;
  stop: (options?: { graceful?: boolean }) => Promise<void>;
}

export async function startDigestScheduler(options: SchedulerOptions): Promise<DigestScheduler> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: 4,
    schedule: options.schedule ?? true,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  boss.on("error", (error: unknown) => console.error("[digest] queue error:", error));
  await boss.start();

  // pg-boss 10 keeps queue options in the database; create them once, update them to this config.
  await boss.createQueue(QUEUES.dead);
  const sendQueue: PgBoss.Queue = {
    name: QUEUES.send,
    policy: "stately",
    retryLimit: options.retryLimit ?? 4,
    retryDelay: options.retryDelaySeconds ?? 60,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 300,
    deadLetter: QUEUES.dead,
  };
  if (await boss.getQueue(QUEUES.send)) await boss.updateQueue(QUEUES.send, sendQueue);
  else await boss.createQueue(QUEUES.send, sendQueue);
  await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: "singleton" });

  const deps: DeliveryDeps = { send: options.send, baseUrl: options.baseUrl, leaseMs: options.leaseMs };
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  const tick = async (now: Date = new Date()) => {
    const due = await findDueDigests(now);
    for (const request of due) await enqueue(boss, request);
    return due.length;
  };

  // A worker loop waits a polling interval between fetches, so jobs are taken in batches and sent side
  // by side. Each job settles on its own: a failed send fails (and retries) only its job; the rest of
  // the batch completes when the handler returns (pg-boss completes only jobs still active).
  await boss.work<SendJob>(QUEUES.send, { ...polling, batchSize: options.batchSize ?? 10 }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        const request: DigestRequest = { userId: job.data.userId, week: job.data.week, at: new Date(job.data.at) };
        try {
          await deliverDigest(request, deps);
        } catch (error) {
          await boss.fail(QUEUES.send, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  });
  await boss.work<SendJob>(QUEUES.dead, polling, async ([job]) => {
    if (job) await markDigestDead(job.data.userId, job.data.week, "gave up after the queue's retries");
  });
  await boss.work(QUEUES.tick, polling, async () => {
    await tick();
  });
  if (options.schedule ?? true) await boss.schedule(QUEUES.tick, options.cron ?? "*/5 * * * *");

  return {
    boss,
    tick,
    stop: (stopOptions) => boss.stop({ graceful: stopOptions?.graceful ?? true, wait: true, close: true }),
  };
}

/** One send job per (user, week): the singleton key makes a second one a no-op while the first waits. */
export async function enqueue(boss: PgBoss, request: DigestRequest): Promise<void> {
  const data: SendJob = { userId: request.userId, week: request.week, at: request.at.toISOString() };
  await boss.send(QUEUES.send, data, { singletonKey: `${request.userId}:${request.week}` });
}
