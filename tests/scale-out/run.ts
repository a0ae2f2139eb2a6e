// npm run test:scale-out — Waypoint run the way a deployment runs it, on one machine, and proven to
// hold together: a database of its own on DATABASE_URL's PostgreSQL server (never the embedded
// one), migrations and seed applied once as a deploy step, the app built once, two web instances
// (`npm start -- --no-build --no-migrate`, DIGEST_SCHEDULER=off) and two `npm run worker` processes, all sending
// through a real SMTP server. It checks that
//   - a session made by a real magic-link sign-in on instance 1 works on instance 2;
//   - the per-address sign-in limit holds across both: the 6th request, alternating, is a 429;
//   - a week's digests for 200 users go out exactly once each, with one worker killed by SIGKILL
//     mid-run while it holds claims on sends it has not handed to the SMTP server;
//   - the "maintained 3+ months" pass, run by both workers, ticks once;
// prints the figures, drops its database, and exits non-zero on any failure. The README's
// "Deploying" section is this run written out for an operator.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run test:scale-out [-- --reuse-build]
//
// --reuse-build (or SKIP_BUILD=1) serves the build already in .next when there is one, as CI's
// `npm test` has just made it. SCALE_OUT_DATABASE names the database (default waypoint_scaleout).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { TZDate } from "@date-fns/tz";
import { getHours, getISODay } from "date-fns";
import pg from "pg";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrismaClient } from "../../lib/prisma-client";
import { dayOfIso, isoOfDay } from "../../lib/calendar/days";
import { localToday } from "../../lib/calendar/zones";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { shiftLocalDays } from "../support/dates";
import { createEnrollment, createShippedRecord } from "../support/factories";
import { waitFor } from "../support/wait";
import { startMailRelay, type MailRelay } from "./mail-relay";

const USERS = 200;
/** The worker is stopped from sending, then killed, once this many digests have gone out. */
const KILL_AFTER = 60;
/** Short enough that the killed worker's sends are retried within the run (defaults: 300 s and 60 s). */
const SEND_TIMEOUT_SECONDS = 15;
const RETRY_DELAY_SECONDS = 2;
const ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"] as const;
const SIGN_IN_LIMIT = 5;

const started = performance.now();
const args = new Set(process.argv.slice(2));
const reuseBuild = args.has("--reuse-build") || process.env.SKIP_BUILD === "1";
const serverUrl = process.env.DATABASE_URL;
const databaseName = process.env.SCALE_OUT_DATABASE ?? "waypoint_scaleout";

const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const step = (what: string) => console.log(`\n── ${what} (${seconds()} s) ──`);

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`  ✓ ${what}`);
}

// ── processes ────────────────────────────────────────────────────────────────────────────────────

interface Proc {
  name: string;
  child: ChildProcess;
  log: string[];
  exited: Promise<number | null>;
}

const procs: Proc[] = [];

/** `npm <args>` in a process group of its own, so a signal reaches npm, tsx and node alike. */
function launch(name: string, npmArgs: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn("npm", npmArgs, { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  child.stdout.on("data", (d: Buffer) => log.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc = { name, child, log, exited };
  procs.push(proc);
  return proc;
}

function signalGroup(proc: Proc, signal: NodeJS.Signals): void {
  if (proc.child.pid === undefined || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  try {
    process.kill(-proc.child.pid, signal);
  } catch {
    // the group is gone already
  }
}

async function stopProc(proc: Proc): Promise<void> {
  signalGroup(proc, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 20_000).unref());
  if ((await Promise.race([proc.exited, timeout])) === "timeout") {
    signalGroup(proc, "SIGKILL");
    await proc.exited;
  }
}

/** Resolves with the first log line matching `pattern`; fails if the process exits first. */
async function waitForLine(proc: Proc, pattern: RegExp, timeoutMs = 120_000): Promise<string> {
  let exited = false;
  void proc.exited.then(() => (exited = true));
  let found: string | undefined;
  await waitFor(
    async () => {
      found = proc.log
        .join("")
        .split("\n")
        .find((line) => pattern.test(line));
      if (!found && exited) throw new Error(`${proc.name} exited before printing ${pattern}:\n${tail(proc)}`);
      return found !== undefined;
    },
    `${proc.name} to print ${pattern}`,
    timeoutMs,
  );
  return found!;
}

const tail = (proc: Proc, lines = 30) => proc.log.join("").split("\n").slice(-lines).join("\n");

/** An npm script run to the end, as a deploy pipeline runs it; its last line is returned. */
async function runStep(name: string, npmArgs: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const proc = launch(name, npmArgs, env);
  const code = await proc.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${tail(proc)}`);
  return proc.log.join("").trim().split("\n").at(-1) ?? "";
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ── HTTP as a client behind the load balancer ────────────────────────────────────────────────────

/** The web instances trust one proxy hop (TRUSTED_PROXY_HOPS=1): this run plays that proxy. */
const viaProxy = (client: string) => ({ "x-forwarded-for": client });

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

async function csrfFrom(base: string, client: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/auth/csrf`, { headers: viaProxy(client) });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiesOf(res) };
}

async function requestSignIn(base: string, email: string, csrf: { token: string; cookie: string }, client: string): Promise<Response> {
  return fetch(`${base}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, ...viaProxy(client) },
    body: new URLSearchParams({ email, csrfToken: csrf.token, callbackUrl: "/dashboard", json: "true" }),
  });
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    console.error(
      "Set DATABASE_URL to a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres): the run makes its own database there.",
    );
    return 2;
  }
  if (!/^[a-z0-9_]+$/.test(databaseName)) {
    console.error(`SCALE_OUT_DATABASE must be a plain lower-case name, not ${databaseName}`);
    return 2;
  }
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const relay = await startMailRelay(["web", "worker-1", "worker-2"]);
  let db: PrismaClient | undefined;
  try {
    step(`a fresh database ${databaseName} on ${new URL(serverUrl).host}`);
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.query(`create database ${databaseName}`);
    db = createPrismaClient(databaseUrl);
    return await run(databaseUrl, db, relay);
  } finally {
    for (const proc of procs) await stopProc(proc);
    await db?.$disconnect();
    await relay.close();
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
}

async function run(databaseUrl: string, db: PrismaClient, relay: MailRelay): Promise<number> {
  const [web1Port, web2Port] = [await freePort(), await freePort()];
  const publicUrl = `http://localhost:${web1Port}`;
  // Everything a deployment sets, the same for every process; nothing inherited that would change it.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(TEST_|SIGNIN_LIMIT_|DIGEST_|TRUSTED_PROXY|SMTP_|NEXTAUTH_|PORT$|HOST$)/.test(k)),
  );
  const deployment: NodeJS.ProcessEnv = {
    ...inherited,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: publicUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    EMAIL_FROM: "Waypoint <no-reply@waypoint.test>",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  step("a web instance started before the deploy step refuses to serve");
  const early = launch("web-before-deploy", ["start", "--", "--no-build", "--no-migrate"], {
    ...deployment,
    PORT: String(web1Port),
    DIGEST_SCHEDULER: "off",
  });
  const earlyExit = await early.exited;
  check(
    earlyExit !== 0 && /migration\(s\) are not applied/.test(early.log.join("")),
    `npm start -- --no-migrate on an empty database exits ${earlyExit}, naming the pending migrations`,
  );

  step("deploy step: migrations and the catalogue, once");
  console.log(`  npm run db:migrate → ${await runStep("db:migrate", ["run", "db:migrate"], deployment)}`);
  console.log(`  npm run db:seed → ${await runStep("db:seed", ["run", "db:seed"], deployment)}`);

  const buildId = path.join(repoRoot, ".next", "BUILD_ID");
  if (reuseBuild && existsSync(buildId)) {
    step(`the build: reusing .next (BUILD_ID ${readFileSync(buildId, "utf8").trim()})`);
  } else {
    step("the build, once: npm run build");
    await runStep("build", ["run", "build"], deployment);
  }

  step(`${USERS} users whose weekly email is due now, and one shipped feature launched 91 days ago`);
  const now = new Date();
  const digestUsers = await makeDigestUsers(db, now);
  const maintainer = await makeMaintainer(db, now);
  console.log(`  ${digestUsers.length} users in ${ZONES.length} time zones; the maintainer launched on ${maintainer.launchDate}`);

  step("two web instances and two workers");
  const web = (name: string, port: number) =>
    launch(name, ["start", "--", "--no-build", "--no-migrate"], {
      ...deployment,
      PORT: String(port),
      HOST: "127.0.0.1",
      SMTP_URL: relay.urlOf("web"),
      DIGEST_SCHEDULER: "off",
      TRUSTED_PROXY_HOPS: "1",
    });
  const worker = (name: string) =>
    launch(name, ["run", "worker"], {
      ...deployment,
      SMTP_URL: relay.urlOf(name),
      DIGEST_SEND_TIMEOUT_SECONDS: String(SEND_TIMEOUT_SECONDS),
      DIGEST_RETRY_DELAY_SECONDS: String(RETRY_DELAY_SECONDS),
    });
  const web1 = web("web-1", web1Port);
  const web2 = web("web-2", web2Port);
  const workers = [worker("worker-1"), worker("worker-2")] as const;
  const bases = [publicUrl, `http://localhost:${web2Port}`] as const;
  // The workers send as soon as they are up; the kill is watched for while the web checks run.
  const killed = killMidRun(db, relay, workers[0], digestUsers.length);
  killed.catch(() => {}); // awaited below; this only keeps an early failure from crashing the run

  const catchUps = await Promise.all(workers.map((w) => waitForLine(w, /^catch-up at start:/)));
  for (const [i, line] of catchUps.entries()) console.log(`  ${workers[i]!.name}: ${line}`);
  for (const instance of [web1, web2]) {
    console.log(`  ${instance.name}: ${await waitForLine(instance, /^Waypoint is running at /)}`);
    check(
      /^database schema is up to date \(--no-migrate/m.test(instance.log.join("")),
      `${instance.name} checked the schema the deploy step migrated (and ran no migration itself)`,
    );
  }

  step("a session made on instance 1 works on instance 2");
  const figures = { signInEmails: 0, tooMany: 0 };
  const email = "scale-out-session@example.test";
  const csrf1 = await csrfFrom(bases[0], "203.0.113.1");
  const asked = await requestSignIn(bases[0], email, csrf1, "203.0.113.1");
  check(asked.status === 200, `sign-in email requested on web-1 (${asked.status})`);
  const mail = await waitForMail(relay, email, 1);
  const link = /https?:\/\/\S+\/signin\/confirm\?\S+/.exec(mail.text)?.[0];
  check(link !== undefined && link.startsWith(publicUrl), "the email's link points at the public URL");
  const confirm = await fetch(link, { headers: viaProxy("203.0.113.1") });
  const callback = /<a href="(\/api\/auth\/callback\/email\?[^"]+)"/.exec(await confirm.text())?.[1];
  check(callback !== undefined, "the confirmation page offers the sign-in button");
  const signedIn = await fetch(new URL(callback.replaceAll("&amp;", "&"), bases[0]), {
    redirect: "manual",
    headers: { cookie: csrf1.cookie, ...viaProxy("203.0.113.1") },
  });
  const session = signedIn.headers
    .getSetCookie()
    .find((c) => c.startsWith("next-auth.session-token="))
    ?.split(";")[0];
  check(signedIn.status === 302 && session !== undefined, "web-1 signed in and set the session cookie");
  const me2 = await fetch(`${bases[1]}/api/me`, { headers: { cookie: session, ...viaProxy("203.0.113.1") } });
  const me2Body = (await me2.json()) as { user?: { email?: string } };
  check(me2.status === 200 && me2Body.user?.email === email, `web-2 knows the session: GET /api/me → ${me2.status} ${me2Body.user?.email}`);
  const patched = await fetch(`${bases[1]}/api/me`, {
    method: "PATCH",
    headers: { cookie: session, "content-type": "application/json", ...viaProxy("203.0.113.1") },
    body: JSON.stringify({ timezone: "Asia/Tokyo" }),
  });
  const me1 = (await (await fetch(`${bases[0]}/api/me`, { headers: { cookie: session, ...viaProxy("203.0.113.1") } })).json()) as {
    settings?: { timezone?: string };
  };
  check(patched.status === 200 && me1.settings?.timezone === "Asia/Tokyo", "a change saved through web-2 reads back on web-1");
  figures.signInEmails++;

  step(`the per-address sign-in limit across both instances (${SIGN_IN_LIMIT} per 15 minutes)`);
  const limited = "scale-out-limit@example.test";
  // One CSRF token for all: either instance accepts the other's, as they share NEXTAUTH_SECRET.
  const csrf = await csrfFrom(bases[1], "203.0.113.2");
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_IN_LIMIT + 1; i++) {
    // A different client address each time, so only the address's own count can refuse.
    const res = await requestSignIn(bases[i % 2]!, limited, csrf, `203.0.113.${10 + i}`);
    statuses.push(res.status);
    if (res.status === 429) {
      figures.tooMany++;
      const body = (await res.json()) as { error?: { code?: string } };
      check(
        body.error?.code === "rate_limited" && Number(res.headers.get("retry-after")) > 0,
        `request ${i + 1} (web-${(i % 2) + 1}) is a 429 rate_limited with Retry-After ${res.headers.get("retry-after")}`,
      );
    }
  }
  console.log(`  statuses, alternating web-1 / web-2: ${statuses.join(" ")}`);
  check(
    statuses.slice(0, SIGN_IN_LIMIT).every((s) => s === 200) && statuses[SIGN_IN_LIMIT] === 429,
    `the first ${SIGN_IN_LIMIT} are sent, the ${SIGN_IN_LIMIT + 1}th is refused`,
  );
  const other = await requestSignIn(bases[1], "scale-out-other@example.test", csrf, `203.0.113.${10 + SIGN_IN_LIMIT}`);
  check(other.status === 200, "the same client may still ask for another address (the limit was the address's)");
  await waitForMail(relay, limited, SIGN_IN_LIMIT);
  await waitForMail(relay, "scale-out-other@example.test", 1);
  check(
    relay.received.filter((m) => m.to === limited).length === SIGN_IN_LIMIT,
    `${SIGN_IN_LIMIT} emails to the limited address, not ${SIGN_IN_LIMIT + 1}`,
  );
  figures.signInEmails += SIGN_IN_LIMIT + 1;

  step(`the week's digests for ${USERS} users, one worker killed with SIGKILL mid-run`);
  const kill = await killed;
  console.log(
    `  worker-1 killed after ${kill.sentBefore} digests were out, holding ${kill.heldSends} sends it had claimed and not handed over`,
  );
  check(kill.heldSends > 0, "the killed worker held claims on unsent digests");
  const userIds = digestUsers.map((u) => u.id);
  await waitFor(
    async () => (await db.digestDelivery.count({ where: { userId: { in: userIds }, status: "sent" } })) === USERS,
    `${USERS} deliveries sent`,
    150_000,
  );
  // The killed worker's jobs expire, are retried, and find their delivery sent: nothing is left.
  await waitFor(async () => (await queueBacklog(db)) === 0, "the send queue to drain", 90_000);
  const digests = relay.received.filter((m) => m.messageId.startsWith("<digest-"));
  const perUser = new Map<string, number>();
  for (const m of digests) perUser.set(m.to, (perUser.get(m.to) ?? 0) + 1);
  const duplicates = [...perUser.values()].reduce((sum, n) => sum + n - 1, 0);
  const byWorker = (via: string) => digests.filter((m) => m.via === via).length;
  const afterKill = digests.length - kill.sentBefore;
  console.log(`  worker-1 sent ${byWorker("worker-1")}, worker-2 sent ${byWorker("worker-2")} (${afterKill} after the kill)`);
  check(
    perUser.size === USERS && digestUsers.every((u) => perUser.get(u.email) === 1),
    `each of the ${USERS} users got exactly one digest`,
  );
  check(duplicates === 0, "no duplicates");
  check((await db.digestDelivery.count({ where: { status: { not: "sent" } } })) === 0, "no delivery left claimed, failed or dead");

  step('the "maintained 3+ months" pass, run by both workers at start, ticks once');
  const ticks = await db.progressEvent.findMany({
    where: { userId: maintainer.id, source: "shipped_record" },
    select: { skill: { select: { slug: true } } },
  });
  const tickedByWorkers = catchUps.map((line) => Number(/ticked (\d+)/.exec(line)?.[1] ?? NaN));
  check(tickedByWorkers.every(Number.isInteger), `both workers ran the pass (ticked ${tickedByWorkers.join(" and ")})`);
  check(
    ticks.length === 1 && ticks[0]!.skill.slug === "maintain-feature-3-months",
    `one ProgressEvent with source shipped_record (${ticks.length})`,
  );
  // Normally one catch-up ticks and the other finds nothing; a cron pass that came first leaves both 0.
  check(tickedByWorkers.reduce((a, b) => a + b, 0) <= 1, "no second tick from the other worker's pass");

  const wall = seconds();
  console.log(`
scale-out figures
  instances      2 web (DIGEST_SCHEDULER=off) + 2 workers, one PostgreSQL server
  workers        2 (1 killed with SIGKILL after ${kill.sentBefore} digests, holding ${kill.heldSends} claimed sends)
  users          ${USERS}
  emails sent    ${digests.length} digests (worker-1 ${byWorker("worker-1")}, worker-2 ${byWorker("worker-2")}) + ${figures.signInEmails} sign-in emails
  duplicates     ${duplicates}
  429s           ${figures.tooMany} (sign-in request ${SIGN_IN_LIMIT + 1} for one address, alternating instances)
  wall time      ${wall} s`);
  return 0;
}

/**
 * Once KILL_AFTER digests are out, `victim`'s SMTP listener stops answering, so its next batch
 * stays claimed but never reaches DATA; once every message it did hand over is recorded as sent,
 * it is killed with SIGKILL. (Killing it between the SMTP server's acceptance and that record is the
 * one case that sends twice, by design, with the same Message-ID: README, "Known limits".)
 */
async function killMidRun(
  db: PrismaClient,
  relay: MailRelay,
  victim: Proc,
  users: number,
): Promise<{ sentBefore: number; heldSends: number }> {
  const digestsOut = () => relay.received.filter((m) => m.messageId.startsWith("<digest-")).length;
  await waitForLine(victim, /^catch-up at start:/);
  await waitFor(async () => digestsOut() >= KILL_AFTER, `${KILL_AFTER} digests out`, 120_000);
  if (digestsOut() >= users) throw new Error("every digest went out before the kill: nothing left to recover");
  relay.hold(victim.name);
  await waitFor(
    async () => {
      const { held, inData } = relay.stateOf(victim.name);
      if (held === 0 || inData > 0) return false;
      const handedOver = relay.received.filter((m) => m.via === victim.name && m.messageId.startsWith("<digest-")).map((m) => m.to);
      return (await db.digestDelivery.count({ where: { user: { email: { in: handedOver } }, status: { not: "sent" } } })) === 0;
    },
    `${victim.name} to wait at RCPT with all it handed over recorded`,
    60_000,
  );
  signalGroup(victim, "SIGKILL");
  await victim.exited;
  return { sentBefore: digestsOut(), heldSends: relay.stateOf(victim.name).held };
}

async function queueBacklog(db: PrismaClient): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from pgboss.job where name in ('digest-send', 'digest-dead') and state in ('created', 'retry', 'active')`;
  return Number(rows[0]?.n ?? 0);
}

async function waitForMail(relay: MailRelay, to: string, count: number) {
  await waitFor(async () => relay.received.filter((m) => m.to === to).length >= count, `${count} email(s) to ${to}`, 30_000);
  return relay.received.filter((m) => m.to === to).at(-1)!;
}

/** Users due now: this weekday and hour in their own zone, an open enrolment made 8 weeks ago. */
async function makeDigestUsers(db: PrismaClient, now: Date) {
  const users = Array.from({ length: USERS }, (_, i) => {
    const timezone = ZONES[i % ZONES.length]!;
    const local = new TZDate(now, timezone);
    return {
      email: `scale-out-${String(i).padStart(3, "0")}@example.test`,
      timezone,
      digestWeekday: getISODay(local),
      digestHour: getHours(local),
    };
  });
  await db.user.createMany({ data: users });
  const rows = await db.user.findMany({
    where: { email: { in: users.map((u) => u.email) } },
    select: { id: true, email: true, timezone: true },
  });
  await Promise.all(
    rows.map((u) =>
      createEnrollment(u.id, "swe-to-mle", { timezone: u.timezone, startDate: isoOfDay(dayOfIso(localToday(now, u.timezone)) - 56) }, db),
    ),
  );
  // Enrolled then, too: the first weekly email waits for the first whole week after enrolling.
  await db.enrollment.updateMany({
    where: { userId: { in: rows.map((u) => u.id) } },
    data: { createdAt: shiftLocalDays(now, -56, "UTC") },
  });
  return rows;
}

/** A user whose shipped feature launched 91 days ago (local calendar days), its milestone not yet ticked. */
async function makeMaintainer(db: PrismaClient, now: Date) {
  const timezone = "Europe/London";
  const today = dayOfIso(localToday(now, timezone));
  // Its weekly email is off, so the digest figures count the 200 only.
  const user = await db.user.create({ data: { email: "scale-out-maintainer@example.test", timezone, digestEnabled: false } });
  await createEnrollment(user.id, "swe-to-mle", { timezone, startDate: isoOfDay(today - 150) }, db);
  const launchDate = isoOfDay(today - 91);
  await createShippedRecord(user.id, { launchDate }, db);
  return { id: user.id, launchDate };
}

// The processes run in groups of their own, so an interrupted run must end them itself (the next
// run drops the database it leaves).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const proc of procs) signalGroup(proc, "SIGKILL");
    process.exit(130);
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`\nscale-out run FAILED after ${seconds()} s: ${error instanceof Error ? error.message : String(error)}`);
  for (const proc of procs) console.error(`\n── last lines of ${proc.name} ──\n${tail(proc, 20)}`);
}
if (exitCode === 0) console.log(`\nscale-out run passed in ${seconds()} s`);
process.exit(exitCode);
