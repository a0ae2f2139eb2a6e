// The weekly email's jobs on pg-boss (the instance is lib/scheduler.ts's, shared with the other
// background jobs). A cron job every few minutes finds the users who are due (dueDigests) and
// queues one send job per (user, week); workers deliver them with retries and backoff; a send that
// exhausts its retries goes to a dead-letter queue that records it. Any number of processes may run
// this at once: pg-boss hands each job to one worker, the "stately" policy keeps one job per
// (user, week) in the queue, and the delivery claim (ledger.ts) makes the email itself go out once.
// The partner's weekly copy runs on the same machinery with queues of its own.
import type PgBoss from "pg-boss";
import type { Mail } from "../mail";
import { deliverPartnerCopy, findDuePartnerCopies, markPartnerCopyDead } from "../partners/copy";
import { DEFAULT_CLAIM_LEASE_MS, deliverDigest, dueDigests, markDigestDead, type DeliveryDeps } from "./deliver";
import type { DigestRequest } from "./load";

export const QUEUES = { tick: "digest-tick", send: "digest-send", dead: "digest-dead" } as const;
/** The partner's weekly copy (lib/partners/copy.ts): its own queues, the same policy. Named "digest-…" so account deletion's sweep of queued jobs covers them. */
export const PARTNER_QUEUES = { send: "digest-partner-send", dead: "digest-partner-dead" } as const;

/** One kind of weekly email: its queues, who is due, how one is delivered, and how it is given up on. */
interface WeeklyEmail {
  queues: { send: string; dead: string };
  findDue: (now: Date) => Promise<DigestRequest[]>;
  deliver: (request: DigestRequest, deps: DeliveryDeps) => Promise<unknown>;
  markDead: (userId: string, week: string, reason: string) => Promise<void>;
}

const WEEKLY_EMAILS: readonly WeeklyEmail[] = [
  { queues: QUEUES, findDue: dueDigests, deliver: deliverDigest, markDead: markDigestDead },
  {
    queues: PARTNER_QUEUES,
    findDue: findDuePartnerCopies,
    deliver: (request, deps) =>
      deliverPartnerCopy(request, { send: deps.send, baseUrl: deps.baseUrl, leaseMs: deps.leaseMs ?? DEFAULT_CLAIM_LEASE_MS }),
    markDead: markPartnerCopyDead,
  },
];

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
  const deps: DeliveryDeps = { send: options.send, baseUrl: options.baseUrl, leaseMs: options.leaseMs };
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds };
  for (const email of WEEKLY_EMAILS) await registerWeeklyEmail(boss, email, options, deps, polling);
  await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: "singleton" });

  const tick = async (now: Date = new Date()) => {
    let queued = 0;
    for (const email of WEEKLY_EMAILS) {
      const due = await email.findDue(now);
      for (const request of due) await enqueueOn(boss, email.queues.send, request);
      queued += due.length;
    }
    return queued;
  };

  await boss.work(QUEUES.tick, polling, async () => {
    await tick();
  });
  if (options.schedule) await boss.schedule(QUEUES.tick, options.digestCron ?? "*/5 * * * *");
  return tick;
}

/**
 * A weekly email's queues and workers. A worker loop waits a polling interval between fetches, so
 * jobs are taken in batches and sent side by side. Each job settles on its own: a failed send fails
 * (and retries) only its job; the rest of the batch completes when the handler returns (pg-boss
 * completes only jobs still active). A job out of retries goes to the dead letter, which records it.
 */
async function registerWeeklyEmail(
  boss: PgBoss,
  email: WeeklyEmail,
  options: DigestJobOptions,
  deps: DeliveryDeps,
  polling: { pollingIntervalSeconds: number },
) {
  // pg-boss 10 keeps queue options in the database; create them once, update them to this config.
  await boss.createQueue(email.queues.dead);
  const sendQueue: PgBoss.Queue = {
    name: email.queues.send,
    policy: "stately",
    retryLimit: options.retryLimit ?? 4,
    retryDelay: options.retryDelaySeconds ?? 60,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 300,
    deadLetter: email.queues.dead,
  };
  if (await boss.getQueue(email.queues.send)) await boss.updateQueue(email.queues.send, sendQueue);
  else await boss.createQueue(email.queues.send, sendQueue);
  await boss.work<SendJob>(email.queues.send, { ...polling, batchSize: options.batchSize ?? 10 }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        const request: DigestRequest = { userId: job.data.userId, week: job.data.week, at: new Date(job.data.at) };
        try {
          await email.deliver(request, deps);
        } catch (error) {
          await boss.fail(email.queues.send, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  });
  await boss.work<SendJob>(email.queues.dead, polling, async ([job]) => {
    if (job) await email.markDead(job.data.userId, job.data.week, "gave up after the queue's retries");
  });
}

/** One send job per (user, week) on `queue`: the singleton key makes a second one a no-op while the first waits. */
async function enqueueOn(boss: PgBoss, queue: string, request: DigestRequest): Promise<void> {
  const data: SendJob = { userId: request.userId, week: request.week, at: request.at.toISOString() };
  await boss.send(queue, data, { singletonKey: `${request.userId}:${request.week}` });
}

/** One digest send job per (user, week). */
export const enqueue = (boss: PgBoss, request: DigestRequest): Promise<void> => enqueueOn(boss, QUEUES.send, request);
