// Benchmark: throughput and latency of the routes people wait on, each as a ratio to GET /api/health of
// the same server measured in the same minutes (issue 17's table), the JavaScript the browser loads
// for /dashboard and /checkin against a blank page of the same Next version, and the server's memory
// before and after 10,000 requests.
//   npm run bench:load                       (DATABASE_URL's server, else the embedded PostgreSQL)
//   npm run bench:load -- --seconds 4 --rounds 1 --connections 20
// SKIP_BUILD=1 serves the existing .next. It is a benchmark, not a test: figures below goal are
// reported with ✗ and the exit code stays 0; a run that could not measure (setup failure, a non-2xx
// answer) exits 1.
//
// Why a closed loop of our own and not autocannon: autocannon isn't a dependency here. Each of the
// `connections` loops sends one request on its own keep-alive socket, waits for the whole answer and
// sends the next, which is what autocannon does with -c N (no pipelining).
//
// The blank page is a separate app of the same Next version (tests/support/blank-next.ts): the question
// is how far Waypoint is from what Next itself costs.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import { startBlankApp, type BlankApp } from "../support/blank-next";
import { chromiumLaunchOptions, ensureChromium } from "../support/browser";
import { localDaysAgo } from "../support/dates";
import { SESSION_COOKIE, testDb, type TestUser } from "../support/factories";
import { startStack, TEST_PORT, type Stack } from "../support/stack";
import { percentile } from "./roadmap";
import { tenWeeksIntoPlan } from "./users";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "20" },
    "rss-requests": { type: "string", default: "10000" },
  },
});
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
/** Requests between the two memory readings. */
const RSS_REQUESTS = Number(args["rss-requests"]);
for (const [name, value] of Object.entries({ seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, "rss-requests": RSS_REQUESTS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}
/** Stored check-ins a user may make in an hour is 30 (USER_LIMITS.checkIn); each bench user makes fewer. */
const CHECKINS_PER_USER = 25;

interface Request {
  method: "GET" | "PUT" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Target {
  name: string;
  /** The n-th request of connection `conn`. */
  request: (conn: number, n: number) => Request;
  /** Goals from the issue, as ratios to health in the same rounds. */
  goal?: { throughput: number; p99?: number };
}

interface Run {
  requests: number;
  seconds: number;
  latencies: number[];
  non2xx: Map<string, number>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function send(base: URL, req: Request): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: {
          ...(req.body ? { "content-type": "application/json", "content-length": Buffer.byteLength(req.body) } : {}),
          ...req.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

/** `connections` closed loops for `seconds`, or until `maxRequests` have been sent in all. */
async function load(
  base: URL,
  target: Target,
  { seconds, maxRequests = Infinity }: { seconds: number; maxRequests?: number },
): Promise<Run> {
  const run: Run = { requests: 0, seconds: 0, latencies: [], non2xx: new Map() };
  const started = performance.now();
  const end = started + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, conn) => {
      for (let n = 0; performance.now() < end && sent < maxRequests; n++) {
        sent += 1;
        const t0 = performance.now();
        const res = await send(base, target.request(conn, n));
        run.latencies.push(performance.now() - t0);
        run.requests += 1;
        if (res.status < 200 || res.status > 299) {
          const key = `${target.name}: ${res.status} ${res.body.slice(0, 160)}`;
          run.non2xx.set(key, (run.non2xx.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

function merge(runs: Run[]): Run {
  const non2xx = new Map<string, number>();
  for (const r of runs) for (const [k, v] of r.non2xx) non2xx.set(k, (non2xx.get(k) ?? 0) + v);
  return {
    requests: runs.reduce((n, r) => n + r.requests, 0),
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
    latencies: runs.flatMap((r) => r.latencies).sort((a, b) => a - b),
    non2xx,
  };
}

const rate = (r: Run) => r.requests / r.seconds;
const ms = (v: number) => `${v.toFixed(0)} ms`;
const count = (r: Run) => [...r.non2xx.values()].reduce((a, b) => a + b, 0);

/** The PID listening on `port` (the app runs under tsx, a grandchild of the stack's process). */
function listeningPid(port: number): number | null {
  const out = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out.stdout);
  return match?.[1] ? Number(match[1]) : null;
}

function rssMb(pid: number | null): number | null {
  if (pid === null || !existsSync(`/proc/${pid}/status`)) return null;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Number(match[1]) / 1024 : null;
}

/** Compressed bytes of every script the page loaded (resource timing's encodedBodySize), and whether all came gzip'd. */
async function scriptWeight(
  browser: Browser,
  url: string,
  user?: TestUser,
): Promise<{ kB: number; files: number; uncompressed: string[] }> {
  const context = await browser.newContext();
  if (user) await context.addCookies([{ name: SESSION_COOKIE, value: user.sessionToken, url }]);
  const page = await context.newPage();
  const uncompressed: string[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script" && !res.headers()["content-encoding"]) uncompressed.push(res.url());
  });
  const res = await page.goto(url, { waitUntil: "networkidle" });
  if (!res?.ok() || new URL(page.url()).pathname !== new URL(url).pathname)
    throw new Error(`${url} answered ${res?.status()} at ${page.url()}`);
  const bytes = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => e.initiatorType === "script" || new URL(e.name).pathname.endsWith(".js"))
      .map((e) => e.encodedBodySize),
  );
  await context.close();
  return { kB: bytes.reduce((a, b) => a + b, 0) / 1000, files: bytes.length, uncompressed };
}

/** Users with a session and an open enrolment, made in bulk for the check-in route (one user's limit is 30 an hour). */
async function bulkUsers(n: number): Promise<{ cookie: string; enrollmentId: string }[]> {
  const db = testDb();
  const tag = randomUUID().slice(0, 8);
  const roadmap = await db.roadmap.findUniqueOrThrow({ where: { slug: "swe-to-mle" } });
  const emails = Array.from({ length: n }, (_, i) => `load-${tag}-${i}@example.test`);
  await db.user.createMany({ data: emails.map((email) => ({ email, emailVerified: new Date() })) });
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  const expires = new Date(Date.now() + 6 * 3600_000);
  const sessions = users.map((u) => ({ userId: u.id, sessionToken: randomUUID() + randomUUID(), expires }));
  await db.session.createMany({ data: sessions });
  const startDate = new Date(`${localDaysAgo(70)}T00:00:00Z`);
  await db.enrollment.createMany({
    data: users.map((u) => ({
      userId: u.id,
      roadmapId: roadmap.id,
      startDate,
      targetMonths: 12,
      weeklyHours: 8,
      timezone: "Europe/London",
    })),
  });
  const enrollments = await db.enrollment.findMany({
    where: { userId: { in: users.map((u) => u.id) } },
    select: { id: true, userId: true },
  });
  await db.enrollmentChange.createMany({
    data: enrollments.map((e) => ({ enrollmentId: e.id, kind: "enrolled" as const, toTargetMonths: 12, toWeeklyHours: 8 })),
  });
  const byUser = new Map(enrollments.map((e) => [e.userId, e.id]));
  return sessions.map((s) => ({ cookie: `${SESSION_COOKIE}=${s.sessionToken}`, enrollmentId: byUser.get(s.userId) ?? "" }));
}

let stack: Stack | null = null;
let blank: BlankApp | null = null;
let browser: Browser | null = null;
let exitCode = 0;
// Ctrl-C mid-run: the app and the blank page's server are children of ours; don't leave them serving.
process.once("SIGINT", () => {
  void Promise.allSettled([blank?.stop(), stack?.stop()]).then(() => process.exit(130));
});
try {
  const loadBefore = os.loadavg();
  // As `npm test` does: a machine without a browser gets one (or one clear message) before the build.
  ensureChromium();
  console.log(`starting the stack (${process.env.SKIP_BUILD === "1" ? "existing build" : "building first"})…`);
  stack = await startStack({ build: process.env.SKIP_BUILD !== "1", database: "waypoint_load" });
  // The factories find the database and app through these, as they do under `npm test`.
  process.env.TEST_DATABASE_URL = stack.databaseUrl;
  process.env.TEST_APP_URL = stack.baseUrl;
  const base = new URL(stack.baseUrl);
  const db = testDb();

  // The tick round flips milestones thousands of times. On the user the pacing and dashboard rounds
  // read, that history (every flip is read) would make each round slower than the one before, and
  // no one's history looks like it: the ticks go to a twin of that user.
  const { user, enrollment } = await tenWeeksIntoPlan("load");
  const ticker = await tenWeeksIntoPlan("load-ticker");
  const milestones = await db.milestone.findMany({
    where: { roadmapId: enrollment.roadmapId, retiredAt: null },
    select: { id: true, minDurationDays: true },
  });
  // The ones a tick can flip at any time (a time-based milestone can't be done before its days are up).
  const tickable = milestones.filter((m) => m.minDurationDays === null);
  if (tickable.length < CONNECTIONS) throw new Error(`${tickable.length} tickable milestones for ${CONNECTIONS} connections`);
  const checkInUsers = await bulkUsers(Math.ceil(((ROUNDS + 1) * SECONDS * 400 + RSS_REQUESTS) / CHECKINS_PER_USER));
  let checkIns = 0;
  const cookie = { cookie: user.cookie };

  const health: Target = { name: "GET /api/health", request: () => ({ method: "GET", path: "/api/health" }) };
  const targets: Target[] = [
    {
      name: "tick: PUT …/milestones/:id",
      // Each connection flips a milestone of its own, so no two requests race on one row.
      request: (conn, n) => ({
        method: "PUT",
        path: `/api/enrollments/${ticker.enrollment.id}/milestones/${tickable[conn]?.id}`,
        headers: { cookie: ticker.user.cookie },
        body: JSON.stringify({ status: n % 2 === 0 ? "done" : "not_started", note: null, evidenceUrl: null }),
      }),
      goal: { throughput: 0.5, p99: 2 },
    },
    {
      name: "pacing: GET …/pacing",
      request: () => ({ method: "GET", path: `/api/enrollments/${enrollment.id}/pacing`, headers: cookie }),
      goal: { throughput: 0.6 },
    },
    {
      name: "dashboard HTML: GET /dashboard",
      request: () => ({ method: "GET", path: "/dashboard", headers: cookie }),
      goal: { throughput: 0.3 },
    },
    {
      name: "check-in: POST /api/checkins",
      request: () => {
        const u = checkInUsers[Math.floor(checkIns++ / CHECKINS_PER_USER)];
        if (!u) throw new Error("ran out of check-in users");
        return {
          method: "POST",
          path: "/api/checkins",
          headers: { cookie: u.cookie },
          body: JSON.stringify({ enrollmentId: u.enrollmentId, hours: 1.5, confidence: 3, idempotencyKey: randomUUID() }),
        };
      },
    },
  ];

  console.log(`warming up (2 s per route)…`);
  for (const t of [health, ...targets]) {
    const warm = await load(base, t, { seconds: 2 });
    if (count(warm)) throw new Error(`${t.name} answered non-2xx while warming up: ${[...warm.non2xx.keys()].join("; ")}`);
  }

  const pid = listeningPid(TEST_PORT);
  const results = new Map<string, { route: Run[]; health: Run[] }>(targets.map((t) => [t.name, { route: [], health: [] }]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of targets) {
      // Alternated in the same minute, so both sides of a ratio see the same machine load.
      const route = await load(base, t, { seconds: SECONDS });
      const beside = await load(base, health, { seconds: SECONDS });
      results.get(t.name)?.route.push(route);
      results.get(t.name)?.health.push(beside);
      console.log(`round ${round}/${ROUNDS} ${t.name}: ${rate(route).toFixed(0)} req/s; health ${rate(beside).toFixed(0)} req/s`);
    }
  }

  const roundRequests = [...results.values()].flatMap((r) => [...r.route, ...r.health]).reduce((n, r) => n + r.requests, 0);
  const report = (line = "") => console.log(line);
  report(
    `\nload benchmark, ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores, load average ${loadBefore[0]?.toFixed(1)} at the start`,
  );
  report(
    `${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds, each route alternated with GET /api/health; a user with ${milestones.length} milestones\n`,
  );
  let non2xx = 0;
  const rows: string[][] = [["what", "req/s", "p50", "p99", "health req/s", "health p99", "ratio", "goal", ""]];
  for (const t of targets) {
    const r = results.get(t.name);
    if (!r) continue;
    const route = merge(r.route);
    const beside = merge(r.health);
    non2xx += count(route) + count(beside);
    const ratio = rate(route) / rate(beside);
    const p99Ratio = percentile(route.latencies, 99) / percentile(beside.latencies, 99);
    const met = !t.goal || (ratio >= t.goal.throughput && (t.goal.p99 === undefined || p99Ratio <= t.goal.p99));
    const goal = t.goal ? `≥ ${t.goal.throughput}${t.goal.p99 ? `, p99 ≤ ${t.goal.p99}× (${p99Ratio.toFixed(2)}×)` : ""}` : "—";
    const p = (q: number, run: Run) => ms(percentile(run.latencies, q));
    rows.push([
      t.name,
      rate(route).toFixed(1),
      p(50, route),
      p(99, route),
      rate(beside).toFixed(1),
      p(99, beside),
      ratio.toFixed(2),
      goal,
      t.goal ? (met ? "✓" : "✗") : "",
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  for (const r of rows)
    report(
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );

  // The browser's side: script bytes as sent (gzip), the blank page first.
  blank = await startBlankApp();
  browser = await chromium.launch(chromiumLaunchOptions());
  const blankJs = await scriptWeight(browser, blank.url);
  report(
    `\nJS loaded by the browser (gzip'd bytes, resource timing), beside a blank Next page: ${blankJs.kB.toFixed(1)} kB in ${blankJs.files} files`,
  );
  for (const pagePath of ["/dashboard", "/checkin"]) {
    const page = await scriptWeight(browser, new URL(pagePath, stack.baseUrl).toString(), user);
    const ratio = page.kB / blankJs.kB;
    report(`${pagePath}: ${page.kB.toFixed(1)} kB in ${page.files} files, ${ratio.toFixed(2)}× (goal ≤ 1.2×) ${ratio <= 1.2 ? "✓" : "✗"}`);
    if (page.uncompressed.length) report(`    not compressed: ${page.uncompressed.join(", ")}`);
  }

  // Memory, once the heap has grown to where this load keeps it: V8 takes a heap of several hundred MB
  // before it collects in earnest (a fresh server's RSS rose from 300 to about 850 MB over its first
  // few thousand requests and then stayed there), so a reading taken at the start would call that
  // growth a leak. Read after the rounds, then again after RSS_REQUESTS more of every route, mixed.
  const rssBefore = rssMb(pid);
  const mixed: Target = {
    name: "mixed",
    request: (conn, n) => [health, ...targets][(conn + n) % (targets.length + 1)]?.request(conn, n) ?? health.request(conn, n),
  };
  const topUp = await load(base, mixed, { seconds: 3600, maxRequests: RSS_REQUESTS });
  const rssAfter = rssMb(pid);
  if (rssBefore !== null && rssAfter !== null) {
    const growth = rssAfter / rssBefore - 1;
    report(
      `\nserver RSS: ${rssBefore.toFixed(0)} MB after the rounds' ${roundRequests} requests, ${rssAfter.toFixed(0)} MB after ${topUp.requests} more (${(growth * 100).toFixed(1)} %, goal within 10 %) ${Math.abs(growth) <= 0.1 ? "✓" : "✗"}`,
    );
  } else {
    report(`\nserver RSS: not measured (no /proc or no listening PID for port ${TEST_PORT})`);
  }
  non2xx += count(topUp);
  report(`load average ${os.loadavg()[0]?.toFixed(1)} at the end; non-2xx answers: ${non2xx}`);
  for (const [what, n] of merge([topUp, ...[...results.values()].flatMap((r) => [...r.route, ...r.health])]).non2xx)
    report(`    ${n} × ${what}`);
  if (non2xx) exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  exitCode = 1;
} finally {
  agent.destroy();
  await browser?.close();
  await blank?.stop();
  if (process.env.TEST_DATABASE_URL)
    await testDb()
      .$disconnect()
      .catch(() => {});
  await stack?.stop();
}
process.exit(exitCode);
