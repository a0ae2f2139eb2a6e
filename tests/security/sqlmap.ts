// sqlmap (Debian's package) against the JSON routes, signed in, on loopback: every parameter a user
// controls — path ids, query strings, JSON body fields — tried at --level 3. Prints one line per
// target and a verdict. Not part of `npm test` (it takes minutes); run it after changing data access:
//   npx tsx tests/security/sqlmap.ts
// With TEST_APP_URL and TEST_DATABASE_URL set it uses that running app; otherwise it starts the stack
// (DATABASE_URL's server, else the embedded PostgreSQL; SKIP_BUILD=1 reuses the build).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { call, createEnrollment, createUser, firstMilestone } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

let stack: Stack | null = null;
if (!process.env.TEST_APP_URL || !process.env.TEST_DATABASE_URL) {
  stack = await startStack({ build: process.env.SKIP_BUILD !== "1", database: "waypoint_sqlmap" });
  Object.assign(process.env, { TEST_APP_URL: stack.baseUrl, TEST_DATABASE_URL: stack.databaseUrl });
}
const base = process.env.TEST_APP_URL!;

const which = spawnSync("sqlmap", ["--version"], { encoding: "utf8" });
if (which.status !== 0) {
  console.error("sqlmap is not installed (Debian: apt-get install sqlmap)");
  process.exit(1);
}

const user = await createUser("sqlmap");
const enrollment = await createEnrollment(user.id);
const milestone = await firstMilestone();
const created = await call("POST", "/api/checkins", {
  user,
  body: { enrollmentId: enrollment.id, hours: 2, confidence: 3, note: "sqlmap target", idempotencyKey: "sqlmap-0000-0000-0001" },
});
const checkInId = (created.json as { checkIn: { id: string } }).checkIn.id;

interface Target {
  name: string;
  url: string;
  method?: string;
  data?: string;
}
// "*" marks where sqlmap injects in a path; JSON bodies are tested field by field.
const targets: Target[] = [
  { name: "GET enrolment by id (path)", url: `${base}/api/enrollments/${enrollment.id}*` },
  { name: "GET pacing (path)", url: `${base}/api/enrollments/${enrollment.id}*/pacing` },
  { name: "GET check-in by id (path)", url: `${base}/api/checkins/${checkInId}*` },
  { name: "GET roadmap by slug (path)", url: `${base}/api/roadmaps/swe-to-mle*` },
  {
    name: "PUT milestone (path + JSON)",
    url: `${base}/api/enrollments/${enrollment.id}/milestones/${milestone.id}*`,
    method: "PUT",
    data: JSON.stringify({ status: "in_progress", note: "x", evidenceUrl: null }),
  },
  {
    name: "POST check-in (JSON)",
    url: `${base}/api/checkins`,
    method: "POST",
    data: JSON.stringify({ enrollmentId: enrollment.id, hours: 1, confidence: 2, note: "n", idempotencyKey: "sqlmap-0000-0000-0002" }),
  },
  {
    name: "PATCH check-in (JSON)",
    url: `${base}/api/checkins/${checkInId}`,
    method: "PATCH",
    data: JSON.stringify({ hours: 1, note: "n" }),
  },
  {
    name: "PATCH settings (JSON)",
    url: `${base}/api/me`,
    method: "PATCH",
    data: JSON.stringify({ timezone: "Europe/London", digestHour: 8 }),
  },
  {
    name: "PATCH enrolment (JSON)",
    url: `${base}/api/enrollments/${enrollment.id}`,
    method: "PATCH",
    data: JSON.stringify({ action: "replan", targetMonths: 12 }),
  },
];

const outputDir = mkdtempSync(path.join(tmpdir(), "waypoint-sqlmap-"));
let findings = 0;
for (const target of targets) {
  const started = Date.now();
  const args = [
    "-u",
    target.url,
    "--batch",
    "--level",
    "3",
    "--risk",
    "1",
    "--dbms",
    "PostgreSQL",
    `--cookie=${user.cookie}`,
    "--headers=Content-Type: application/json",
    "--output-dir",
    outputDir,
    "--flush-session",
    "--disable-coloring",
    "--threads",
    "4",
    ...(target.method ? ["--method", target.method] : []),
    ...(target.data ? ["--data", target.data] : []),
  ];
  const run = spawnSync("sqlmap", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const out = `${run.stdout}\n${run.stderr}`;
  // sqlmap says "is vulnerable" / "identified the following injection point" when it finds one.
  const vulnerable = /identified the following injection point|is vulnerable|sqlmap resumed the following injection point/i.test(out);
  if (vulnerable) findings++;
  console.log(`${vulnerable ? "✗ INJECTABLE" : "✓ nothing found"}  ${target.name}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (vulnerable)
    console.log(
      out
        .split("\n")
        .filter((l) => /Parameter:|Type:|Title:|Payload:/.test(l))
        .join("\n"),
    );
}
console.log(
  findings === 0
    ? `verdict: sqlmap --level 3 found no injection in ${targets.length} JSON routes ✓`
    : `verdict: ${findings} injectable target(s) ✗`,
);
await stack?.stop();
process.exit(findings === 0 ? 0 : 1);
