// The weekly email's jobs on pg-boss (the instance is lib/scheduler.ts's, shared with the other
// background jobs). A cron job every few minutes finds the users who are due (findDueDigests) and
// queues one send job per (user, week); workers deliver them with retries and backoff; a send that
// exhausts its retries goes to a dead-letter queue that records it. Any number of processes may run
// this at once: pg-boss hands each job to one worker, the "stately" policy keeps one job per
// (user, week) in the queue, and the DigestDelivery claim (deliver.ts) makes the email itself go out once.
import type PgBoss from "pg-boss";
import type { Mail } from "../mail";
import { deliverDigest, findDueDigests, markDigestDead, type DeliveryDeps } from "./deliver";
import type { DigestRequest } from "./load";

export const QUEUES = { tick: "digest-tick", send: "digest-send", dead: "digest-dead" } as const;

export interface DigestJobOptions {
  send: (mail: Mail) => Promise<void>;
  baseUrl?: string;
  /** Cron for the due-users pass; every 5 minutes, so an 08:00 digest leaves by 08:05. */
  digestCron?: string;
  /** Retries after the first attempt, and the first delay in seconds (doubling with backoff). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A send job still running after this is presumed dead (its process crashed) and retried. */
  expireInSeconds?: number;
  leaseMs?: number;
  /** Send jobs taken per fetch and sent side by side. */
  batchSize?: number;
}

type SendJob = { userId: string; week: string; at: string };

/**
 * Creates the weekly email's queues, workers and (with `schedule`) its cron on `boss`. Returns the
 * due-users pass at `now` (the cron calls it with the clock; tests with their own).
 */
export async function registerDigestJobs(
  boss: PgBoss,
  options: DigestJobOptions & { schedule: boolean; pollingIntervalSeconds: number },
): Promise<(now?: Date) => Promise<number>> {
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
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds };

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
  if (options.schedule) await boss.schedule(QUEUES.tick, options.digestCron ?? "*/5 * * * *");
  return tick;
}

/** One send job per (user, week): the singleton key makes a second one a no-op while the first waits. */
export async function enqueue(boss: PgBoss, request: DigestRequest): Promise<void> {
  const data: SendJob = { userId: request.userId, week: request.week, at: request.at.toISOString() };
  await boss.send(QUEUES.send, data, { singletonKey: `${request.userId}:${request.week}` });
}
