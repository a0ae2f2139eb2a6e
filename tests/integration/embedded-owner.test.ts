// One owner of the embedded PostgreSQL: with the app (`npm start`, no DATABASE_URL) serving on its
// embedded cluster, every other command joins that cluster instead of starting a second postmaster
// on the same data directory, and prints its usual result; the app is still healthy more than a
// minute later (PostgreSQL re-reads its postmaster.pid about once a minute and shuts down if it was
// removed). Then the cluster outlives its starter while a worker still uses it, and the last one out
// stops it. Everything here runs in processes of its own, on a data directory and ports of its own,
// never the developer's .data/postgres or port 3000/54329.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { TEST_AUTH_SECRET } from "../support/stack";
import { waitFor } from "../support/wait";

/** What the joining commands wait out: PostgreSQL's lock-file check runs about every 60 s. */
const LOCK_RECHECK_MARGIN_MS = 70_000;

const dataDir = path.join(repoRoot, ".data", `embedded-owner-test-${process.pid}`);
const pidFile = path.join(dataDir, "postmaster.pid");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The file package.json's script runs with tsx. */
function scriptArgs(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [tool, ...args] = (scripts[name] ?? "").split(" ");
  if (tool !== "tsx") throw new Error(`npm run ${name} is not a tsx script: ${scripts[name]}`);
  return args;
}

interface Command {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** When it printed `line` (ms since the epoch), once it has. */
  printedAt: (line: RegExp) => Promise<number>;
  exit: Promise<number | null>;
}

const started: Command[] = [];

function run(name: string, args: string[], env: NodeJS.ProcessEnv): Command {
  // tsx as a loader rather than its CLI: the CLI's parent process relays a signal to the script
  // and SIGKILLs it when the script doesn't acknowledge within 30 ms, which a loaded machine misses.
  const child = spawn(process.execPath, ["--import", "tsx", ...scriptArgs(name), ...args], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiting: { line: RegExp; resolve: (at: number) => void }[] = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of waiting.splice(0)) {
      if (w.line.test(output)) w.resolve(Date.now());
      else waiting.push(w);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const command: Command = {
    name,
    child,
    output: () => output,
    exit,
    printedAt: (line) =>
      new Promise((resolve, reject) => {
        if (line.test(output)) return resolve(Date.now());
        waiting.push({ line, resolve });
        void exit.then((code) => reject(new Error(`npm run ${name} exited (${code}) before printing ${line}:\n${output}`)));
      }),
  };
  started.push(command);
  return command;
}

async function succeeds(command: Command): Promise<string> {
  const code = await command.exit;
  expect(code, `npm run ${command.name}:\n${command.output()}`).toBe(0);
  return command.output();
}

async function health(port: number): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`);
  return res.json();
}

async function healthy(port: number): Promise<boolean> {
  try {
    const body = (await health(port)) as { status?: string };
    return body.status === "ok";
  } catch {
    return false;
  }
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return /\) [ZX] /.test(stat);
}

const readPidFile = () => readFileSync(pidFile, "utf8");

afterAll(async () => {
  for (const c of started) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill("SIGKILL");
  // A cluster a failed run left behind: ours alone (this test's own data directory).
  try {
    const pid = Number(readPidFile().split("\n")[0]);
    if (pid > 0 && !processGone(pid)) {
      process.kill(pid, "SIGINT");
      await waitFor(async () => processGone(pid), "the test's postmaster to stop", 30_000);
    }
  } catch {
    // no cluster left
  }
  await rm(dataDir, { recursive: true, force: true });
  for (const suffix of ["lock", "owner.json", "log"]) await rm(`${dataDir}.${suffix}`, { force: true });
}, 60_000);

describe("one owner of the embedded database", () => {
  it("commands beside the app join its cluster, the app stays healthy past PostgreSQL's lock check, and the last one out stops the cluster", async () => {
    const [pgPort, appPort, secondAppPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      HOST: "127.0.0.1",
      NEXTAUTH_SECRET: TEST_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // The test stack hands its own database and app to the tests; these processes must use the embedded default.
    for (const name of ["DATABASE_URL", "SMTP_URL", "NEXTAUTH_URL", "DIGEST_SCHEDULER", "PORT"]) delete env[name];
    const at = (port: number) => ({ ...env, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}` });

    // Two commands at the same moment on a new data directory: one starts the cluster, the other
    // waits for it and joins; whichever finishes last stops it.
    const migrations = [run("db:migrate", [], env), run("db:migrate", [], env)];
    const migrateOutputs = await Promise.all(migrations.map(succeeds));
    expect(migrateOutputs.join("\n")).toMatch(/applied: \d+_init/);
    expect(migrateOutputs.join("\n")).toMatch(/database: the embedded PostgreSQL already running on port \d+/);
    expect(() => readPidFile(), "the last one out stopped the cluster").toThrow(/ENOENT/);

    const app = run("start", ["--no-build"], at(appPort));
    await waitFor(() => healthy(appPort), `the app on port ${appPort}:\n${app.output()}`, 120_000);
    const lockBefore = readPidFile();
    const postmasterPid = Number(lockBefore.split("\n")[0]);
    const joined = new RegExp(`database: the embedded PostgreSQL already running on port ${pgPort} \\(process ${postmasterPid}\\)`);

    const oneShots = {
      dryRun: run("digest", ["--week", "2026-W49", "--dry-run"], env),
      send: run("digest", ["--week", "2026-W49"], env),
      maintenance: run("shipped-maintenance", [], env),
      migrate: run("db:migrate", [], env),
      seed: run("db:seed", [], env),
    };
    const worker = run("worker", [], env);
    const secondApp = run("start", ["--no-build"], at(secondAppPort));
    const everyone = [...Object.values(oneShots), worker, secondApp];
    // Each joins the app's cluster (the moment a second postmaster, or a deleted lock file, would happen).
    const joinedAt = await Promise.all(everyone.map((c) => c.printedAt(joined)));

    expect(await succeeds(oneShots.dryRun)).toContain("dry run: 0 composed, nothing sent\nsent 0, skipped 0, failed 0\n");
    expect(await succeeds(oneShots.send)).toContain("sent 0, skipped 0, failed 0\n");
    expect(await succeeds(oneShots.maintenance)).toContain("checked 0, ticked 0\n");
    expect(await succeeds(oneShots.migrate)).toContain("database is up to date\n");
    expect(await succeeds(oneShots.seed)).toMatch(/seeded 2 roadmaps, \d+ live milestones \(\d+ retired\)\n/);
    await worker.printedAt(/background jobs worker running/);
    await waitFor(() => healthy(secondAppPort), `the second app on port ${secondAppPort}:\n${secondApp.output()}`, 120_000);
    secondApp.child.kill("SIGINT");
    expect(await succeeds(secondApp)).not.toContain("[embedded-postgres] stopped");
    for (const c of everyone) expect(c.output(), c.name).not.toMatch(/removing|undefined/);

    // Past PostgreSQL's lock-file check for the last of them to join.
    const until = Math.max(...joinedAt) + LOCK_RECHECK_MARGIN_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
    expect(await health(appPort)).toStrictEqual({ status: "ok", database: "ok" });
    expect(readPidFile(), "postmaster.pid is the app's cluster's, untouched").toBe(lockBefore);
    expect(processGone(postmasterPid)).toBe(false);

    // The app started the cluster; stopping it leaves the cluster to the worker still using it…
    app.child.kill("SIGINT");
    expect(await succeeds(app)).toMatch(/left running on port \d+ \(process \d+\): 1 other connection still uses it/);
    expect(readPidFile()).toBe(lockBefore);
    expect(worker.child.exitCode).toBeNull();
    // …and the worker, last out, stops it.
    worker.child.kill("SIGINT");
    expect(await succeeds(worker)).toContain(`stopped the cluster on port ${pgPort}, which process`);
    expect(processGone(postmasterPid)).toBe(true);
    expect(() => readPidFile()).toThrow(/ENOENT/);
  }, 300_000);
});
