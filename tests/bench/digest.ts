// Benchmark: the weekly email for 10,000 users. Composes and renders every digest the way
// `npm run digest -- --dry-run` does (lib/digest/batch.ts: digestInputBatches, 500 users a batch, the
// next batch read while one is composed, each with its signed links, then composeDigest for each),
// and compares the total with ONE `GROUP BY` over the same week's
// events (target: at most 25×, i.e. the cost of a few set-based reads per batch, not of a query storm
// per user). Also prints the SQL query count per batch (must be a small constant) and peak memory.
//   npm run bench:digest          (DATABASE_URL's server, else the embedded PostgreSQL)
// Before any lib/ module loads: they are server-only (see the file).
import "../../lib/cli/server-only-outside-next";
import v8 from "node:v8";
import vm from "node:vm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { seedCatalogue } from "../../lib/catalogue-seed";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { catalogue } from "../../lib/roadmaps";
import { applyMigrations } from "../../prisma/scripts/schema-engine";
import { freshTestDatabase, TEST_AUTH_SECRET } from "../support/stack";
import { percentile } from "./roadmap";

const USERS = 10_000;
/** lib/digest/batch.ts's batch size: the CLI reads 500 users per statement. */
const BATCH = 500;
const TARGET_RATIO = 25;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

// The bench week: digests go out on Monday 23 Nov 2026 at 07:00–09:00 local time, and each sums up the
// seven days before its own send moment. Across the zones below those windows start between Sunday
// 15 Nov 20:00 UTC (Sydney) and Monday 16 Nov 17:00 UTC (Los Angeles), and end between Sunday 22 Nov
// 20:00 UTC and Monday 23 Nov 17:00 UTC. History is kept before the earliest start, and the week's
// activity inside the latest start and the earliest end, so every user's window sees all of it.
const WEEK = "2026-W48";
const MONDAY = Date.parse("2026-11-23T00:00:00Z");
const HISTORY_END = Date.parse("2026-11-15T12:00:00Z");
const IN_WEEK_FROM = Date.parse("2026-11-16T18:00:00Z");
const ZONES = ["Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney"] as const;

type SqlType =
  "text" | "int" | "numeric" | "boolean" | "date" | "timestamptz" | '"ProgressStatus"' | '"EnrollmentChangeKind"' | '"EnrollmentStatus"';

/**
 * Inserts rows in one statement: each column travels as one array parameter and `unnest` turns the
 * arrays back into rows, in order (`with ordinality`), which matters for the event log: its trigger
 * appends each done flip to the progress row in insertion order.
 */
async function insertRows<T extends object>(
  sql: pg.Client,
  table: string,
  types: { [K in keyof T]: SqlType },
  rows: readonly T[],
): Promise<void> {
  const columns = Object.keys(types) as (keyof T & string)[];
  const aliases = columns.map((_, i) => `c${i}`);
  await sql.query(
    `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")})
     select ${aliases.join(", ")}
     from unnest(${columns.map((c, i) => `$${i + 1}::${types[c]}[]`).join(", ")}) with ordinality as t(${aliases.join(", ")}, ord)
     order by ord`,
    columns.map((c) => rows.map((row) => row[c])),
  );
}

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  timezone: string;
  digestHour: number;
  createdAt: Date;
  updatedAt: Date;
}
interface EnrollmentRow {
  id: string;
  userId: string;
  roadmapId: string;
  startDate: string;
  targetMonths: number;
  weeklyHours: number;
  timezone: string;
  status: "active";
  createdAt: Date;
  updatedAt: Date;
}
interface ChangeRow {
  id: string;
  enrollmentId: string;
  kind: "enrolled" | "paused" | "resumed" | "replanned";
  at: Date;
  fromTargetMonths: number | null;
  toTargetMonths: number | null;
}
type Status = "not_started" | "in_progress" | "done";
interface ProgressRow {
  id: string;
  userId: string;
  skillId: string;
  status: Status;
  startedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
}
interface EventRow {
  userId: string;
  skillId: string;
  enrollmentId: string;
  fromStatus: Status;
  toStatus: Status;
  occurredAt: Date;
}
interface CheckInRow {
  id: string;
  userId: string;
  enrollmentId: string;
  isoWeek: string;
  hours: number;
  confidence: number;
  idempotencyKey: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Learners [from, to) of the 10,000 on swe-to-mle, started between 10 days and 14 months before the week, with 10–25
 * touched skills each (done in roadmap order over the months, 0–3 of them inside the week, two in
 * progress, one ticked and unticked), 0–3 check-ins in the week and up to 8 weekly ones before it.
 * Every progress row's status follows from its events, whose trigger fills doneFlips.
 */
function plan(roadmapId: string, skillIds: readonly string[], isoWeekOf: (at: Date, timeZone: string) => string, from: number, to: number) {
  const now = new Date();
  const users: UserRow[] = [];
  const enrollments: EnrollmentRow[] = [];
  const changes: ChangeRow[] = [];
  const progress: ProgressRow[] = [];
  const events: EventRow[] = [];
  const checkIns: CheckInRow[] = [];
  for (let g = from; g < to; g++) {
    const userId = `bench-user-${String(g).padStart(5, "0")}`;
    const daysIn = 10 + ((g * 37) % 420);
    const start = MONDAY - daysIn * DAY_MS;
    const enrollmentId = `bench-enr-${g}`;
    const timezone = ZONES[g % ZONES.length]!;
    users.push({
      id: userId,
      email: `bench-${g}@example.test`,
      name: g % 10 === 0 ? null : `Learner ${g}`,
      timezone,
      digestHour: 7 + (g % 3),
      // The account opened the morning the plan started: its emails' windows (never before the
      // account existed) then cover the week whatever day the benchmark runs.
      createdAt: new Date(start + 8 * HOUR_MS),
      updatedAt: now,
    });
    const targetMonths = 6 + (g % 13);
    const replanned = g % 11 === 0 && daysIn > 60;
    enrollments.push({
      id: enrollmentId,
      userId,
      roadmapId,
      startDate: new Date(start).toISOString().slice(0, 10),
      targetMonths,
      weeklyHours: 4 + (g % 12),
      timezone,
      status: "active",
      createdAt: new Date(start + 9 * HOUR_MS),
      updatedAt: now,
    });
    changes.push({
      id: `bench-chg-${g}-0`,
      enrollmentId,
      kind: "enrolled",
      at: new Date(start + 9 * HOUR_MS),
      fromTargetMonths: null,
      toTargetMonths: replanned ? 12 : targetMonths,
    });
    if (replanned)
      changes.push({
        id: `bench-chg-${g}-1`,
        enrollmentId,
        kind: "replanned",
        at: new Date(start + 30 * DAY_MS),
        fromTargetMonths: 12,
        toTargetMonths: targetMonths,
      });
    if (g % 7 === 0 && daysIn > 90) {
      changes.push({
        id: `bench-chg-${g}-2`,
        enrollmentId,
        kind: "paused",
        at: new Date(start + 40 * DAY_MS),
        fromTargetMonths: null,
        toTargetMonths: null,
      });
      changes.push({
        id: `bench-chg-${g}-3`,
        enrollmentId,
        kind: "resumed",
        at: new Date(start + 61 * DAY_MS),
        fromTargetMonths: null,
        toTargetMonths: null,
      });
    }

    const touched = 10 + (g % 16);
    const done = touched - 3;
    const doneInWeek = g % 4;
    const historyDone = done - doneInWeek;
    // A user who started days before the week did their "history" right away: it lands in the week.
    const span = Math.max(HISTORY_END - start, DAY_MS);
    const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000 + (g % 60) * 1000;
    const mine: EventRow[] = [];
    const event = (skillId: string, fromStatus: Status, toStatus: Status, at: number) =>
      mine.push({ userId, skillId, enrollmentId, fromStatus, toStatus, occurredAt: new Date(minute(at)) });
    for (let k = 0; k < touched; k++) {
      const skillId = skillIds[k]!;
      let status: Status;
      let startedAt: number | null = null;
      let completedAt: number | null = null;
      if (k < done) {
        const at =
          k < historyDone
            ? start + (span * (k + 1)) / (historyDone + 1)
            : IN_WEEK_FROM + (k - historyDone) * 36 * HOUR_MS + (g % 6) * HOUR_MS;
        if (k % 4 === 1) {
          startedAt = at - 4 * DAY_MS;
          event(skillId, "not_started", "in_progress", startedAt);
          event(skillId, "in_progress", "done", at);
        } else event(skillId, "not_started", "done", at);
        status = "done";
        completedAt = at;
      } else if (k < touched - 1) {
        // One of the two in progress was started this week for half the users.
        startedAt = k === done && g % 2 === 0 ? Date.parse("2026-11-20T10:00:00Z") : start + span * 0.9;
        event(skillId, "not_started", "in_progress", startedAt);
        status = "in_progress";
      } else {
        // Ticked by mistake and unticked: two flips, not done.
        const at = start + span * 0.5;
        event(skillId, "not_started", "done", at);
        event(skillId, "done", "not_started", at + 3 * HOUR_MS);
        status = "not_started";
      }
      const last = mine.filter((e) => e.skillId === skillId).at(-1)!.occurredAt;
      progress.push({
        id: `bench-mp-${g}-${k}`,
        userId,
        skillId,
        status,
        startedAt: startedAt === null ? null : new Date(minute(startedAt)),
        completedAt: completedAt === null ? null : new Date(minute(completedAt)),
        updatedAt: last,
      });
    }
    // The log in time order, as the app writes it.
    mine.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    events.push(...mine);

    const checkIn = (i: number, at: number) => {
      const createdAt = new Date(at);
      checkIns.push({
        id: `bench-ci-${g}-${i}`,
        userId,
        enrollmentId,
        isoWeek: isoWeekOf(createdAt, timezone),
        hours: (((g + i) % 16) + 1) / 2,
        confidence: 1 + ((g + i) % 5),
        idempotencyKey: `bench-${g}-${i}`,
        createdAt,
        updatedAt: createdAt,
      });
    };
    const firstCheckIn = Date.parse("2026-11-17T19:00:00Z") + (g % 5) * HOUR_MS;
    for (let i = 0; i < (g * 7) % 4; i++) checkIn(i, firstCheckIn + i * 2 * DAY_MS);
    // Earlier weekly check-ins, with a gap now and then (what the streak's freezes are for).
    if (g % 3 !== 0) for (let j = 1; j <= g % 9; j++) if ((g + j) % 5 !== 0) checkIn(10 + j, firstCheckIn - j * 7 * DAY_MS);
  }
  return { users, enrollments, changes, progress, events, checkIns };
}

const database = await freshTestDatabase("waypoint_bench_digest");
// The seed's own connection, outside the counted client; neither connects before it is first used.
const sql = new pg.Client({ connectionString: database.url });
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: database.url, max: 10 }),
  log: [{ emit: "event", level: "query" }],
});
try {
  await applyMigrations(database.url);
  await sql.connect();
  let queries = 0;
  client.$on("query", () => {
    queries += 1;
  });
  // lib/db.ts picks up this client instead of creating its own: every statement it sends is counted.
  (globalThis as unknown as { waypointDb: PrismaClient }).waypointDb = client;
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: TEST_AUTH_SECRET, NEXTAUTH_URL: "https://waypoint.example" });
  const { digestInputs } = await import("../../lib/digest/load");
  const { composeDigest, digestKind } = await import("../../lib/digest/compose");
  const { digestLinks } = await import("../../lib/digest/deliver");
  const { isoWeekOf } = await import("../../lib/calendar/iso-weeks");
  await seedCatalogue(client, catalogue);

  // ---- Seed (not measured) ------------------------------------------------------------------
  // 1,000 users at a time: the process's peak RSS is then the digests', not half a million planned rows'.
  async function seedLearners() {
    const seedStarted = performance.now();
    const roadmap = await client.roadmap.findUniqueOrThrow({
      where: { slug: "swe-to-mle" },
      select: {
        id: true,
        phases: {
          where: { retiredAt: null },
          orderBy: { position: "asc" },
          select: { milestones: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { skillId: true } } },
        },
      },
    });
    const skillIds = roadmap.phases.flatMap((p) => p.milestones.map((m) => m.skillId));
    if (skillIds.length < 25) throw new Error(`swe-to-mle has ${skillIds.length} milestones; the seed touches up to 25`);
    const counts = { progress: 0, events: 0, checkIns: 0, changes: 0 };
    for (let from = 0; from < USERS; from += 1000) {
      const rows = plan(roadmap.id, skillIds, isoWeekOf, from, Math.min(from + 1000, USERS));
      await insertRows(
        sql,
        "User",
        {
          id: "text",
          email: "text",
          name: "text",
          timezone: "text",
          digestHour: "int",
          createdAt: "timestamptz",
          updatedAt: "timestamptz",
        },
        rows.users,
      );
      await insertRows(
        sql,
        "Enrollment",
        {
          id: "text",
          userId: "text",
          roadmapId: "text",
          startDate: "date",
          targetMonths: "int",
          weeklyHours: "int",
          timezone: "text",
          status: '"EnrollmentStatus"',
          createdAt: "timestamptz",
          updatedAt: "timestamptz",
        },
        rows.enrollments,
      );
      await insertRows(
        sql,
        "EnrollmentChange",
        {
          id: "text",
          enrollmentId: "text",
          kind: '"EnrollmentChangeKind"',
          at: "timestamptz",
          fromTargetMonths: "int",
          toTargetMonths: "int",
        },
        rows.changes,
      );
      // Progress rows before the log: its trigger refuses an event without one.
      await insertRows(
        sql,
        "MilestoneProgress",
        {
          id: "text",
          userId: "text",
          skillId: "text",
          status: '"ProgressStatus"',
          startedAt: "timestamptz",
          completedAt: "timestamptz",
          updatedAt: "timestamptz",
        },
        rows.progress,
      );
      await insertRows(
        sql,
        "ProgressEvent",
        {
          userId: "text",
          skillId: "text",
          enrollmentId: "text",
          fromStatus: '"ProgressStatus"',
          toStatus: '"ProgressStatus"',
          occurredAt: "timestamptz",
        },
        rows.events,
      );
      await insertRows(
        sql,
        "CheckIn",
        {
          id: "text",
          userId: "text",
          enrollmentId: "text",
          isoWeek: "text",
          hours: "numeric",
          confidence: "int",
          idempotencyKey: "text",
          createdAt: "timestamptz",
          updatedAt: "timestamptz",
        },
        rows.checkIns,
      );
      counts.progress += rows.progress.length;
      counts.events += rows.events.length;
      counts.checkIns += rows.checkIns.length;
      counts.changes += rows.changes.length;
    }
    // Fresh statistics and visibility map, as a long-lived database would have: both reads get their real plans.
    await sql.query("vacuum analyze");
    const seedMs = performance.now() - seedStarted;
    const flips = await sql.query<{ n: string }>(`select sum(cardinality("doneFlips"))::text as n from "MilestoneProgress"`);
    console.log(
      `seeded ${USERS} users in ${(seedMs / 1000).toFixed(1)} s (not measured): ${counts.progress} progress rows (${(counts.progress / USERS).toFixed(1)}/user), ` +
        `${counts.events} events (${(counts.events / USERS).toFixed(1)}/user), ${flips.rows[0]?.n} done flips, ${counts.checkIns} check-ins, ${counts.changes} enrolment changes`,
    );
  }
  await seedLearners();

  // The week's requests exactly as the CLI makes them (lib/digest/batch.ts's candidates): each user's
  // send moment is Monday at their digest hour in their own zone.
  const requests = (
    await client.$queryRaw<{ userId: string; sendAt: Date }[]>`
      select u.id as "userId",
        ((to_date(${WEEK}, 'IYYY-"W"IW')::timestamp + make_interval(days => u."digestWeekday" - 1, hours => u."digestHour")) at time zone u.timezone) as "sendAt"
      from "User" u
      where u."digestEnabled" and exists (select 1 from "Enrollment" e where e."userId" = u.id and e.status in ('active', 'paused'))
      order by u.id`
  ).map((c) => ({ userId: c.userId, week: WEEK, at: c.sendAt }));
  if (requests.length !== USERS) throw new Error(`expected ${USERS} candidates, got ${requests.length}`);
  const weekStart = new Date(Math.min(...requests.map((r) => r.at.getTime())) - 7 * DAY_MS);
  const weekEnd = new Date(Math.max(...requests.map((r) => r.at.getTime())));
  const inWeek = Number(
    (
      await sql.query<{ n: string }>(`select count(*)::text as n from "ProgressEvent" where "occurredAt" >= $1 and "occurredAt" < $2`, [
        weekStart,
        weekEnd,
      ])
    ).rows[0]?.n,
  );
  console.log(
    `week ${WEEK}: windows span ${weekStart.toISOString()} – ${weekEnd.toISOString()}, ${inWeek} events in it (${(inWeek / USERS).toFixed(1)}/user)`,
  );

  // ---- Compose and render, as the CLI's dry run does ----------------------------------------
  // lib/digest/batch.ts reads whole batches of BATCH users (one statement a batch, the next read while
  // one is composed) and composes them, in one thread. The measured figure is the median of three warm
  // passes; the cold first pass is printed beside it.
  let peakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  async function composeAll(slice: readonly (typeof requests)[number][]) {
    let chars = 0;
    let composed = 0;
    let loadMs = 0;
    const kinds = new Map<string, number>();
    // One thread, in this process: BATCH users per statement, the next batch read while this one is
    // composed. Time spent waiting for an input (its pacing and streak, and whatever of its batch's
    // read didn't hide behind composing) counts as loading.
    const inputs = digestInputs(slice, (id) => digestLinks(id), BATCH)[Symbol.asyncIterator]();
    for (;;) {
      const waited = performance.now();
      const next = await inputs.next();
      loadMs += performance.now() - waited;
      if (next.done) break;
      const { input } = next.value;
      if (!input) continue;
      const digest = composeDigest(input);
      // What a mailer would hand on; summing it keeps the rendering from being optimised away. In
      // characters: Buffer.byteLength scans every string again, 6% of the total measured.
      chars += digest.subject.length + digest.text.length + digest.html.length;
      composed += 1;
      const kind = digestKind(input);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (composed % BATCH === 0) sample();
    }
    sample();
    return { chars, composed, loadMs, batches: Math.ceil(slice.length / BATCH), kinds };
  }

  const pass = async () => {
    queries = 0;
    const t = performance.now();
    const tally = await composeAll(requests);
    return { ms: performance.now() - t, tally, statements: queries };
  };
  // Cold: the JIT still warming, the caches (the roadmap tree, the zones' offset tables) empty.
  const cold = await pass();

  // A full collection first, so "before" is what is live, not the seeding's leftovers (tsx starts node
  // without --expose-gc; the flag can still be set at run time and gc() fetched from a fresh context).
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
  const baseline = process.memoryUsage();
  peakRss = baseline.rss;
  const sampler = setInterval(sample, 20);
  const warm = [await pass(), await pass(), await pass()];
  clearInterval(sampler);
  sample();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const byTime = [...warm].sort((x, y) => x.ms - y.ms);
  const totalMs = byTime[1]!.ms;
  const one = byTime[1]!.tally;
  const result = { composed: one.composed, characters: one.chars, kinds: Object.fromEntries(one.kinds), statements: byTime[1]!.statements };

  const batches = Math.ceil(USERS / BATCH);
  const perBatch = result.statements / batches;
  const kinds = Object.entries(result.kinds).sort((x, y) => y[1] - x[1]);
  console.log(
    `composed ${result.composed} digests (${(result.characters / 1e6).toFixed(1)} million characters of subject + text + HTML, ${Math.round(result.characters / result.composed)} each) in ${batches} batches of ${BATCH}`,
  );
  console.log(`kinds: ${kinds.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`cold first pass ${cold.ms.toFixed(0)} ms`);
  console.log(
    `total: ${totalMs.toFixed(0)} ms (median of ${warm.map((w) => w.ms.toFixed(0)).join(", ")} ms), ${((totalMs / result.composed) * 1000).toFixed(0)} µs per digest, of which waiting for inputs (read, pacing, streak, links) ${one.loadMs.toFixed(0)} ms, composeDigest and the rest ${(totalMs - one.loadMs).toFixed(0)} ms`,
  );
  console.log(
    `SQL statements: ${result.statements} in all, ${perBatch} per batch of ${BATCH} ` +
      (perBatch <= 10 ? "(a small constant ✓)" : "(grows with the batch ✗)"),
  );
  if (result.composed !== USERS) throw new Error(`only ${result.composed} of ${USERS} users got a digest`);

  // ---- The baseline: one GROUP BY over the same week's events, through the same client ------
  const groupBy = () => client.$queryRaw<{ userId: string; events: number; done: number }[]>`
    select "userId", count(*)::int as events, count(*) filter (where "toStatus" = 'done')::int as done
    from "ProgressEvent"
    where "occurredAt" >= ${weekStart} and "occurredAt" < ${weekEnd}
    group by "userId"`;
  for (let i = 0; i < 3; i++) await groupBy();
  const timings: number[] = [];
  let grouped = 0;
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    grouped = (await groupBy()).length;
    timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);
  const groupByMs = percentile(timings, 50);
  console.log(`one GROUP BY over the week's events: median ${groupByMs.toFixed(2)} ms (11 runs, ${grouped} users with events)`);
  const ratio = totalMs / groupByMs;
  console.log(`ratio total / GROUP BY: ${ratio.toFixed(1)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? "✓" : "✗"}`);

  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `memory: peak RSS ${mb(peakRss)} MB over the warm passes (${mb(baseline.rss)} MB before); ` +
      `process maxRSS ${maxRssMb.toFixed(0)} MB (whole run, seeding included)`,
  );
} finally {
  await client.$disconnect();
  await sql.end().catch(() => {}); // never connected if the migrations failed
  await database.stop();
}
