// The real stack for integration, end-to-end tests and benchmarks: a PostgreSQL database of its own
// (TEST_DATABASE_URL, else a waypoint_test database on DATABASE_URL's server, else the embedded
// cluster), migrations and seed applied, a real SMTP server, and the built app served by our server.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { repoRoot, startEmbeddedPostgres } from "../../prisma/scripts/dev-database";
import { applyMigrations } from "../../prisma/scripts/schema-engine";
import { seed } from "../../prisma/scripts/seed";
import { startMailCapture } from "./mail-capture";

export const TEST_PORT = Number(process.env.TEST_PORT ?? 3100);
export const SMTP_PORT = Number(process.env.TEST_SMTP_PORT ?? 2526);
export const mailDir = path.join(repoRoot, ".data", "test-mail");

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, empty database for this run; never the one DATABASE_URL names, so no one's data is touched. */
export async function freshTestDatabase(name = "waypoint_test"): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    return resetSchema(process.env.TEST_DATABASE_URL, async () => {});
  }
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    return { url: withDatabase(process.env.DATABASE_URL, name), stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(repoRoot, ".data", "test-postgres"),
    port: Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54330),
    database: name,
  });
  return resetSchema(embedded.url, embedded.stop);
}

async function resetSchema(url: string, stop: () => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("drop schema if exists public cascade; create schema public;");
  } finally {
    await client.end();
  }
  return { url, stop };
}

export interface Stack {
  databaseUrl: string;
  baseUrl: string;
  smtpUrl: string;
  stop: () => Promise<void>;
}

export const TEST_AUTH_SECRET = "test-secret-for-waypoint-only-not-for-production-use";

export async function startStack({ build, database }: { build: boolean; database?: string }): Promise<Stack> {
  const db = await freshTestDatabase(database);
  await applyMigrations(db.url);
  await seed(db.url);
  await rm(mailDir, { recursive: true, force: true });
  const mail = await startMailCapture(SMTP_PORT, mailDir);
  const app = await spawnApp({ port: TEST_PORT, databaseUrl: db.url, smtpUrl: mail.url, build });
  const baseUrl = app.baseUrl;
  return {
    databaseUrl: db.url,
    baseUrl,
    smtpUrl: mail.url,
    stop: async () => {
      await app.stop();
      await mail.close();
      await db.stop();
    },
  };
}

/**
 * The app (`lib/cli/start.ts`, as `npm start` runs it) on `port`, with the test environment and
 * `overrides`; resolves once /api/health answers. The stack runs one; a test that needs the app
 * configured otherwise (lib/env.ts settings) starts its own beside it on the same database.
 */
export async function spawnApp({
  port,
  databaseUrl,
  smtpUrl,
  build,
  overrides = {},
}: {
  port: number;
  databaseUrl: string;
  smtpUrl: string;
  build: boolean;
  overrides?: Record<string, string>;
}): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const baseUrl = `http://localhost:${port}`;
  // An app left running by an earlier, killed run would answer this run's requests with old code
  // while ours failed to bind: refuse at once instead.
  if (await portAnswers(port)) {
    throw new Error(`Port ${port} is already in use (an app left by an earlier run?). Stop it, or set TEST_PORT to a free port.`);
  }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: TEST_AUTH_SECRET,
    SMTP_URL: smtpUrl,
    EMAIL_FROM: "Waypoint <no-reply@waypoint.test>",
    NEXT_TELEMETRY_DISABLED: "1",
    // The digest tests drive the scheduler themselves, with their own clock.
    DIGEST_SCHEDULER: "off",
    // Every test request comes from 127.0.0.1, so the per-IP sign-in limit (5 in 15 minutes) would
    // refuse the suite's own sign-ins. The per-address limit stays at its default; the per-IP rule
    // is tested on lib/rate-limit.ts directly, at the default, with addresses of its own.
    SIGNIN_LIMIT_PER_IP: "1000",
    ...overrides,
  };
  const app: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "lib/cli/start.ts", ...(build ? [] : ["--no-build"])],
    {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const logs: string[] = [];
  app.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  app.stderr?.on("data", (d: Buffer) => {
    logs.push(d.toString());
    if (process.env.DEBUG_APP) process.stderr.write(d);
  });
  // A build on a busy 2-core machine can take minutes on its own: the wait for health allows for it.
  await waitForHealth(baseUrl, app, logs, build ? 15 * 60_000 : 180_000);
  return {
    baseUrl,
    stop: async () => {
      if (app.exitCode !== null) return;
      const exited = new Promise((r) => app.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    },
  };
}

async function waitForHealth(baseUrl: string, app: ChildProcess, logs: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`app exited (${app.exitCode}):\n${logs.join("")}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app did not become healthy:\n${logs.join("")}`);
}

/** True when something accepts connections on 127.0.0.1:`port`. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
