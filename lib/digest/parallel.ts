// Composing a week's digests on every core. In one thread the cost is per-digest computation
// (pacing, rendering ~7,700 characters twice), not queries, so many digests at once (the CLI's dry
// run, tests/bench/digest.ts) go to worker threads (lib/digest/compose-worker.ts), each reading its
// share batch by batch as lib/digest/load.ts does. The tallies are what comes back, not the emails.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { DigestKind } from "./compose";
import type { DigestRequest } from "./load";

/** What a worker is sent: requests with their instants as ISO strings (structured clone keeps no Date subclass). */
export interface ComposeJob {
  requests: { userId: string; week: string; at: string }[];
  batchSize: number;
}

export interface ComposeTally {
  composed: number;
  /** No digest for that user (turned off, no open enrolment, deleted). */
  skipped: number;
  /** Subject, text and HTML, summed: what a mailer would have been handed. */
  characters: number;
  kinds: Partial<Record<DigestKind, number>>;
  /** SQL statements the reading sent. */
  statements: number;
}

export interface ComposePool {
  threads: number;
  compose: (requests: readonly DigestRequest[], batchSize: number) => Promise<ComposeTally>;
  close: () => Promise<void>;
}

type Reply = { id: number; tally: ComposeTally } | { id: number; error: string };

interface PoolWorker {
  run: (job: ComposeJob) => Promise<ComposeTally>;
  close: () => Promise<void>;
}

async function startWorker(): Promise<PoolWorker> {
  // The worker is TypeScript, like the CLI that starts it. Node 20 doesn't hand a thread the
  // loader hooks of the one that starts it, so a few lines of JavaScript register tsx's first.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./compose-worker.ts", import.meta.url).href)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  const pending = new Map<number, { resolve: (tally: ComposeTally) => void; reject: (error: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const fail = (error: Error) => {
    failed = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once("message", (message) =>
      message === "ready" ? resolve() : reject(new Error(`compose worker: unexpected ${String(message)}`)),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`compose worker exited (${code}) before it was ready`)));
  });
  worker.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ("error" in reply) waiting.reject(new Error(`compose worker: ${reply.error}`));
    else waiting.resolve(reply.tally);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`compose worker exited (${code})`)));
  return {
    run: (job) =>
      new Promise<ComposeTally>((resolve, reject) => {
        if (failed) {
          reject(failed);
          return;
        }
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, job });
      }),
    close: async () => {
      worker.removeAllListeners("exit");
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("close");
      await exited;
    },
  };
}

/** `threads` workers (one per core by default), started and ready. */
export async function startComposePool(threads: number = os.availableParallelism()): Promise<ComposePool> {
  const workers = await Promise.all(Array.from({ length: Math.max(1, threads) }, () => startWorker()));
  return {
    threads: workers.length,
    async compose(requests, batchSize) {
      // Whole batches, dealt round: each worker reads full batches (the last one may be short).
      const shares: ComposeJob[] = workers.map(() => ({ requests: [], batchSize }));
      for (let i = 0, batch = 0; i < requests.length; i += batchSize, batch++) {
        for (const r of requests.slice(i, i + batchSize))
          shares[batch % workers.length]!.requests.push({ userId: r.userId, week: r.week, at: r.at.toISOString() });
      }
      const tallies = await Promise.all(shares.map((job, i) => (job.requests.length > 0 ? workers[i]!.run(job) : Promise.resolve(null))));
      const total: ComposeTally = { composed: 0, skipped: 0, characters: 0, kinds: {}, statements: 0 };
      for (const tally of tallies) {
        if (!tally) continue;
        total.composed += tally.composed;
        total.skipped += tally.skipped;
        total.characters += tally.characters;
        total.statements += tally.statements;
        for (const [kind, n] of Object.entries(tally.kinds) as [DigestKind, number][]) total.kinds[kind] = (total.kinds[kind] ?? 0) + n;
      }
      return total;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
