// The partner's weekly copy on the digest's machinery: one email per (partner, ISO week) under two
// racing workers with one killed mid-batch, nothing for a partner whose people all removed them,
// and a queued copy composed (or skipped) from the partnerships as they are when it is sent. This
// file has a database of its own: the scheduler acts on every user.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Scheduler } from "../../lib/scheduler";
import { createEnrollment } from "../support/factories";
import { ownDatabase } from "../support/own-database";
import { smtpSink } from "../support/smtp-sink";
import { waitFor } from "../support/wait";
import { raceWithACrash } from "../support/worker-race";
import { localDaysAgo } from "../support/dates";

let own: Awaited<ReturnType<typeof ownDatabase>>;
let db: PrismaClient;
let lib: { scheduler: typeof import("../../lib/scheduler"); copy: typeof import("../../lib/partners/copy") };
const running: Scheduler[] = [];

beforeAll(async () => {
  own = await ownDatabase("partner_copy");
  db = own.db;
  lib = { scheduler: await import("../../lib/scheduler"), copy: await import("../../lib/partners/copy") };
}, 120_000);

afterEach(async () => {
  for (const s of running.splice(0)) await s.stop({ graceful: false }).catch(() => {});
  await db.user.updateMany({ data: { partnerCopyEnabled: false, digestEnabled: false } });
});

afterAll(async () => {
  await own.drop();
});

const email = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;

/** A partner (copy on, Mondays 08:00 London) following `people` people, each on a roadmap with their own digest off. */
async function partnerFollowing(people: number) {
  const partner = await db.user.create({
    data: { email: email("copy-partner"), name: "Pat", partnerCopyEnabled: true, digestWeekday: 1, digestHour: 8 },
  });
  for (let i = 0; i < people; i++) {
    const person = await db.user.create({ data: { email: email("copy-person"), name: `Person ${i}`, digestEnabled: false } });
    await createEnrollment(person.id, "swe-to-mle", { startDate: localDaysAgo(90) }, db);
    await db.partnership.create({
      data: { ownerId: person.id, partnerId: partner.id, role: "mentor", shares: ["pace", "streak", "this_week"] },
    });
  }
  return partner;
}

async function start(
  send: (mail: import("../../lib/mail").Mail) => Promise<void>,
  extra: Partial<Parameters<typeof lib.scheduler.startScheduler>[0]> = {},
) {
  const scheduler = await lib.scheduler.startScheduler({
    connectionString: own.url,
    send,
    baseUrl: "http://localhost:3100",
    schedule: false,
    pollingIntervalSeconds: 0.5,
    retryLimit: 3,
    retryDelaySeconds: 1,
    ...extra,
  });
  running.push(scheduler);
  return scheduler;
}

const sentCopies = (userIds: string[], week: string) =>
  db.partnerCopyDelivery.count({ where: { userId: { in: userIds }, isoWeek: week, status: "sent" } });

describe("the partner's weekly copy", () => {
  it("two workers racing, one of them crashing mid-batch, still send exactly one copy per partner-week, listing their people", async () => {
    const week = "2026-W51";
    const partners = await Promise.all(Array.from({ length: 12 }, () => partnerFollowing(2)));
    const sink = await smtpSink();
    // Worker A dies on its third email; B finishes the pass (tests/support/worker-race.ts).
    const { crashed, survivor: b } = await raceWithACrash(start, sink.send, new Date("2026-12-14T08:05:00Z"));
    running.splice(running.indexOf(crashed), 1);

    const ids = partners.map((p) => p.id);
    await waitFor(async () => (await sentCopies(ids, week)) === 12, "12 copies sent");
    for (const partner of partners) expect(sink.countTo(partner.email), partner.email).toBe(1);
    const mail = sink.received.find((m) => m.to === partners[0]!.email)!;
    expect(mail.messageId).toContain(`partner-copy-${week}-${partners[0]!.id}@`);
    expect(mail.text).toContain("Person 0");
    expect(mail.text).toContain("http://localhost:3100/partners");
    // A later pass in the same week queues none of them again.
    expect(await b.digestTick(new Date("2026-12-15T09:00:00Z"))).toBe(0);
    await sink.close();
  }, 120_000);

  it("sends nothing once everyone removed the partner, and a copy queued before the removal is skipped when it runs", async () => {
    const week = "2026-W52";
    const removed = await partnerFollowing(1);
    await db.partnership.deleteMany({ where: { partnerId: removed.id } });
    const sink = await smtpSink();
    const scheduler = await start(sink.send);
    expect(await scheduler.digestTick(new Date("2026-12-21T09:00:00Z"))).toBe(0);

    // Due and queued, then removed before a worker sends it: the send composes from what is left.
    const late = await partnerFollowing(1);
    const request = { userId: late.id, week, at: new Date("2026-12-21T09:00:00Z") };
    await db.partnership.deleteMany({ where: { partnerId: late.id } });
    expect(await lib.copy.deliverPartnerCopy(request, { send: sink.send, leaseMs: 60_000 })).toBe("skipped");
    expect(sink.countTo(late.email)).toBe(0);
    expect(await db.partnerCopyDelivery.findFirstOrThrow({ where: { userId: late.id } })).toMatchObject({
      isoWeek: week,
      status: "skipped",
    });
    expect(sink.countTo(removed.email)).toBe(0);
    await sink.close();
  }, 60_000);
});
