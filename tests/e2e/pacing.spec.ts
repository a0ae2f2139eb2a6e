import { expect, signInAs, test } from "./fixtures";
import { createUser, seedHistory } from "../support/factories";
import type { PacingResponse } from "../../components/dashboard/PacePanel";
import { localDaysAgo } from "../support/dates";

const isoDaysAgo = (days: number) => localDaysAgo(days);

/** Five months into a 12-month plan, replanned to 15 months a month ago, with ticks all along. */
async function userWithHistory() {
  const user = await createUser("pace");
  const enrollment = await seedHistory(user.id, {
    start: isoDaysAgo(150),
    targetMonths: 12,
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

test("a user with months of history sees the pace headline, the chart with its lines, and what comes next", async ({ page, context }, testInfo) => {
  const { user, enrollmentId } = await userWithHistory();
  await signInAs(context, user);
  await page.goto("/dashboard");

  // What the page shows is what the pacing route computes, the one source of truth.
  const api = await page.request.get(`/api/enrollments/${enrollmentId}/pacing`);
  expect(api.status()).toBe(200);
  const { pacing, headline } = (await api.json()) as PacingResponse;
  expect(headline).toMatch(/^(\d+ (weeks?|days?) (ahead|behind)|On plan) — (\d+ days? of buffer|no buffer) — (at this pace you finish \d{1,2} \w{3} \d{4}|not enough data yet to project a finish)$/);
  await expect(page.getByTestId("pace-headline")).toHaveText(headline);
  await expect(page.getByTestId("pace-status")).toBeVisible();

  expect(pacing.plans.map((p) => [p.targetMonths, p.superseded])).toEqual([[12, true], [15, false]]);
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
  // Nine ticks, one of them a skip: eight days with a milestone completed.
  await expect(page.getByRole("img", { name: /progress on 8 days/ })).toBeVisible();

  // The chart fits the screen: nothing scrolls sideways, and the lines are drawn across its width.
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
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
  await page.getByTestId("milestone-fastai-practical-deep-learning").getByRole("button", { name: /^Mark done/ }).click();
  await refreshed;
  await expect(summary).not.toHaveText(before!);
});

test("a user who is behind is offered a replan; the new target keeps every tick and fades the old line", async ({ page, context }) => {
  const user = await createUser("behind");
  // All of phase 1 in the last four weeks: a good pace now, but far behind a 6-month plan.
  const phaseOne = [
    "gradient-descent-intuition", "loss-function-choice", "evaluation-metric-choice", "bias-variance-in-practice", "pytorch-fluency",
    "hugging-face-transformers", "karpathy-zero-to-hero", "fastai-practical-deep-learning", "image-classifier-from-scratch",
    "sentiment-model-from-scratch", "text-generator-from-scratch",
  ];
  await seedHistory(user.id, { start: isoDaysAgo(100), targetMonths: 6, ticks: phaseOne.map((skill, i) => ({ skill, day: 76 + 2 * i })) });
  await signInAs(context, user);
  await page.goto("/dashboard");
  await expect(page.getByTestId("pace-status")).toHaveText("Off track");
  await expect(page.getByText("Behind the plan?")).toBeVisible();

  await page.getByLabel("Target", { exact: true }).selectOption("14");
  const replanned = page.waitForResponse((r) => r.request().method() === "PATCH");
  await page.getByRole("button", { name: "Change target" }).click();
  expect((await replanned).status()).toBe(200);
  await expect(page.getByTestId("pace-status")).toHaveText("On track");
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
  await expect(page.getByRole("alert").filter({ hasText: "target" })).toHaveText("A 6-month target has already passed; choose 9 months or more.");
});
