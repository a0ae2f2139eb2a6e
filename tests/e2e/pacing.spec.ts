import { expect, signInAs, test } from "./fixtures";
import { createUser, seedHistory, testDb } from "../support/factories";
import type { PacingResponse } from "../../components/dashboard/PacePanel";
import { localDaysAgo } from "../support/dates";

const isoDaysAgo = (days: number) => localDaysAgo(days);

/** Five months into a 12-month plan, replanned to 15 months a month ago, with ticks all along; 12 h a week (enough for the roadmap). */
async function userWithHistory() {
  const user = await createUser("pace");
  const enrollment = await seedHistory(user.id, {
    start: isoDaysAgo(150),
    targetMonths: 12,
    weeklyHours: 12,
    ticks: [
      { skill: "gradient-descent-intuition", day: 6 },
      { skill: "loss-function-choice", day: 13 },
      { skill: "evaluation-metric-choice", day: 27 },
      { skill: "bias-variance-in-practice", day: 41 },
      { skill: "pytorch-fluency", day: 70 },
      { skill: "distributed-training", day: 80, status: "skipped" },
      { skill: "karpathy-zero-to-hero", day: 105 },
      { skill: "hugging-face-transformers", day: 131 },
      { skill: "image-classifier-from-scratch", day: 144 },
    ],
    changes: [{ kind: "replanned", day: 120, toTargetMonths: 15 }],
  });
  return { user, enrollmentId: enrollment.id };
}

test("a user with months of history sees the pace headline, the chart with its lines, and what comes next", async ({
  page,
  context,
}, testInfo) => {
  const { user, enrollmentId } = await userWithHistory();
  await signInAs(context, user);
  await page.goto("/dashboard");

  // What the page shows is what the pacing route computes, the one source of truth.
  const api = await page.request.get(`/api/enrollments/${enrollmentId}/pacing`);
  expect(api.status()).toBe(200);
  const { pacing, headline } = (await api.json()) as PacingResponse;
  // On track, or behind but catching up (the verdict table's "behind" rule: the pace makes the target).
  expect(headline).toMatch(
    /^((\d+ (weeks?|days?) (ahead|behind)|On plan) — (\d+ days? of buffer|no buffer) — (at this pace you finish \d{1,2} \w{3} \d{4}|not enough data yet to project a finish)|\d+ weeks? behind — catching up: at this pace you finish \d{1,2} \w{3} \d{4})$/,
  );
  expect(headline).toBe(pacing.verdict.headline);
  await expect(page.getByTestId("pace-headline")).toHaveText(headline);
  await expect(page.getByTestId("pace-status")).toBeVisible();

  expect(pacing.plans.map((p) => [p.targetMonths, p.superseded])).toEqual([
    [12, true],
    [15, false],
  ]);
  const chart = page.getByRole("img", { name: /% done against \d+% planned by today/ });
  await expect(chart).toBeVisible();
  for (const series of ["plan", "earlier-plan", "actual", "projection"]) {
    await expect(chart.locator(`[data-series="${series}"]`)).toHaveCount(1);
  }
  for (const marker of ["today", "target", "limit"]) await expect(chart.locator(`[data-marker="${marker}"]`)).toHaveCount(1);
  await expect(page.getByText("Earlier plan")).toBeVisible();

  const next = page.getByRole("heading", { name: "Next by the plan" }).locator("xpath=..").getByRole("listitem");
  await expect(next).toHaveCount(3);
  await expect(next.first()).toContainText(pacing.nextMilestones[0]!.title);
  // Nine ticks, one of them a skip: eight milestones done, on the activity calendar too.
  await expect(page.getByTestId("activity-calendar").getByRole("img", { name: /, 8 milestones done\.$/ })).toBeVisible();

  // The chart fits the screen: nothing scrolls sideways, and the lines are drawn across its width.
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const box = await chart.boundingBox();
  const panel = await page.locator("section[aria-labelledby=pace-heading]").boundingBox();
  expect(box!.width).toBeGreaterThan(panel!.width * 0.85);
  expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("pace.png"), fullPage: false });
});

test("ticking a milestone moves the pace at once, from the same route", async ({ page, context }) => {
  const { user } = await userWithHistory();
  await signInAs(context, user);
  await page.goto("/dashboard");
  const summary = page.locator("#pace-chart-summary");
  const before = await summary.textContent();
  expect(before).toMatch(/^Chart: \d+% done/);
  const refreshed = page.waitForResponse((r) => r.url().endsWith("/pacing") && r.status() === 200);
  await page
    .getByTestId("milestone-fastai-practical-deep-learning")
    .getByRole("button", { name: /^Mark done/ })
    .click();
  await refreshed;
  await expect(summary).not.toHaveText(before!);
});

test("a user who is behind is offered a replan; the new target keeps every tick and fades the old line", async ({ page, context }) => {
  const user = await createUser("behind");
  // All of phase 1 in the last four weeks: a good pace now, but far behind a 6-month plan.
  const phaseOne = [
    "gradient-descent-intuition",
    "loss-function-choice",
    "evaluation-metric-choice",
    "bias-variance-in-practice",
    "pytorch-fluency",
    "hugging-face-transformers",
    "karpathy-zero-to-hero",
    "fastai-practical-deep-learning",
    "image-classifier-from-scratch",
    "sentiment-model-from-scratch",
    "text-generator-from-scratch",
  ];
  // 25 h a week: enough for 534 h in 6 months, so it's the pace, not the budget, that is judged.
  await seedHistory(user.id, {
    start: isoDaysAgo(100),
    targetMonths: 6,
    weeklyHours: 25,
    ticks: phaseOne.map((skill, i) => ({ skill, day: 76 + 2 * i })),
  });
  await signInAs(context, user);
  await page.goto("/dashboard");
  await expect(page.getByTestId("pace-status")).toHaveText("Off track");
  await expect(page.getByText("Behind the plan?")).toBeVisible();

  await page.getByLabel("Target", { exact: true }).selectOption("14");
  const replanned = page.waitForResponse((r) => r.request().method() === "PATCH");
  await page.getByRole("button", { name: "Change target" }).click();
  expect((await replanned).status()).toBe(200);
  // A replan is a fresh start from the share done: "Just replanned" for its first week, and the callout goes.
  await expect(page.getByTestId("pace-status")).toHaveText("Just replanned");
  await expect(page.getByText("Behind the plan?")).toHaveCount(0);
  await expect(page.getByText("Earlier plan")).toBeVisible();
  await expect(page.getByTestId("milestone-gradient-descent-intuition")).toHaveAttribute("data-status", "done");
});

test("a replan to a target that has already passed is refused with the shortest one allowed", async ({ page, context }) => {
  const user = await createUser("late");
  await seedHistory(user.id, { start: isoDaysAgo(260), targetMonths: 12, ticks: [] });
  await signInAs(context, user);
  await page.goto("/dashboard");
  await page.getByLabel("Target", { exact: true }).selectOption("6");
  await page.getByRole("button", { name: "Change target" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "target" })).toHaveText(
    "A 6-month target has already passed; choose 9 months or more.",
  );
});

/** Four months into a 12-month plan at 11 h a week (enough for the roadmap), with three early ticks: far behind. */
async function userFourMonthsIn() {
  const user = await createUser("catchup");
  const enrollment = await seedHistory(user.id, {
    start: isoDaysAgo(122),
    targetMonths: 12,
    weeklyHours: 11,
    ticks: [
      { skill: "gradient-descent-intuition", day: 5 },
      { skill: "loss-function-choice", day: 20 },
      { skill: "evaluation-metric-choice", day: 40 },
    ],
  });
  return { user, enrollmentId: enrollment.id };
}

const OTHER_LABELS = ["On track", "At risk", "Off track", "Just started", "Just replanned", "Paused", "Finished"];

test("four months in and behind: one verdict, a catch-up and a replan previewed side by side; choosing the catch-up raises the weekly hours", async ({
  page,
  context,
}) => {
  const { user, enrollmentId } = await userFourMonthsIn();
  await signInAs(context, user);
  await page.goto("/dashboard");
  const { pacing } = (await (await page.request.get(`/api/enrollments/${enrollmentId}/pacing`)).json()) as PacingResponse;

  // One verdict: the badge and the headline are the route's, and the panel names no other status.
  await expect(page.getByTestId("pace-status")).toHaveText(pacing.verdict.label);
  await expect(page.getByTestId("pace-headline")).toHaveText(pacing.verdict.headline);
  // (The replan preview names the status a replan would start with: that one is about another plan.)
  const panel = page.locator("section[aria-labelledby=pace-heading]");
  await expect(page.getByTestId("replan-preview-summary")).toBeVisible();
  const panelText = (await panel.innerText()).replace(await page.getByTestId("replan-preview").innerText(), "");
  expect(panelText).toContain(pacing.verdict.label);
  for (const label of OTHER_LABELS.filter((l) => l !== pacing.verdict.label)) expect(panelText).not.toContain(label);
  await expect(page.getByText("Behind the plan?")).toBeVisible();

  // The catch-up: pacing's hours a week from today's share to the target.
  expect(pacing.catchUp).not.toBeNull();
  const hours = Math.max(pacing.catchUp!.hoursPerWeek, pacing.budget?.hoursForTarget ?? 0);
  expect(hours).toBeGreaterThan(11);
  const catchUp = page.getByTestId("catch-up");
  await expect(catchUp).toContainText(`Plan on ${hours} h a week (now 11 h)`);

  // The replan, previewed before committing: 15 months, and what the route previews is what's shown.
  const replan = page.getByTestId("replan-preview");
  await replan.getByLabel("Plan length").selectOption("15");
  const { preview } = (await (await page.request.get(`/api/enrollments/${enrollmentId}/replan-preview?targetMonths=15`)).json()) as {
    preview: { targetDate: string; verdict: { label: string } };
  };
  const [y, m, d] = preview.targetDate.split("-").map(Number) as [number, number, number];
  const shown = `${d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
  await expect(replan.getByTestId("replan-preview-summary")).toContainText(`New target ${shown}`);
  await expect(replan).toContainText(`It starts as ${preview.verdict.label}`);
  await expect(replan.getByRole("button", { name: "Replan to 15 months" })).toBeEnabled();
  // Previewing changed nothing.
  expect(await testDb().enrollmentChange.count({ where: { enrollmentId } })).toBe(1);

  // Choose the catch-up: the budget changes, the target stays.
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH");
  await catchUp.getByRole("button", { name: `Plan on ${hours} h a week` }).click();
  expect((await patched).status()).toBe(200);
  await expect(page.getByText(`target 12 months · ${hours} h a week`)).toBeVisible();
  await expect(page.getByText(`Hours changed 1× — last from 11 to ${hours} h a week.`)).toBeVisible();
  const row = await testDb().enrollment.findUniqueOrThrow({ where: { id: enrollmentId } });
  expect([row.targetMonths, row.weeklyHours]).toEqual([12, hours]);
});

test("four months in and behind: choosing the previewed replan makes it, keeps the old line, and the callout goes", async ({
  page,
  context,
}) => {
  const { user, enrollmentId } = await userFourMonthsIn();
  await signInAs(context, user);
  await page.goto("/dashboard");
  const replan = page.getByTestId("replan-preview");
  await replan.getByLabel("Plan length").selectOption("15");
  await expect(replan.getByTestId("replan-preview-summary")).toBeVisible();
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH");
  await replan.getByRole("button", { name: "Replan to 15 months" }).click();
  expect((await patched).status()).toBe(200);
  await expect(page.getByTestId("pace-status")).toHaveText("Just replanned");
  await expect(page.getByText("Behind the plan?")).toHaveCount(0);
  await expect(page.getByText("Earlier plan")).toBeVisible();
  const row = await testDb().enrollment.findUniqueOrThrow({ where: { id: enrollmentId } });
  expect([row.targetMonths, row.weeklyHours]).toEqual([15, 11]);
});

test("the pace chart is drawn at its final size and shape before any script runs", async ({ page, context, browser }, testInfo) => {
  const { user } = await userWithHistory();
  const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL } = testInfo.project.use;
  const measure = async (p: typeof page) => {
    const chart = p.getByRole("img", { name: /% done against \d+% planned by today/ });
    await expect(chart).toBeVisible();
    return chart.evaluate((el) => ({
      box: el.getBoundingClientRect().toJSON() as DOMRect,
      plan: el.querySelector("[data-series=plan]")?.getAttribute("d"),
      ticks: [...el.querySelectorAll<HTMLElement>("[data-month-tick]")].filter((t) => t.offsetParent !== null).map((t) => t.textContent),
    }));
  };
  // The server's HTML alone: React's bundles never load here, so nothing hydrates (the page's own
  // inline scripts still run: they reveal the streamed parts, as they do before hydration).
  const staticContext = await browser.newContext({ viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL });
  await staticContext.route("**/_next/static/chunks/**/*.js", (route) => route.abort());
  await signInAs(staticContext, user);
  const staticPage = await staticContext.newPage();
  await staticPage.goto("/dashboard");
  const served = await measure(staticPage);
  await staticContext.close();

  await signInAs(context, user);
  await page.goto("/dashboard");
  await page.waitForLoadState("networkidle");
  const hydrated = await measure(page);
  expect(served.plan).toBeTruthy();
  expect(hydrated).toEqual(served);
  expect(served.ticks.length).toBeGreaterThanOrEqual(3);
  expect(served.box.width).toBeGreaterThan((viewport?.width ?? 1280) * 0.5);
});
