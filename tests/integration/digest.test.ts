// The weekly email against real parts: pg-boss on PostgreSQL, a real SMTP server (smtp-server), and
// the clock injected into the scheduler's due-users pass. This file has a database of its own: the
// scheduler acts on every user, and other files' users must not get (or hide) mail here.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Scheduler } from "../../lib/scheduler";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { call, createUser, testDb } from "../support/factories";
import { ownDatabase } from "../support/own-database";
import { smtpSink } from "../support/smtp-sink";
import { FEATURE_LAUNCH_SKILL, MAINTAIN_FEATURE_SKILL } from "../../lib/pacing/rules";
import { waitFor } from "../support/wait";
import { raceWithACrash } from "../support/worker-race";
import { shiftLocalDays } from "../support/dates";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let own: Awaited<ReturnType<typeof ownDatabase>>;
let db: PrismaClient;
let lib: {
  scheduler: typeof import("../../lib/scheduler");
  digestJobs: typeof import("../../lib/digest/scheduler");
  unsubscribe: typeof import("../../lib/digest/unsubscribe");
  batch: typeof import("../../lib/digest/batch");
  account: typeof import("../../lib/account");
  load: typeof import("../../lib/digest/load");
  deliver: typeof import("../../lib/digest/deliver");
  pacing: typeof import("../../lib/progress/pacing");
  compose: typeof import("../../lib/digest/compose");
};
const running: Scheduler[] = [];

beforeAll(async () => {
  own = await ownDatabase("digest");
  db = own.db;
  lib = {
    scheduler: await import("../../lib/scheduler"),
    digestJobs: await import("../../lib/digest/scheduler"),
    unsubscribe: await import("../../lib/digest/unsubscribe"),
    batch: await import("../../lib/digest/batch"),
    account: await import("../../lib/account"),
    load: await import("../../lib/digest/load"),
    deliver: await import("../../lib/digest/deliver"),
    pacing: await import("../../lib/progress/pacing"),
    compose: await import("../../lib/digest/compose"),
  };
}, 120_000);

afterEach(async () => {
  for (const s of running.splice(0)) await s.stop({ graceful: false }).catch(() => {});
  // Each test's users leave the stage, so the next test's passes see only its own.
  await db.user.updateMany({ data: { digestEnabled: false } });
});

afterAll(async () => {
  await own.drop();
});

/** A user on swe-to-mle since 8 weeks before `weekMonday`, with one milestone done in the week before it. */
async function digestUser(options: { timezone: string; weekday: number; hour: number; weekMonday: Date; enabled?: boolean }) {
  const user = await db.user.create({
    data: {
      email: `digest-${randomUUID().slice(0, 8)}@example.test`,
      name: "Sam",
      timezone: options.timezone,
      digestWeekday: options.weekday,
      digestHour: options.hour,
      digestEnabled: options.enabled ?? true,
      // Made when the enrolment began, 8 weeks before the week under test, whatever today's date.
      createdAt: shiftLocalDays(options.weekMonday, -56, "UTC"),
    },
  });
  const roadmap = await db.roadmap.findUniqueOrThrow({
    where: { slug: "swe-to-mle" },
    include: { milestones: { orderBy: { position: "asc" }, take: 1 } },
  });
  const start = shiftLocalDays(options.weekMonday, -56, "UTC");
  await db.enrollment.create({
    data: {
      userId: user.id,
      roadmapId: roadmap.id,
      startDate: start,
      targetMonths: 12,
      weeklyHours: 8,
      timezone: options.timezone,
      createdAt: start,
      changes: { create: [{ kind: "enrolled", at: start, toTargetMonths: 12 }] },
    },
  });
  const skillId = roadmap.milestones[0]!.skillId;
  const doneAt = shiftLocalDays(options.weekMonday, -3, "UTC");
  await db.milestoneProgress.create({ data: { userId: user.id, skillId, status: "done", completedAt: doneAt } });
  await db.progressEvent.create({ data: { userId: user.id, skillId, fromStatus: "not_started", toStatus: "done", occurredAt: doneAt } });
  return user;
}

type SchedulerOptions = Parameters<typeof lib.scheduler.startScheduler>[0];

async function start(send: SchedulerOptions["send"], extra: Partial<SchedulerOptions> = {}) {
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

const sentCount = (userIds: string[], week: string) =>
  db.digestDelivery.count({ where: { userId: { in: userIds }, isoWeek: week, status: "sent" } });

/** Weekday (1 = Monday) and hour of an instant in a zone. */
function localWeekdayHour(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.find((p) => p.type === "weekday")!.value) + 1;
  return { weekday, hour: Number(parts.find((p) => p.type === "hour")!.value) };
}

describe("weekly email", () => {
  it("sends each of 50 users in 5 time zones exactly one email for the week, at their own weekday and hour", async () => {
    const week = "2026-W50";
    const monday = new Date("2026-12-07T00:00:00Z");
    const zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles"];
    const users = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        digestUser({ timezone: zones[i % 5]!, weekday: 1 + (i % 7), hour: (i * 5) % 24, weekMonday: monday }),
      ),
    );
    const sink = await smtpSink();
    const scheduler = await start(sink.send);

    // Every hour from before the week starts anywhere to after it ends everywhere.
    for (let t = monday.getTime() - 16 * HOUR_MS; t <= monday.getTime() + 7 * DAY_MS + 16 * HOUR_MS; t += HOUR_MS) {
      await scheduler.digestTick(new Date(t));
    }
    const ids = users.map((u) => u.id);
    await waitFor(async () => (await sentCount(ids, week)) === 50, "50 digests sent");

    // Users whose previous week's moment had passed when the ticks began are caught up for that week
    // too (that is the reconciliation pass at work); this week's email is the one counted.
    for (const user of users) expect(sink.digestsFor(user.id, week), user.email).toBe(1);
    const deliveries = await db.digestDelivery.findMany({ where: { userId: { in: ids }, isoWeek: week } });
    expect(deliveries).toHaveLength(50);
    for (const d of deliveries) {
      const user = users.find((u) => u.id === d.userId)!;
      expect({ week: d.isoWeek, ...localWeekdayHour(d.scheduledFor!, user.timezone) }).toEqual({
        week,
        weekday: user.digestWeekday,
        hour: user.digestHour,
      });
    }

    // What arrived: the news in the subject, one-click unsubscribe headers, the check-in link.
    const mail = sink.received.find((m) => m.messageId.includes(`digest-${week}-${users[0]!.id}@`))!;
    expect(mail.subject).toMatch(/^Week \d+ of \d+ — /);
    expect(mail.rawHeaders).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3100\/api\/digest\/unsubscribe\?token=[\w.-]+>$/m);
    expect(mail.rawHeaders).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(mail.text).toContain("http://localhost:3100/checkin");
    await sink.close();
  }, 120_000);

  it("two workers racing, one of them crashing mid-batch, still send exactly one email per user", async () => {
    const week = "2026-W51";
    const monday = new Date("2026-12-14T00:00:00Z");
    const users = await Promise.all(
      Array.from({ length: 20 }, () => digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: monday })),
    );
    const sink = await smtpSink();
    // Worker A dies on its third email; B finishes the pass (tests/support/worker-race.ts).
    const { crashed } = await raceWithACrash(start, sink.send, new Date("2026-12-14T08:05:00Z"));
    running.splice(running.indexOf(crashed), 1);

    const ids = users.map((u) => u.id);
    await waitFor(async () => (await sentCount(ids, week)) === 20, "20 digests sent");
    for (const user of users) expect(sink.countTo(user.email), user.email).toBe(1);
    expect(sink.received.filter((m) => users.some((u) => u.email === m.to))).toHaveLength(20);
    await sink.close();
  }, 120_000);

  it("delivers on retry when the SMTP server refuses twice, and gives up into a dead letter when it always refuses", async () => {
    const week = "2026-W52";
    const monday = new Date("2026-12-21T00:00:00Z");
    const patient = await digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: monday });
    const hopeless = await digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: monday });
    const sink = await smtpSink(({ to, n }) => (to === patient.email ? n <= 2 : to === hopeless.email));
    const scheduler = await start(sink.send, { retryLimit: 2, retryDelaySeconds: 1 });
    await scheduler.digestTick(new Date("2026-12-21T09:00:00Z"));

    await waitFor(async () => (await sentCount([patient.id], week)) === 1, "the retried digest");
    expect(sink.countTo(patient.email)).toBe(1);
    expect(sink.attempts.get(patient.email)).toBe(3);
    await waitFor(async () => (await db.digestDelivery.count({ where: { userId: hopeless.id, status: "dead" } })) === 1, "the dead letter");
    const dead = await db.digestDelivery.findFirstOrThrow({ where: { userId: hopeless.id } });
    expect(dead).toMatchObject({ isoWeek: week, status: "dead", attempts: 3 });
    expect(sink.countTo(hopeless.email)).toBe(0);
    // A later pass doesn't try a dead one again.
    expect(await scheduler.digestTick(new Date("2026-12-22T09:00:00Z"))).toBe(0);
    await sink.close();
  }, 120_000);

  it("sends nothing to users who turned it off or unsubscribed, and the CLI's week run agrees", async () => {
    const week = "2026-W53";
    const monday = new Date("2026-12-28T00:00:00Z");
    const off = await digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: monday, enabled: false });
    const leaver = await digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: monday });
    const stayer = await digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: monday });
    expect(await lib.unsubscribe.unsubscribe(lib.unsubscribe.unsubscribeToken(leaver.id))).toEqual({ email: leaver.email });

    const sink = await smtpSink();
    const dry = await lib.batch.runDigestWeek(week, { dryRun: true, send: sink.send, now: new Date("2026-12-29T00:00:00Z") });
    expect(dry).toMatchObject({ composed: 1, sent: 0, failed: 0 });
    expect(sink.received).toHaveLength(0);
    const run = await lib.batch.runDigestWeek(week, { dryRun: false, send: sink.send, now: new Date("2026-12-29T00:00:00Z") });
    expect(run).toMatchObject({ sent: 1, failed: 0 });
    const again = await lib.batch.runDigestWeek(week, { dryRun: false, send: sink.send, now: new Date("2026-12-29T00:00:00Z") });
    expect(again).toMatchObject({ sent: 0, skipped: 1, failed: 0 });
    expect([sink.countTo(off.email), sink.countTo(leaver.email), sink.countTo(stayer.email)]).toEqual([0, 0, 1]);
    await sink.close();
  }, 60_000);

  it("goes out to everyone else when one user's stored zone is one PostgreSQL refuses, and that user is skipped and logged", async () => {
    const week = "2027-W02";
    const monday = new Date("2027-01-11T00:00:00Z");
    const broken = await digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: monday });
    const others = await Promise.all(
      ["Europe/London", "Asia/Tokyo", "America/New_York"].map((timezone) =>
        digestUser({ timezone, weekday: 1, hour: 8, weekMonday: monday }),
      ),
    );
    // Straight into the table, past every check: what a row from before the rule may hold.
    await db.$executeRaw`update "User" set timezone = 'AET' where id = ${broken.id}`;
    await expect(db.$queryRaw`select now() at time zone 'AET'`).rejects.toThrow(/time zone "AET" not recognized/);

    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    try {
      const tuesday = new Date("2027-01-12T12:00:00Z");
      const due = await lib.deliver.dueDigests(tuesday);
      expect(due.map((d) => d.userId).sort()).toEqual(others.map((u) => u.id).sort());
      expect(logged.some((line) => line.includes(broken.id) && line.includes('"AET"'))).toBe(true);

      const sink = await smtpSink();
      const scheduler = await start(sink.send);
      expect(await scheduler.digestTick(tuesday)).toBe(3);
      await waitFor(
        async () =>
          (await sentCount(
            others.map((u) => u.id),
            week,
          )) === 3,
        "3 digests sent",
      );
      expect(sink.countTo(broken.email)).toBe(0);

      // The CLI's week run reads the same way: the others are already sent, the broken one is skipped.
      const run = await lib.batch.runDigestWeek(week, { dryRun: false, send: sink.send, now: tuesday });
      expect(run).toMatchObject({ sent: 0, skipped: 4, failed: 0 });
      expect(sink.countTo(broken.email)).toBe(0);
      await sink.close();
    } finally {
      console.error = original;
    }
  }, 60_000);
});

describe("the first email", () => {
  /** A user who made their account and enrolled at `at` (start date that local day), digest on Mondays at `hour`. */
  async function newcomer(at: Date, timezone: string, hour = 8) {
    const user = await db.user.create({
      data: {
        email: `newcomer-${randomUUID().slice(0, 8)}@example.test`,
        name: "Ada",
        timezone,
        digestWeekday: 1,
        digestHour: hour,
        createdAt: at,
      },
    });
    const roadmap = await db.roadmap.findUniqueOrThrow({ where: { slug: "swe-to-mle" } });
    const startDate = new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: timezone }).format(at)}T00:00:00Z`);
    await db.enrollment.create({
      data: {
        userId: user.id,
        roadmapId: roadmap.id,
        startDate,
        targetMonths: 12,
        weeklyHours: 8,
        timezone,
        createdAt: at,
        changes: { create: [{ kind: "enrolled", at, toTargetMonths: 12 }] },
      },
    });
    return user;
  }

  it("waits for the first whole week after enrolling, sums up only the days since, and counts weeks from the start", async () => {
    // Wednesday 20 Jan 2027 (2027-W03), after that week's Monday 08:00 had passed.
    const enrolled = new Date("2027-01-20T15:00:00Z");
    const ada = await newcomer(enrolled, "Europe/London");
    const sink = await smtpSink();
    const scheduler = await start(sink.send);
    for (const at of ["2027-01-20T15:05:00Z", "2027-01-21T09:00:00Z", "2027-01-24T23:00:00Z", "2027-01-25T07:55:00Z"]) {
      expect(await scheduler.digestTick(new Date(at)), at).toBe(0);
    }
    expect(
      await lib.batch.runDigestWeek("2027-W03", { dryRun: true, send: sink.send, now: new Date("2027-01-24T23:00:00Z") }),
    ).toMatchObject({ composed: 0 });

    expect(await scheduler.digestTick(new Date("2027-01-25T08:05:00Z"))).toBe(1);
    await waitFor(async () => (await sentCount([ada.id], "2027-W04")) === 1, "the first digest");
    expect(await db.digestDelivery.count({ where: { userId: ada.id } })).toBe(1);
    const mail = sink.received.find((m) => m.to === ada.email)!;
    // 20 Jan 2027 to 20 Jan 2028 is 365 days: 52 weeks, and the first of them.
    expect(mail.subject).toBe("Week 1 of 52 — welcome to Waypoint");
    // From the day the account was made, not the 7 days before the send.
    expect(mail.text.replace(/\s+/g, " ")).toContain("(20–25 Jan 2027)");
    await sink.close();
  }, 60_000);

  it("is due by the same rule in the scheduler's SQL and in lib/digest/timing, on each user's wall calendar", async () => {
    // Sunday 23:30 UTC: already Monday (the next ISO week) in Tokyo, still Sunday in London and New York.
    const enrolled = new Date("2027-01-31T23:30:00Z");
    const zones = ["Asia/Tokyo", "Europe/London", "America/New_York"];
    const users = await Promise.all(zones.map((zone) => newcomer(enrolled, zone, 0)));
    const { isoWeekOf } = await import("../../lib/calendar/iso-weeks");
    const { digestWeekAllowed } = await import("../../lib/digest/timing");
    for (const now of ["2027-02-01T12:00:00Z", "2027-02-08T12:00:00Z"].map((at) => new Date(at))) {
      const due = new Set((await lib.deliver.dueDigests(now)).map((d) => d.userId));
      const expected = users.map((u, i) => digestWeekAllowed(isoWeekOf(now, zones[i]!), enrolled, zones[i]!));
      expect(
        users.map((u) => due.has(u.id)),
        now.toISOString(),
      ).toEqual(expected);
    }
    // The figures themselves: Tokyo enrolled in 2027-W05 and waits for W06; the others enrolled in W04.
    expect(users.map((u) => digestWeekAllowed("2027-W05", enrolled, u.timezone))).toEqual([false, true, true]);
  }, 60_000);
});

/** What a mail client sends for RFC 8058 one-click unsubscribe. */
const ONE_CLICK = { rawBody: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } };

describe("the email's numbers", () => {
  /** Ticks skills done (and, with `undoneAt`, undone again) through the event log, whose trigger keeps the flips. */
  async function tick(userId: string, skillId: string, doneAt: Date, undoneAt?: Date) {
    await db.milestoneProgress.create({
      data: { userId, skillId, status: undoneAt ? "not_started" : "done", completedAt: undoneAt ? null : doneAt },
    });
    await db.progressEvent.create({ data: { userId, skillId, fromStatus: "not_started", toStatus: "done", occurredAt: doneAt } });
    if (undoneAt)
      await db.progressEvent.create({ data: { userId, skillId, fromStatus: "done", toStatus: "not_started", occurredAt: undoneAt } });
  }

  it("are the dashboard's: the batch read gives the pacing getPacing gives, replans, pauses and a shipped record's gap included", async () => {
    const at = new Date("2027-03-01T08:00:00Z");
    const roadmap = await db.roadmap.findUniqueOrThrow({
      where: { slug: "swe-to-mle" },
      include: {
        milestones: {
          where: { retiredAt: null },
          orderBy: [{ phase: { position: "asc" } }, { position: "asc" }],
          include: { skill: true },
        },
      },
    });
    const ago = (days: number) => shiftLocalDays(at, -days, "UTC");
    const enrol = async (
      timezone: string,
      startDaysAgo: number,
      changes: { kind: "enrolled" | "replanned" | "paused" | "resumed"; daysAgo: number; to?: number }[],
    ) => {
      const user = await db.user.create({ data: { email: `numbers-${randomUUID().slice(0, 8)}@example.test`, timezone } });
      const enrollment = await db.enrollment.create({
        data: {
          userId: user.id,
          roadmapId: roadmap.id,
          startDate: new Date(ago(startDaysAgo).toISOString().slice(0, 10)),
          targetMonths: changes.findLast((c) => c.to)?.to ?? 12,
          weeklyHours: 8,
          timezone,
          changes: { create: changes.map((c) => ({ kind: c.kind, at: ago(c.daysAgo), toTargetMonths: c.to ?? null })) },
        },
      });
      return { user, enrollment };
    };

    // A steady learner with one tick taken back.
    const steady = await enrol("Europe/London", 120, [{ kind: "enrolled", daysAgo: 120, to: 12 }]);
    for (const [i, m] of roadmap.milestones.slice(0, 6).entries()) await tick(steady.user.id, m.skillId, ago(110 - i * 15));
    await tick(steady.user.id, roadmap.milestones[6]!.skillId, ago(10), ago(9));
    // Replanned, then paused for three weeks, in Sydney.
    const replanned = await enrol("Australia/Sydney", 200, [
      { kind: "enrolled", daysAgo: 200, to: 9 },
      { kind: "replanned", daysAgo: 150, to: 15 },
      { kind: "paused", daysAgo: 80 },
      { kind: "resumed", daysAgo: 59 },
    ]);
    for (const [i, m] of roadmap.milestones.slice(0, 9).entries()) await tick(replanned.user.id, m.skillId, ago(190 - i * 14));
    // Everything but the upkeep milestone done, the feature shipped 100 days ago and switched off 30
    // days ago: the record's gap restarts the 3-month clock, which holds the projected finish back.
    const shipper = await enrol("America/New_York", 300, [{ kind: "enrolled", daysAgo: 300, to: 12 }]);
    const open = roadmap.milestones.filter((m) => m.skill.slug !== MAINTAIN_FEATURE_SKILL);
    for (const [i, m] of open.entries())
      await tick(shipper.user.id, m.skillId, m.skill.slug === FEATURE_LAUNCH_SKILL ? ago(100) : ago(290 - i * 6));
    await db.shippedFeature.create({
      data: {
        userId: shipper.user.id,
        title: "Ticket triage",
        problem: "Routing support tickets",
        model: "Fine-tuned classifier",
        launchDate: new Date(ago(100).toISOString().slice(0, 10)),
        incidents: {
          create: [
            {
              position: 0,
              occurredOn: new Date(ago(30).toISOString().slice(0, 10)),
              whatHappened: "Drift",
              whatChanged: "Retrained",
              featureWasOff: true,
            },
          ],
        },
      },
    });

    const people = [steady, replanned, shipper];
    const inputs = await lib.load.loadDigestInputs(
      people.map(({ user }) => ({ userId: user.id, week: "2027-W09", at })),
      (id) => lib.deliver.digestLinks(id),
      { evenIfOff: true },
    );
    for (const { user, enrollment } of people) {
      const pacing = await lib.pacing.getPacing(user.id, enrollment.id, at);
      // The same fields taken from the dashboard's pacing: what has to agree is the numbers under them.
      expect(inputs.get(user.id)?.pace, user.timezone).toEqual(lib.load.digestPace(pacing));
      expect(inputs.get(user.id)?.next).toEqual(pacing.nextMilestones.map((m) => ({ title: m.title, dueDate: m.dueDate })));
    }
    // The gap is what holds the shipper back: 90 days from it, not from the launch.
    const shipperPacing = await lib.pacing.getPacing(shipper.user.id, shipper.enrollment.id, at);
    expect(shipperPacing.earliestFinish).not.toBeNull();
    expect(inputs.get(shipper.user.id)?.pace.projectedFinish).toBe(shipperPacing.earliestFinish);
  });
});

describe("account deletion", () => {
  it("removes a queued weekly email with the account, in the same transaction, and nothing is sent", async () => {
    const week = "2027-W01";
    const user = await digestUser({ timezone: "Europe/London", weekday: 1, hour: 8, weekMonday: new Date("2027-01-04T00:00:00Z") });
    // Queued by a pass, but no worker has taken it yet.
    const { default: PgBoss } = await import("pg-boss");
    const boss = new PgBoss({ connectionString: own.url, schema: "pgboss", schedule: false, supervise: false });
    await boss.start();
    await lib.digestJobs.enqueue(boss, { userId: user.id, week, at: new Date("2027-01-04T08:00:00Z") });
    const queued = () => db.$queryRaw<{ n: number }[]>`select count(*)::int as n from pgboss.job where data->>'userId' = ${user.id}`;
    expect((await queued())[0]!.n).toBe(1);

    await lib.account.deleteAccount(user.id, user.email);
    expect((await queued())[0]!.n).toBe(0);
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);

    const sink = await smtpSink();
    const scheduler = await start(sink.send);
    expect(await scheduler.digestTick(new Date("2027-01-04T09:00:00Z"))).toBe(0);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sink.countTo(user.email)).toBe(0);
    await boss.stop({ graceful: false, close: true });
    await sink.close();
  }, 60_000);
});

describe("unsubscribe links", () => {
  it("carry a standard HS256 JWT: byte for byte what jose signs with the same key, and jose verifies it", async () => {
    const key = new TextEncoder().encode(`${process.env.NEXTAUTH_SECRET}:digest-unsubscribe`);
    for (const userId of ["c1234567890abcdefghijklm", "bench-user-00042", "ünïcode"]) {
      const signed = await new SignJWT({ purpose: "digest-unsubscribe" }).setProtectedHeader({ alg: "HS256" }).setSubject(userId).sign(key);
      expect(lib.unsubscribe.unsubscribeToken(userId)).toBe(signed);
      expect(await lib.unsubscribe.userOfUnsubscribeToken(signed)).toBe(userId);
    }
  });

  // Against the running app and its database: the link works signed out, and only for its own user.
  it("turn off only their own user's email, by POST without signing in; a forged or altered token changes nothing", async () => {
    const a = await createUser("unsub-a");
    const b = await createUser("unsub-b");
    const tokenA = lib.unsubscribe.unsubscribeToken(a.id);

    // Opening the link (GET) changes nothing: mail scanners open links.
    const page = await call("GET", `/unsubscribe?token=${tokenA}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(a.email);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: a.id } })).digestEnabled).toBe(true);

    const [header, payload, signature] = tokenA.split(".");
    const claimsForB = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: b.id })).toString(
      "base64url",
    );
    for (const forged of [`${header}.${claimsForB}.${signature}`, `${tokenA}x`, "not-a-token", ""]) {
      const res = await call("POST", `/api/digest/unsubscribe?token=${encodeURIComponent(forged)}`, ONE_CLICK);
      expect(res.status, forged).toBe(400);
    }
    expect((await testDb().user.findUniqueOrThrow({ where: { id: b.id } })).digestEnabled).toBe(true);

    const oneClick = await call("POST", `/api/digest/unsubscribe?token=${tokenA}`, ONE_CLICK);
    expect(oneClick.status).toBe(200);
    const [after, other] = await Promise.all([a.id, b.id].map((id) => testDb().user.findUniqueOrThrow({ where: { id } })));
    expect([after!.digestEnabled, other!.digestEnabled]).toEqual([false, true]);
  });
});
