// A worker thread of the compose pool (lib/digest/parallel.ts): reads and composes the digests of
// the requests it is given, batch by batch as lib/digest/load.ts does in one thread, and answers
// with a tally. It has a Prisma client of its own (a thread shares no objects with the process's),
// counting the statements it sends, so the pool can report that reading stays set-based.
import { parentPort } from "node:worker_threads";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import type { ComposeJob, ComposeTally } from "./parallel";

if (!parentPort) throw new Error("lib/digest/compose-worker.ts runs only as a worker thread");
const port = parentPort;

let statements = 0;
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: 4 }),
  log: [{ emit: "event", level: "query" }],
});
client.$on("query", () => {
  statements += 1;
});
// lib/db.ts takes this client instead of making its own.
(globalThis as unknown as { waypointDb: PrismaClient }).waypointDb = client;

const { digestInputs } = await import("./load");
const { composeDigest, digestKind } = await import("./compose");
const { digestLinks } = await import("./deliver");

async function compose(job: ComposeJob): Promise<ComposeTally> {
  const before = statements;
  const tally: ComposeTally = { composed: 0, skipped: 0, characters: 0, kinds: {}, statements: 0 };
  const requests = job.requests.map((r) => ({ userId: r.userId, week: r.week, at: new Date(r.at) }));
  for await (const { input } of digestInputs(requests, (id) => digestLinks(id), job.batchSize)) {
    if (!input) {
      tally.skipped += 1;
      continue;
    }
    const digest = composeDigest(input);
    tally.composed += 1;
    tally.characters += digest.subject.length + digest.text.length + digest.html.length;
    const kind = digestKind(input);
    tally.kinds[kind] = (tally.kinds[kind] ?? 0) + 1;
  }
  tally.statements = statements - before;
  return tally;
}

port.on("message", (message: { id: number; job: ComposeJob } | "close") => {
  if (message === "close") {
    void client.$disconnect().finally(() => port.close());
    return;
  }
  compose(message.job).then(
    (tally) => port.postMessage({ id: message.id, tally }),
    (error: unknown) =>
      port.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
port.postMessage("ready");
