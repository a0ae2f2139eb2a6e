// Benchmark: Lighthouse's mobile audit (performance, accessibility, best practices) of the pages people
// wait on, signed in as a fresh user on a roadmap, against the built app on real PostgreSQL, beside a
// blank Next page of the same version (tests/support/blank-next.ts) audited in the same run: LCP and TBT
// as ratios to the blank page's (goals: LCP ≤ 1.3×, TBT ≤ 1.5×, CLS ≤ 0.02, issue 17), each the median of
// the runs.
//   npm run bench:lighthouse                                 /dashboard and /checkin, 3 runs each
//   npm run bench:lighthouse -- --path /roadmaps --runs 1    other pages (--path repeats), other counts
// With TEST_APP_URL and TEST_DATABASE_URL set it uses that running app; otherwise it starts the stack
// itself (DATABASE_URL's server, else the embedded PostgreSQL) in a database of its own, building first
// (SKIP_BUILD=1 serves the existing .next). Chrome: tests/support/browser.ts (CHROME_PATH, Playwright's, the system's).
// It is a benchmark, not a test: scores below goal are reported and the exit code stays 0; only a
// run that could not audit a page (setup failure, page missing, redirected away) exits 1.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { startBlankApp, type BlankApp } from "../support/blank-next";
import { chromiumPath, ensureChromium } from "../support/browser";
import { SESSION_COOKIE, testDb } from "../support/factories";
import { startStack, type Stack } from "../support/stack";
import { tenWeeksIntoPlan } from "./users";

const { values: args } = parseArgs({
  options: {
    path: { type: "string", multiple: true, default: ["/dashboard", "/checkin"] },
    runs: { type: "string", default: "3" },
  },
});
const pagePaths = args.path;
const runs = Number(args.runs);
for (const p of pagePaths) if (!p.startsWith("/")) throw new Error(`--path must start with "/", got ${p}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got ${args.runs}`);

/** Minimum score (0–100) per category; accessibility has no slack because every failure is a real barrier. */
const goals = { performance: 90, accessibility: 100, "best-practices": 95 } as const;
type CategoryId = keyof typeof goals;
const categoryIds = Object.keys(goals) as CategoryId[];

/** Lighthouse's own pass mark for an audit (its report shows anything lower as failing or amber). */
const AUDIT_PASS = 0.9;

/** `next build` from start.ts (node_modules/next/dist/bin/next) or from `npm run build` (node_modules/.bin/next). */
const NEXT_BUILD = "node_modules/(\\.bin/next|next/dist/bin/next) build";

async function waitForOtherBuilds(): Promise<void> {
  // Builds write into the one .next folder; a second build at the same time corrupts both. Checking
  // first and then building still leaves a small window, which is why this waits rather than locks.
  const running = (): boolean => {
    try {
      execFileSync("pgrep", ["-f", NEXT_BUILD], { stdio: "ignore" });
      return true;
    } catch {
      return false; // pgrep exits 1 when nothing matches
    }
  };
  if (!running()) return;
  console.log("another `next build` is running; waiting for it to finish…");
  while (running()) await new Promise((r) => setTimeout(r, 2000));
}

async function useOrStartStack(): Promise<Stack | null> {
  const { TEST_APP_URL, TEST_DATABASE_URL } = process.env;
  if (TEST_APP_URL && TEST_DATABASE_URL) return null;
  // With only TEST_DATABASE_URL set, startStack would wipe that database's schema; refuse rather than guess.
  if (TEST_APP_URL || TEST_DATABASE_URL) {
    throw new Error("set both TEST_APP_URL and TEST_DATABASE_URL (to audit a running app) or neither (to start one)");
  }
  const build = process.env.SKIP_BUILD !== "1";
  if (build) await waitForOtherBuilds();
  console.log(`starting the stack (${build ? "building first, ~20 s" : "existing build"})…`);
  const stack = await startStack({ build, database: "waypoint_lighthouse" });
  // The factories find the database and app through these, as they do under `npm test`.
  process.env.TEST_DATABASE_URL = stack.databaseUrl;
  process.env.TEST_APP_URL = stack.baseUrl;
  return stack;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

function pct(score: number | null): number | null {
  return score === null ? null : Math.round(score * 100);
}

/** The audits that cost a category points: weighted ones first (they move the score), then diagnostics. */
function failingAudits(lhr: Result, id: CategoryId): string[] {
  const category = lhr.categories[id];
  if (!category) return [];
  return category.auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter((a): a is { ref: typeof a.ref; audit: NonNullable<typeof a.audit> } => a.audit !== undefined)
    .filter(({ audit }) => audit.score !== null && audit.score < AUDIT_PASS)
    .sort((a, b) => b.ref.weight - a.ref.weight)
    .map(
      ({ ref, audit }) => `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}${ref.weight > 0 ? "" : " [diagnostic]"}`,
    );
}

let stack: Stack | null = null;
let chrome: chromeLauncher.LaunchedChrome | undefined;
let blank: BlankApp | null = null;
let exitCode = 0;
try {
  // As `npm test` does: a machine without a browser gets one (or one clear message) before the build.
  ensureChromium();
  stack = await useOrStartStack();
  const base = process.env.TEST_APP_URL ?? "";

  const { user } = await tenWeeksIntoPlan("lighthouse");

  // Fails fast on a page that is missing or bounces to sign-in (Lighthouse would happily score the
  // 404 or sign-in page instead), and warms the server so the audit doesn't measure a cold start.
  for (const pagePath of pagePaths) {
    const preflight = await fetch(new URL(pagePath, base), { headers: { cookie: user.cookie }, redirect: "manual" });
    await preflight.arrayBuffer();
    if (preflight.status !== 200) {
      throw new Error(
        `GET ${pagePath} as the signed-in user answered ${preflight.status}${preflight.headers.get("location") ? ` → ${preflight.headers.get("location")}` : ""}; nothing to audit`,
      );
    }
  }
  blank = await startBlankApp();

  const chromePath = chromiumPath();
  if (!chromePath) throw new Error("no Chrome found after ensureChromium");
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const port = chrome.port;

  /** `runs` audits of one page; the median run by performance (kept as the report) and each metric's median. */
  const audit = async (url: string, cookie: string | null) => {
    const results: Result[] = [];
    const reports: string[] = [];
    for (let run = 1; run <= runs; run++) {
      // No config argument: Lighthouse's default config, i.e. a mid-range phone on a throttled 4G link.
      const once = () =>
        lighthouse(url, {
          port,
          output: "html",
          logLevel: "error",
          onlyCategories: categoryIds,
          ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
        });
      let result = await once();
      // Its trace recording fails now and then (NO_NAVSTART, "run Lighthouse again"): that run is redone, twice at most.
      for (let retry = 0; retry < 2 && result?.lhr.runtimeError; retry++) result = await once();
      if (!result) throw new Error("Lighthouse returned no result");
      if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      const landed = new URL(result.lhr.finalDisplayedUrl).pathname;
      if (landed !== new URL(url).pathname) throw new Error(`the audit ended on ${landed}, not ${new URL(url).pathname} (signed out?)`);
      results.push(result.lhr);
      reports.push(typeof result.report === "string" ? result.report : result.report.join(""));
    }
    const byScore = results.map((lhr, i) => ({ lhr, html: reports[i] ?? "" }));
    // The median run by performance, the score that varies from run to run; the others barely move.
    byScore.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0));
    const median = byScore[Math.floor((byScore.length - 1) / 2)];
    if (!median) throw new Error("no Lighthouse run completed");
    const metric = (id: string) => medianOf(results.map((lhr) => lhr.audits[id]?.numericValue ?? Number.NaN));
    return {
      ...median,
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      performance: results.map((lhr) => pct(lhr.categories.performance?.score ?? null)),
    };
  };

  const blankAudit = await audit(blank.url, null);
  const reportLine = (a: { lcp: number; tbt: number; cls: number; performance: (number | null)[] }) =>
    `LCP ${(a.lcp / 1000).toFixed(2)} s, TBT ${a.tbt.toFixed(0)} ms, CLS ${a.cls.toFixed(3)}, performance ${a.performance.join(" / ")}`;
  const version = blankAudit.lhr.lighthouseVersion;
  console.log(`\nLighthouse ${version}, mobile, ${runs > 1 ? `median of ${runs} runs` : "one run"} per page`);
  console.log(`blank Next page: ${reportLine(blankAudit)}`);
  const verdicts: string[] = [];
  for (const pagePath of pagePaths) {
    const page = await audit(new URL(pagePath, base).toString(), `${SESSION_COOKIE}=${user.sessionToken}`);
    const reportFile = path.join(
      repoRoot,
      "test-results",
      "lighthouse",
      `${pagePath.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}.html`,
    );
    await mkdir(path.dirname(reportFile), { recursive: true });
    await writeFile(reportFile, page.html);

    console.log(`\n${pagePath} signed in: ${reportLine(page)}`);
    const lcpRatio = page.lcp / blankAudit.lcp;
    const tbtRatio = page.tbt / Math.max(blankAudit.tbt, 1);
    const below: string[] = [];
    const check = (label: string, met: boolean, text: string) => {
      if (!met) below.push(label);
      console.log(`${text} ${met ? "✓" : "✗"}`);
    };
    check("LCP", lcpRatio <= 1.3, `LCP ${lcpRatio.toFixed(2)}× the blank page's (goal ≤ 1.3×)`);
    check("TBT", tbtRatio <= 1.5, `TBT ${tbtRatio.toFixed(2)}× the blank page's (goal ≤ 1.5×)`);
    check("CLS", page.cls <= 0.02, `CLS ${page.cls.toFixed(3)} (goal ≤ 0.02)`);
    for (const id of categoryIds) {
      const score = pct(page.lhr.categories[id]?.score ?? null);
      const goal = goals[id];
      check(id, score !== null && score >= goal, `${id} ${score ?? "n/a"} (goal ${goal === 100 ? "100" : `≥ ${goal}`})`);
      if (score === null || score < goal) for (const title of failingAudits(page.lhr, id)) console.log(`    - ${title}`);
    }
    console.log(`report: ${path.relative(repoRoot, reportFile)}`);
    verdicts.push(below.length === 0 ? `${pagePath} meets every goal ✓` : `${pagePath} is below goal in ${below.join(", ")} ✗`);
  }
  console.log(`\nverdict: ${verdicts.join("; ")}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  chrome?.kill();
  await blank?.stop();
  if (process.env.TEST_DATABASE_URL)
    await testDb()
      .$disconnect()
      .catch(() => {});
  await stack?.stop();
}
process.exit(exitCode);
