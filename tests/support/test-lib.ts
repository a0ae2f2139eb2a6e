// For tests that run lib/ against the stack's database, the one the app under test uses: in the test
// process (vitest), or as one of the product's commands in a process of its own (Playwright's
// loader can't import lib/, whose imports of Next.js need Node's CommonJS resolution).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { baseUrl } from "./factories";
import { TEST_AUTH_SECRET } from "./stack";

function testLibEnv() {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`.");
  return { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: TEST_AUTH_SECRET, NEXTAUTH_URL: baseUrl() };
}

/**
 * lib/env.ts validates on import and lib/db.ts connects to DATABASE_URL, so this runs before the
 * first lib module that reads them is imported (with `await import(…)` after this call).
 */
export function pointLibAtTestDatabase(): void {
  Object.assign(process.env, testLibEnv());
}

/** Runs a command under lib/cli as an operator would, against the test database; `env` adds to its environment. */
export function runCommand(script: string, args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), script, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...testLibEnv(), ...env },
  });
}
