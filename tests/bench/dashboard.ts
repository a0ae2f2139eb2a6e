// Benchmark: the dashboard's SQL query count for roadmaps of 30 and 300 milestones (must be equal),
// and the tick route's latency (median, p99) over HTTP against the built app on real PostgreSQL.
//   npm run bench:dashboard          (DATABASE_URL's server, else the embedded PostgreSQL)
// Before any lib/ module loads: they are server-only (see the file).
import "../../lib/cli/server-only-outside-next";
import { existsSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { seedCatalogue } from "../../lib/catalogue-seed";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { startStack, TEST_AUTH_SECRET } from "../support/stack";
import { percentile, syntheticRoadmap } from "./roadmap";

const stack = await startStack({ build: !existsSync(path.join(repoRoot, ".next", "BUILD_ID")), database: "waypoint_bench" });
try {
  let queries = 0;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: stack.databaseUrl }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", () => {
    queries += 1;
  });
  // lib/db.ts picks up this client instead of creating its own: we count every statement it sends.
  (globalThis as unknown as { waypointDb: PrismaClient }).waypointDb = client;
  Object.assign(process.env, { DATABASE_URL: stack.databaseUrl, NEXTAUTH_SECRET: TEST_AUTH_SECRET });
  const { getDashboard } = await import("../../lib/progress");

  await seedCatalogue(client, [syntheticRoadmap(30), syntheticRoadmap(300)]);
  const user = await client.user.create({ data: { email: `bench-${Date.now()}@example.test` } });
  const counts: Record<number, number> = {};
  for (const size of [30, 300]) {
    const roadmap = await client.roadmap.findUniqueOrThrow({ where: { slug: `bench-${size}` }, include: { milestones: true } });
    const enrollment = await client.enrollment.create({
      data: {
        userId: user.id,
        roadmapId: roadmap.id,
        startDate: new Date("2026-06-01"),
        targetMonths: 12,
        weeklyHours: 8,
        timezone: "Europe/London",
      },
    });
    // Half the milestones done, so the progress query returns rows too.
    await client.milestoneProgress.createMany({
      data: roadmap.milestones
        .filter((_, i) => i % 2 === 0)
        .map((m) => ({ userId: user.id, skillId: m.skillId, status: "done" as const, completedAt: new Date() })),
    });
    await getDashboard(user.id, enrollment.id); // warm-up
    queries = 0;
    const dashboard = await getDashboard(user.id, enrollment.id);
    counts[size] = queries;
    const shown = dashboard.phases.reduce((n, p) => n + p.milestones.length, 0);
    console.log(`dashboard, ${size} milestones (${shown} shown): ${queries} SQL queries`);
  }
  console.log(counts[30] === counts[300] ? "query count is constant ✓" : "query count grows with the roadmap ✗");

  // Tick latency over HTTP, as a signed-in user, alternating done / not started.
  const session = await client.session.create({
    data: { sessionToken: `bench-${Date.now()}`, userId: user.id, expires: new Date(Date.now() + 3600_000) },
  });
  const roadmap = await client.roadmap.findUniqueOrThrow({
    where: { slug: "swe-to-mle" },
    include: { milestones: { where: { minDurationDays: null } } },
  });
  const enrollment = await client.enrollment.create({
    data: {
      userId: user.id,
      roadmapId: roadmap.id,
      startDate: new Date("2026-06-01"),
      targetMonths: 12,
      weeklyHours: 8,
      timezone: "Europe/London",
    },
  });
  const N = 400;
  const timings: number[] = [];
  for (let i = 0; i < N + 20; i++) {
    const milestone = roadmap.milestones[i % roadmap.milestones.length];
    if (!milestone) throw new Error("no milestones");
    const started = performance.now();
    const res = await fetch(`${stack.baseUrl}/api/enrollments/${enrollment.id}/milestones/${milestone.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: `next-auth.session-token=${session.sessionToken}` },
      body: JSON.stringify({
        status: Math.floor(i / roadmap.milestones.length) % 2 === 0 ? "done" : "not_started",
        note: null,
        evidenceUrl: null,
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`tick answered ${res.status}`);
    if (i >= 20) timings.push(performance.now() - started); // the first 20 warm the server up
  }
  timings.sort((a, b) => a - b);
  console.log(
    `tick route, ${N} sequential requests: median ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms, max ${timings.at(-1)?.toFixed(1)} ms`,
  );
  await client.$disconnect();
} finally {
  await stack.stop();
}
