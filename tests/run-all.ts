// `npm test`: every test, against real PostgreSQL, a real SMTP server and a real browser.
//   1. type check, lint, format, the suppressions listed, and unit tests (vitest)
//   2. start the stack (fresh test database, migrations, seed, SMTP capture, built app)
//   3. integration tests over HTTP and SQL (vitest), then end-to-end tests (Playwright)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../prisma/scripts/dev-database";
import { ensureChromium } from "./support/browser";
import { mailDir, startStack } from "./support/stack";
import { findSuppressions } from "./support/suppressions";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const outcome = { failed: false };

// Asynchronous on purpose: the SMTP capture server lives in this process and must keep answering
// while the test runners run (a spawnSync would freeze it and every sign-in would hang).
async function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", env });
  const status = await new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  console.log(`── ${label}: ${status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) outcome.failed = true;
  return status === 0;
}

function reportSuppressions() {
  const found = findSuppressions(repoRoot);
  console.log(`\n── suppressions: ${found.length} ──`);
  for (const s of found) console.log(`  ${s.at}  ${s.directive}${s.reason ? ` — ${s.reason}` : "  (NO REASON)"}`);
  if (found.some((s) => s.reason === null)) {
    console.log("── suppressions: FAILED: each needs a reason (`-- why` after an eslint-disable, text after a @ts- directive)");
    outcome.failed = true;
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
function countVitest(file: string) {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as VitestJson;
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests;
  } catch {
    outcome.failed = true;
  }
}
interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}
function countPlaywright(file: string) {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as PlaywrightJson;
    totals.passed += r.stats.expected + r.stats.flaky;
    totals.failed += r.stats.unexpected;
    totals.skipped += r.stats.skipped;
  } catch {
    outcome.failed = true;
  }
}

const only = process.argv[2]; // optional: unit | integration | e2e
// After the part, arguments for Vitest or Playwright: `npx tsx tests/run-all.ts integration digest`,
// `npx tsx tests/run-all.ts e2e checkin --project=iphone`.
const extraArgs = process.argv.slice(3);

// The browser first: without one, say so (or get one) now, not after the build and two suites.
if (!only || only === "e2e") {
  try {
    const browser = ensureChromium();
    console.log(`Chromium for the end-to-end tests: ${browser.executablePath ?? "Playwright's own"} (${browser.source})`);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (!only || only === "unit") {
  // SKIP_STATIC_CHECKS: set by `npm run test:clock`, whose runs repeat the parts that read the clock.
  if (process.env.SKIP_STATIC_CHECKS !== "1") {
    await run("type check", bin("tsc"), ["--noEmit"]);
    await run("lint (ESLint: strict type-checked rules, hooks, no import cycles)", bin("eslint"), [".", "--max-warnings", "0"]);
    await run("format (Prettier)", bin("prettier"), ["--check", "--log-level", "warn", "."]);
    reportSuppressions();
  }
  await run("unit tests", bin("vitest"), [
    "run",
    "--project",
    "unit",
    "--reporter=default",
    "--reporter=json",
    "--outputFile=test-results/unit.json",
  ]);
  countVitest(path.join(repoRoot, "test-results/unit.json"));
}

if (!only || only === "integration" || only === "e2e") {
  console.log("\n── starting the stack (database, SMTP, build, server) ──");
  const stack = await startStack({ build: process.env.SKIP_BUILD !== "1" });
  const env = { ...process.env, TEST_APP_URL: stack.baseUrl, TEST_DATABASE_URL: stack.databaseUrl, MAIL_DIR: mailDir };
  try {
    if (!only || only === "integration") {
      await run(
        "integration tests",
        bin("vitest"),
        [
          "run",
          "--project",
          "integration",
          "--reporter=default",
          "--reporter=json",
          "--outputFile=test-results/integration.json",
          ...extraArgs,
        ],
        env,
      );
      countVitest(path.join(repoRoot, "test-results/integration.json"));
    }
    if (!only || only === "e2e") {
      await run("end-to-end tests (desktop + phone)", bin("playwright"), ["test", ...extraArgs], env);
      countPlaywright(path.join(repoRoot, "test-results/e2e.json"));
    }
  } finally {
    await stack.stop();
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(outcome.failed || totals.failed > 0 ? 1 : 0);
