// The public progress page as its owner and a visitor meet it: turned on in settings, opened by
// someone signed out (roadmap, phases, pace; no notes, no email), turned off (the link 404s), and
// turned on again with a new link.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { call, createUser, seedHistory } from "../support/factories";
import type { PacingResponse } from "../../components/dashboard/PacePanel";
import type { Dashboard } from "../../lib/progress";
import { publicPaceHeadline, STATUS_LABELS } from "../../lib/pacing/headline";
import { formatPercent, progressShare } from "../../lib/progress/summary";
import { localDaysAgo } from "../support/dates";

const daysAgo = (n: number) => localDaysAgo(n);

/** Opens `url` in a fresh, signed-out browser context; returns the status and the HTML served. */
async function visitSignedOut(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(url);
  return { context, page, status: response?.status(), html: (await response?.text()) ?? "" };
}

async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a visitor sees the roadmap, phases and pace but no notes or email; turning it off 404s the link; a new one differs", async ({
  page,
  context,
  browser,
}, testInfo) => {
  const user = await createUser("public");
  const enrollment = await seedHistory(user.id, {
    start: daysAgo(120),
    targetMonths: 12,
    ticks: [
      { skill: "gradient-descent-intuition", day: 6 },
      { skill: "loss-function-choice", day: 20 },
      { skill: "evaluation-metric-choice", day: 45 },
      { skill: "bias-variance-in-practice", day: 70 },
      { skill: "pytorch-fluency", day: 110 },
    ],
  });
  const canary = `public-canary-${user.id}: my private worries about the job hunt`;
  const checkIn = await call("POST", "/api/checkins", {
    user,
    body: { enrollmentId: enrollment.id, hours: 5, confidence: 2, note: canary, idempotencyKey: crypto.randomUUID() },
  });
  expect(checkIn.status).toBe(201);

  // What the page should show, from the owner's own routes.
  const dashboard = (await call("GET", `/api/enrollments/${enrollment.id}`, { user })).json as Dashboard;
  const { pacing } = (await call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user })).json as PacingResponse;

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(context, user);
  await page.goto("/settings");
  const section = page.locator("section[aria-labelledby=public-page-heading]");
  await expect(section.getByTestId("public-page-state")).toHaveText("Off.");
  await section.getByRole("button", { name: "Turn on the public page" }).click();
  const linkField = section.getByLabel("Your public link");
  await expect(linkField).toHaveValue(/\/p\/[A-Za-z0-9_-]{43}$/);
  const firstUrl = await linkField.inputValue();
  await section.getByRole("button", { name: "Copy link" }).click();
  await expect(section.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstUrl);
  // Thumb-sized controls, and an accessible section with the link showing.
  for (const control of await section.locator("button, input, a").all()) {
    expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  expect(await accessibilityViolations(page)).toEqual([]);
  await section.screenshot({ path: testInfo.outputPath("settings-public-page.png") });

  // A visitor, signed out.
  const visitor = await visitSignedOut(browser, firstUrl);
  expect(visitor.status).toBe(200);
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText(dashboard.enrollment.roadmap.title);
  await expect(visitor.page.getByTestId("pace-status")).toHaveText(STATUS_LABELS[pacing.status]);
  await expect(visitor.page.getByTestId("pace-headline")).toHaveText(publicPaceHeadline(pacing));
  const phases = visitor.page.getByTestId("public-phase");
  await expect(phases).toHaveCount(dashboard.phases.length);
  expect(await accessibilityViolations(visitor.page)).toEqual([]);
  for (const [i, phase] of dashboard.phases.entries()) {
    const summary = progressShare(phase.milestones);
    await expect(phases.nth(i)).toContainText(phase.title);
    await expect(phases.nth(i)).toContainText(formatPercent(summary.share));
    await expect(phases.nth(i).getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(Math.floor(summary.share * 100)));
    await expect(phases.nth(i)).toContainText(`${summary.done} of ${summary.count - summary.skipped} milestones done`);
  }
  expect(progressShare(dashboard.phases[0]!.milestones).done).toBeGreaterThan(0);
  for (const html of [visitor.html, await visitor.page.content()]) {
    expect(html).not.toContain("public-canary");
    expect(html).not.toContain(user.email);
    expect(html).not.toContain(user.id);
  }
  await visitor.context.close();

  // At phone width: nothing scrolls sideways; a picture to look at.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 1 });
  const phonePage = await phone.newPage();
  await phonePage.goto(firstUrl);
  await expect(phonePage.getByTestId("public-phase")).toHaveCount(dashboard.phases.length);
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
    0,
  );
  await phonePage.screenshot({ path: testInfo.outputPath("public-page-360.png"), fullPage: true });
  await phone.close();

  // Off: the old link is gone.
  await section.getByRole("button", { name: "Turn off the public page" }).click();
  await expect(section.getByTestId("public-page-state")).toHaveText("Off.");
  await expect(linkField).toHaveCount(0);
  const gone = await visitSignedOut(browser, firstUrl);
  expect(gone.status).toBe(404);
  await expect(gone.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect(gone.html).not.toContain(dashboard.enrollment.roadmap.title);
  await gone.context.close();

  // On again: a different link, which works; the first stays dead.
  await section.getByRole("button", { name: "Turn on the public page" }).click();
  await expect(linkField).toHaveValue(/\/p\/[A-Za-z0-9_-]{43}$/);
  const secondUrl = await linkField.inputValue();
  expect(secondUrl).not.toBe(firstUrl);
  const again = await visitSignedOut(browser, secondUrl);
  expect(again.status).toBe(200);
  await again.context.close();
  const stillGone = await visitSignedOut(browser, firstUrl);
  expect(stillGone.status).toBe(404);
  await stillGone.context.close();

  // Later, settings say since when, and the link can't be shown again, only replaced.
  await page.reload();
  await expect(section.getByTestId("public-page-state")).toHaveText(/^On since \d{1,2} \w{3} \d{4}\.$/);
  await expect(linkField).toHaveCount(0);
  await expect(section.getByRole("button", { name: "Make a new link" })).toBeVisible();
});
