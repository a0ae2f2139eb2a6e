// The suite under a shifted clock: `npm run test:clock -- 2026-12-01T23:30:00Z [unit] [integration]`
// runs those parts of `npm test` (default: unit and integration) with every process — the test
// runners, the app and its embedded PostgreSQL — at that instant, through Debian's `faketime` with
// an offset (a fixed "@date" would restart the clock in each process; STACK.md trap 11). The
// database is the embedded one on purpose: a server outside the shifted clock would stamp rows with
// today's date. `--risky` runs every instant a calendar bug hides behind.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

/** Where date bugs live: late evening UTC, London's clock changes, a leap day, New Year in Sydney. */
export const RISKY_INSTANTS: { at: string; why: string }[] = [
  { at: "2026-12-01T23:30:00Z", why: "23:30 UTC in December" },
  { at: "2026-10-24T23:30:00Z", why: "00:30 in London on the day the clocks go back" },
  { at: "2026-10-25T01:30:00Z", why: "01:30 in London, the hour that happens twice" },
  { at: "2027-03-28T00:30:00Z", why: "00:30 in London on the day the clocks go forward" },
  { at: "2027-03-28T01:30:00Z", why: "02:30 in London, just after the skipped hour" },
  { at: "2028-02-29T12:00:00Z", why: "29 February" },
  { at: "2026-12-31T12:59:00Z", why: "31 December 23:59 in Sydney" },
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  // --exclude <glob>: integration files left out of the run (Vitest's own option), as CI does with the
  // ones that don't read the calendar and take longest, to stay inside its time budget.
  options: { risky: { type: "boolean", default: false }, exclude: { type: "string", multiple: true, default: [] } },
});
const instants = values.risky ? RISKY_INSTANTS.map((r) => r.at) : positionals.filter((p) => !/^(unit|integration)$/.test(p));
const parts = positionals.filter((p) => /^(unit|integration)$/.test(p));
if (instants.length === 0 || instants.some((i) => Number.isNaN(Date.parse(i)))) {
  console.error(
    "usage: npm run test:clock -- <ISO instant>… [unit] [integration] [--exclude <glob>]…   or   npm run test:clock -- --risky",
  );
  process.exit(2);
}

function ensureFaketime(): void {
  if (spawnSync("faketime", ["-f", "+0s", "true"]).status === 0) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.log("── faketime not found: apt-get install -y faketime ──");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const ok = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env }).status === 0;
    if (ok(["install", "-y", "-qq", "faketime"]) || (ok(["update", "-qq"]) && ok(["install", "-y", "-qq", "faketime"]))) return;
  }
  console.error("This needs faketime: on Debian/Ubuntu, sudo apt-get install -y faketime");
  process.exit(1);
}
ensureFaketime();

const runAll = path.join(import.meta.dirname, "run-all.ts");
const tsx = path.join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
// The embedded PostgreSQL, under the same clock (see the header).
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.DATABASE_URL;
delete env.TEST_DATABASE_URL;
// The type check, lint and format don't read the clock: npm test runs them once, at the real time.
env.SKIP_STATIC_CHECKS = "1";

let failed = false;
for (const at of instants) {
  for (const part of parts.length ? parts : ["unit", "integration"]) {
    const offset = Math.round((Date.parse(at) - Date.now()) / 1000);
    console.log(`\n══ ${part} tests with the clock at ${at} (offset ${offset} s) ══`);
    const excluded = part === "integration" ? values.exclude.flatMap((glob) => ["--exclude", glob]) : [];
    const result = spawnSync("faketime", ["-f", `${offset >= 0 ? "+" : ""}${offset}s`, process.execPath, tsx, runAll, part, ...excluded], {
      stdio: "inherit",
      env,
    });
    if (result.status !== 0) {
      failed = true;
      console.log(`══ ${part} at ${at}: FAILED ══`);
    }
  }
}
process.exit(failed ? 1 : 0);
