// The "maintained 3+ months" pass as the background jobs run it: its pg-boss queue, next to the
// weekly email's; its one candidate query, with exact counts; several passes at once. This file has
// a database of its own (like digest.test.ts): the pass acts on every record, and other files'
// records must not change its counts. What a read does (nothing) is in shipped.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Scheduler, SchedulerOptions } from "../../lib/scheduler";
import type { ProgressStatus } from "../../lib/validation/progress";
import { createEnrollment, createShippedRecord } from "../support/factories";
import { ownDatabase } from "../support/own-database";
import { waitFor } from "../support/wait";
import { localDaysAgo, shiftLocalDays } from "../support/dates";

const MAINTAIN = "maintain-feature-3-months";

let own: Awaited<ReturnType<typeof ownDatabase>>;
let db: PrismaClient;
let lib: {
  scheduler: typeof import("../../lib/scheduler");
  schedule: typeof import("../../lib/shipped/schedule");
};
const running: Scheduler[] = [];

beforeAll(async () => {
  own = await ownDatabase("shipped_maintenance");
  db = own.db;
  lib = { scheduler: await import("../../lib/scheduler"), schedule: await import("../../lib/shipped/schedule") };
}, 120_000);

afterEach(async () => {
  for (const s of running.splice(0)) await s.stop({ graceful: false }).catch(() => {});
  // Each test's records leave the stage, so the next test's passes count only its own.
  await db.shippedFeature.deleteMany();
});

afterAll(async () => {
  await own.drop();
});

async function start(extra: Partial<SchedulerOptions> = {}) {
  const scheduler = await lib.scheduler.startScheduler({
    connectionString: own.url,
    send: async () => {
      throw new Error("no email is due in these tests");
    },
    schedule: false,
    pollingIntervalSeconds: 0.5,
    ...extra,
  });
  running.push(scheduler);
  return scheduler;
}

/** The local date `days` before `now` in `timeZone`. */
const daysBefore = (now: Date, days: number, timeZone = "Europe/London") => localDaysAgo(days, timeZone, now);

/** A user on swe-to-mle (unless `enrolled: false`) with a shipped record saved straight to the database. */
async function maintainer(options: {
  launchDate: string;
  gaps?: string[];
  timezone?: string;
  enrolled?: boolean;
  status?: ProgressStatus;
  autoCompletedFor?: string;
}) {
  const timezone = options.timezone ?? "Europe/London";
  const user = await db.user.create({ data: { email: `maintained-${randomUUID().slice(0, 8)}@example.test`, timezone } });
  if (options.enrolled ?? true) await createEnrollment(user.id, "swe-to-mle", { timezone }, db);
  await createShippedRecord(user.id, { launchDate: options.launchDate, gaps: options.gaps }, db);
  if (options.autoCompletedFor) {
    await db.shippedFeature.update({
      where: { userId: user.id },
      data: { autoCompletedFor: new Date(`${options.autoCompletedFor}T00:00:00Z`) },
    });
  }
  if (options.status) {
    const skill = await db.skill.findUniqueOrThrow({ where: { slug: MAINTAIN } });
    await db.milestoneProgress.create({ data: { userId: user.id, skillId: skill.id, status: options.status } });
  }
  return user;
}

const ticksOf = (userId: string) => db.progressEvent.count({ where: { userId, source: "shipped_record", skill: { slug: MAINTAIN } } });

describe("the maintenance pass", () => {
  it("runs as a pg-boss job: one sent to its queue ticks a due user", async () => {
    const now = new Date();
    const due = await maintainer({ launchDate: daysBefore(now, 100) });
    const scheduler = await start();
    await scheduler.boss.send(lib.schedule.MAINTENANCE_QUEUE, {});
    await waitFor(async () => (await ticksOf(due.id)) === 1, "the pass's tick");
    expect(
      await db.milestoneProgress.findFirst({ where: { userId: due.id, skill: { slug: MAINTAIN } }, select: { status: true } }),
    ).toEqual({ status: "done" });
  });

  it("looks only at records that can be due, ticks those that are, and finds nothing to tick the second time", async () => {
    // Noon UTC: London's date is the 15th, Kiritimati's (UTC+14) already the 16th.
    const now = new Date("2027-06-15T12:00:00Z");
    const ticked = [
      await maintainer({ launchDate: daysBefore(now, 100) }),
      // A gap restarted the clock after an earlier tick; the gap's 90 days are up now.
      await maintainer({ launchDate: daysBefore(now, 300), gaps: [daysBefore(now, 95)], autoCompletedFor: daysBefore(now, 300) }),
      // The 90th day has come in the user's own zone, though not yet in UTC.
      await maintainer({ launchDate: "2027-03-18", timezone: "Pacific/Kiritimati" }),
    ];
    // Within a day of due in UTC terms, so the query can't rule it out: the exact rule says not yet.
    const tomorrow = await maintainer({ launchDate: daysBefore(now, 89) });
    const passedOver = [
      await maintainer({ launchDate: daysBefore(now, 30) }),
      await maintainer({ launchDate: daysBefore(now, 100), status: "done" }),
      await maintainer({ launchDate: daysBefore(now, 100), status: "skipped" }),
      // Ticked for this clock already, then un-ticked by hand.
      await maintainer({ launchDate: daysBefore(now, 100), status: "not_started", autoCompletedFor: daysBefore(now, 100) }),
      // No open roadmap has the milestone.
      await maintainer({ launchDate: daysBefore(now, 100), enrolled: false }),
      // A gap 50 days ago: 40 days still to run.
      await maintainer({ launchDate: daysBefore(now, 200), gaps: [daysBefore(now, 50)], autoCompletedFor: daysBefore(now, 200) }),
    ];
    const scheduler = await start();

    expect(await scheduler.shippedMaintenancePass(now)).toEqual({ checked: 4, ticked: 3 });
    for (const user of ticked) expect(await ticksOf(user.id), user.email).toBe(1);
    for (const user of [tomorrow, ...passedOver]) expect(await ticksOf(user.id), user.email).toBe(0);

    expect(await scheduler.shippedMaintenancePass(now)).toEqual({ checked: 1, ticked: 0 });
    expect(await scheduler.shippedMaintenancePass(shiftLocalDays(now, 1))).toEqual({ checked: 1, ticked: 1 });
    expect(await ticksOf(tomorrow.id)).toBe(1);
    expect(await scheduler.shippedMaintenancePass(shiftLocalDays(now, 1))).toEqual({ checked: 0, ticked: 0 });
  });

  it("ticks each record once when two processes' passes run side by side", async () => {
    const now = new Date("2027-06-15T12:00:00Z");
    const users = await Promise.all(Array.from({ length: 12 }, () => maintainer({ launchDate: daysBefore(now, 120) })));
    const [a, b] = [await start(), await start()];
    const results = await Promise.all([
      a.shippedMaintenancePass(now),
      b.shippedMaintenancePass(now),
      a.shippedMaintenancePass(now),
      b.shippedMaintenancePass(now),
    ]);
    expect(results.reduce((sum, r) => sum + r.ticked, 0)).toBe(12);
    for (const user of users) expect(await ticksOf(user.id), user.email).toBe(1);
  });

  // Last in the file: with the crons in the database, a scheduling process would run the pass on
  // its own clock, and the tests above count what their own passes do.
  it("is registered next to the weekly email: a singleton queue on a 15-minute cron", async () => {
    const scheduler = await start({ schedule: true });
    expect(await scheduler.boss.getQueue(lib.schedule.MAINTENANCE_QUEUE)).toMatchObject({
      name: "shipped-maintenance",
      policy: "singleton",
    });
    const schedules = await scheduler.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
      ["digest-tick", "*/5 * * * *"],
      ["shipped-maintenance", "*/15 * * * *"],
    ]);
  });
});
