// Benchmark: getPacing for a user with 5,000 progress events on a 300-milestone roadmap (target: median
// under 5 ms), the pure computePacing alone, and the dashboard's query count with pacing included
// (must not grow with the roadmap or the history).
//   npm run bench:pacing          (DATABASE_URL's server, else the embedded PostgreSQL)
// Before any lib/ module loads: they are server-only (see the file).
import "../../lib/cli/server-only-outside-next";
import { PrismaPg } from "@prisma/adapter-pg";
import { seedCatalogue } from "../../lib/catalogue-seed";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { applyMigrations } from "../../prisma/scripts/schema-engine";
import { freshTestDatabase, TEST_AUTH_SECRET } from "../support/stack";
import { percentile, syntheticRoadmap } from "./roadmap";

type Status = "not_started" | "in_progress" | "done" | "skipped";
const STATUSES: readonly Status[] = ["in_progress", "done", "not_started", "done", "skipped", "done", "done"];
const DAY_MS = 86_400_000;

const database = await freshTestDatabase("waypoint_bench_pacing");
try {
  await applyMigrations(database.url);
  let queries = 0;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", () => {
    queries += 1;
  });
  // lib/db.ts picks up this client instead of creating its own: every statement it sends is counted.
  (globalThis as unknown as { waypointDb: PrismaClient }).waypointDb = client;
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: TEST_AUTH_SECRET });
  const { getPacing } = await import("../../lib/progress/pacing");
  const { getDashboard } = await import("../../lib/progress");
  const { computePacing } = await import("../../lib/pacing");
  const { progressFromEvents } = await import("../../lib/pacing/flips");
  await seedCatalogue(client, [syntheticRoadmap(30), syntheticRoadmap(300)]);

  const start = Date.parse("2026-01-05T00:00:00Z");
  const now = new Date(start + 500 * DAY_MS);

  /** A user on the `size` roadmap with `events` status changes spread over 500 days, and some pauses and replans. */
  async function userWith(size: number, events: number) {
    const user = await client.user.create({ data: { email: `bench-${size}-${events}-${Date.now()}@example.test` } });
    const roadmap = await client.roadmap.findUniqueOrThrow({
      where: { slug: `bench-${size}` },
      include: { milestones: { orderBy: { position: "asc" } } },
    });
    const enrollment = await client.enrollment.create({
      data: {
        userId: user.id,
        roadmapId: roadmap.id,
        startDate: new Date(start),
        targetMonths: 15,
        weeklyHours: 8,
        timezone: "Europe/London",
        changes: {
          create: [
            { kind: "enrolled", at: new Date(start), toTargetMonths: 12 },
            { kind: "paused", at: new Date(start + 100 * DAY_MS) },
            { kind: "resumed", at: new Date(start + 121 * DAY_MS) },
            { kind: "replanned", at: new Date(start + 200 * DAY_MS), fromTargetMonths: 12, toTargetMonths: 15 },
          ],
        },
      },
    });
    // Every event a real status change, skills visited in a scrambled order, statuses cycling so
    // the user ends part-way (about 60% done), as someone would after a year of ticking and unticking.
    const last = new Map<string, Status>();
    const rows = Array.from({ length: events }, (_, i) => {
      const skillId = roadmap.milestones[(i * 7) % roadmap.milestones.length]!.skillId;
      const fromStatus = last.get(skillId) ?? "not_started";
      let toStatus = STATUSES[(i * 5 + Math.floor(i / 13)) % STATUSES.length]!;
      if (toStatus === fromStatus) toStatus = fromStatus === "done" ? "in_progress" : "done";
      last.set(skillId, toStatus);
      return {
        userId: user.id,
        skillId,
        enrollmentId: enrollment.id,
        fromStatus,
        toStatus,
        occurredAt: new Date(start + Math.floor((i / events) * 500 * DAY_MS)),
      };
    });
    // Progress rows first (the log's trigger records each done flip on them), then the log.
    await client.milestoneProgress.createMany({
      data: [...last].map(([skillId, status]) => ({ userId: user.id, skillId, status, updatedAt: new Date(start + 500 * DAY_MS) })),
    });
    for (let i = 0; i < rows.length; i += 1000) await client.progressEvent.createMany({ data: rows.slice(i, i + 1000) });
    // A check-in most weeks of those 500 days, each on one or two skills: the hours that feed the
    // blended velocity and this week's plan are part of the measured work.
    await client.checkIn.createMany({
      data: Array.from({ length: Math.floor((500 * 6) / 7 / 7) }, (_, w) => ({
        userId: user.id,
        enrollmentId: enrollment.id,
        isoWeek: `bench-${w}`,
        hours: 4 + (w % 7),
        confidence: 1 + (w % 5),
        workedSkillIds: [
          roadmap.milestones[(w * 3) % roadmap.milestones.length]!.skillId,
          ...(w % 2 ? [roadmap.milestones[(w * 3 + 1) % roadmap.milestones.length]!.skillId] : []),
        ],
        idempotencyKey: `bench-${w}`,
        createdAt: new Date(start + Math.floor(w * 8.2 * DAY_MS)),
      })),
    });
    await client.$executeRaw`analyze "CheckIn"`;
    await client.$executeRaw`analyze "ProgressEvent"`;
    await client.$executeRaw`analyze "MilestoneProgress"`;
    return { userId: user.id, enrollmentId: enrollment.id };
  }

  async function time(label: string, runs: number, fn: () => unknown) {
    for (let i = 0; i < 20; i++) await fn(); // warm-up
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      timings.push(performance.now() - t);
    }
    timings.sort((a, b) => a - b);
    console.log(`${label}: median ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms (${runs} runs)`);
    return percentile(timings, 50);
  }

  const big = await userWith(300, 5000);
  const pacing = await getPacing(big.userId, big.enrollmentId, now);
  console.log(
    `user: 300 milestones, 5000 events; pacing says ${pacing.status}, ${(pacing.actual.share * 100).toFixed(1)}% done, variance ${pacing.varianceDays} d`,
  );
  const median = await time("getPacing (1 SQL statement + compute)", 300, () => getPacing(big.userId, big.enrollmentId, now));
  const typical = await userWith(30, 120);
  await time("getPacing, a typical user (30 milestones, 120 events)", 300, () => getPacing(typical.userId, typical.enrollmentId, now));

  // The pure part alone, on the same input the server builds.
  const events = await client.progressEvent.findMany({
    where: { userId: big.userId },
    orderBy: { id: "asc" },
    select: { skillId: true, toStatus: true, occurredAt: true },
  });
  const tree = await client.roadmap.findUniqueOrThrow({
    where: { slug: "bench-300" },
    include: {
      phases: { orderBy: { position: "asc" }, include: { milestones: { orderBy: { position: "asc" }, include: { skill: true } } } },
    },
  });
  const changes = await client.enrollmentChange.findMany({ where: { enrollmentId: big.enrollmentId }, orderBy: { at: "asc" } });
  const input = {
    roadmap: {
      canonicalMonths: 18,
      maxMonths: 18,
      phases: tree.phases.map((p) => ({
        slug: p.slug,
        title: p.title,
        startMonth: Number(p.startMonth),
        endMonth: Number(p.endMonth),
        milestones: p.milestones.map((m) => ({
          id: m.id,
          skillId: m.skillId,
          skillSlug: m.skill.slug,
          title: m.title,
          effortHours: m.effortHours,
          minDurationDays: null,
          durationAnchor: null,
        })),
      })),
    },
    // With the weekly budget the server passes: the paced plan line is part of the measured work.
    enrollment: { startDate: "2026-01-05", targetMonths: 15, status: "active" as const, changes, weeklyHours: 8 },
    progress: progressFromEvents(events),
    now,
    timeZone: "Europe/London",
  };
  await time("computePacing alone (pure)", 300, () => computePacing(input));

  // Query count of everything the dashboard page loads: constant in roadmap size and history length.
  const counts: string[] = [];
  const small = await userWith(30, 50);
  for (const [size, n] of [
    [30, 50],
    [300, 5000],
  ] as const) {
    const u = size === 300 ? big : small;
    await getPacing(u.userId, u.enrollmentId, now); // the roadmap's tree is read once, then cached
    queries = 0;
    await Promise.all([getDashboard(u.userId, u.enrollmentId), getPacing(u.userId, u.enrollmentId, now)]);
    counts.push(String(queries));
    console.log(`dashboard + pacing, ${size} milestones, ${n} events: ${queries} SQL queries`);
  }
  console.log(counts[0] === counts[1] ? "query count is constant ✓" : "query count grows ✗");
  console.log(median < 5 ? `getPacing median ${median.toFixed(2)} ms < 5 ms ✓` : `getPacing median ${median.toFixed(2)} ms ≥ 5 ms ✗`);
  await client.$disconnect();
} finally {
  await database.stop();
}
