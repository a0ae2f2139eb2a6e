// The self-assessment as a person takes it: answer five questions, read the suggestion, follow
// "Enrol with N months" to a roadmap whose target is already set, enrol, see it on the dashboard.
// And the "courses without shipping" warning: there for a learner ten months in with nothing
// shipped, gone for one who has shipped.
import {
  answerAssessmentAsMidCareerShipper,
  expect,
  openMagicLink,
  requestMagicLink,
  signInAs,
  test,
  testDb,
  uniqueEmail,
} from "./fixtures";
import { createUser, seedHistory } from "../support/factories";

/** Eight of the ML Engineer roadmap's learning milestones ("learn" kind). */
const EIGHT_LEARNING = [
  "gradient-descent-intuition",
  "loss-function-choice",
  "evaluation-metric-choice",
  "bias-variance-in-practice",
  "pytorch-fluency",
  "hugging-face-transformers",
  "karpathy-zero-to-hero",
  "fastai-practical-deep-learning",
];

/**
 * A start date ten months and three days ago (the day of the month capped at 28 so no month
 * overflows): the plan is in its 10th whole month, not yet its 11th, in any zone.
 */
function tenMonthsAgo(): string {
  const now = new Date();
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 10, Math.min(now.getUTCDate(), 28)) - 3 * 86_400_000;
  return new Date(start).toISOString().slice(0, 10);
}

test("a new user takes the assessment, gets a suggestion with reasons, and enrols with the suggested target", async ({
  page,
  context,
  user,
}, testInfo) => {
  await signInAs(context, user);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Not sure? Take the self-assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Should I pivot?" })).toBeVisible();

  // Real post-mortems to read first, each opening in a new tab.
  const links = page.getByRole("group", { name: /1\. Does the operational side/ }).getByRole("link");
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute("href", /^https:\/\//);
    await expect(link).toHaveAttribute("target", "_blank");
  }

  // Submitting with nothing chosen names every question.
  await page.getByRole("button", { name: "See my suggestion" }).click();
  await expect(page.getByText("Choose how many years you have been a software engineer.")).toBeVisible();

  await answerAssessmentAsMidCareerShipper(page);

  // Every choice is a touch target at least 44 px tall.
  for (const option of await page.locator("fieldset label").all()) {
    const box = await option.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }

  await page.getByRole("button", { name: "See my suggestion" }).click();
  const result = page.getByTestId("assessment-result");
  await expect(result.getByTestId("recommendation")).toHaveText("Go for ML Engineer");
  await expect(result.getByTestId("suggested-duration")).toContainText("9–12 months");
  await expect(result.getByRole("listitem")).toHaveCount(4);
  await expect(result).toContainText("most of the pivot's long-term pay benefit");
  await expect(page.getByRole("button", { name: "Update my suggestion" })).toBeVisible();

  // Saved: a reload shows the same answers and suggestion.
  await page.reload();
  await expect(page.getByTestId("recommendation")).toHaveText("Go for ML Engineer");
  await expect(page.getByRole("group", { name: /2\. How long/ }).getByRole("radio", { name: /^3–7 years/ })).toBeChecked();

  await page.getByRole("link", { name: "Enrol with 12 months" }).click();
  await expect(page).toHaveURL(/\/roadmaps\/swe-to-mle\?target=12$/);
  await expect(page.getByLabel("Target duration")).toHaveValue("12");
  await expect(page.getByLabel("Target duration").locator("option:checked")).toHaveText("12 months (suggested for you)");
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page).toHaveURL(/\/dashboard\?enrollment=/);
  await expect(page.getByText(/target 12 months/)).toBeVisible();

  // Back on the assessment, the button now says they are already on the roadmap.
  await page.goto("/assessment");
  await expect(page.getByTestId("assessment-result")).toContainText("You are already on this roadmap, with a target of 12 months.");
  await expect(page.getByRole("link", { name: /^Enrol with/ })).toHaveCount(0);

  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByTestId("recommendation")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("assessment-360.png"), fullPage: true });

  // The pay table, opened on a 360 px screen, fits without scrolling sideways.
  await page.getByText("What the pay gap looks like").click();
  const table = page.getByRole("table", { name: /Base salary ranges in London/ });
  await expect(table).toContainText("Staff / Principal");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const tableBox = await table.boundingBox();
  expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(360);
  await page.getByRole("group", { name: /3\. What are you optimising for/ }).screenshot({ path: testInfo.outputPath("pay-360.png") });
});

test("the 'courses without shipping' warning shows ten months in with eight courses done and nothing shipped", async ({
  page,
  context,
}, testInfo) => {
  const user = await createUser("courses");
  await seedHistory(user.id, {
    start: tenMonthsAgo(),
    targetMonths: 12,
    ticks: EIGHT_LEARNING.map((skill, i) => ({ skill, day: 10 + i * 25 })),
  });
  await signInAs(context, user);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/dashboard");
  const warning = page.getByTestId("warning-courses_without_shipping");
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("heading")).toHaveText("Lots of learning, nothing shipped yet");
  await warning.screenshot({ path: testInfo.outputPath("warning-360.png") });
  await page.screenshot({ path: testInfo.outputPath("dashboard-360.png") });
});

test("no 'courses without shipping' warning once the feature has shipped", async ({ page, context }) => {
  const user = await createUser("shipped");
  await seedHistory(user.id, {
    start: tenMonthsAgo(),
    targetMonths: 12,
    ticks: [...EIGHT_LEARNING.map((skill, i) => ({ skill, day: 10 + i * 25 })), { skill: "ship-feature-at-work", day: 250 }],
  });
  await signInAs(context, user);
  await page.goto("/dashboard");
  await expect(page.getByTestId("pace-status")).toBeVisible();
  await expect(page.getByTestId("warning-courses_without_shipping")).toHaveCount(0);
  // The salary context is there for everyone, with its source.
  await page.getByText("Context: what the move pays").click();
  await expect(page.getByRole("table")).toContainText("£120–165k");
  await expect(page.getByText(/Source: JobLabs, .+ \(2026\)/)).toBeVisible();
});

for (const viewport of [
  { width: 360, height: 740 },
  { width: 412, height: 915 },
]) {
  test.describe(`phone ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test("a newcomer finds the assessment on the landing page, takes it signed out, signs in, and lands with the answers kept", async ({
      page,
    }, testInfo) => {
      await page.goto("/");
      // The two paths are laid out before anyone signs up.
      await expect(page.getByRole("heading", { name: "ML Engineer", exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: "AI Engineer", exact: true })).toBeVisible();
      await page.getByRole("link", { name: /Take the 2-minute check/ }).click();
      await expect(page).toHaveURL(/\/assessment$/);
      await answerAssessmentAsMidCareerShipper(page);
      await page.getByRole("button", { name: "See my suggestion" }).click();
      // Worked out in the browser: nothing is stored for anyone yet.
      await expect(page.getByTestId("recommendation")).toHaveText("Go for ML Engineer");
      await expect(page.getByTestId("suggested-duration")).toContainText("9–12 months");
      await page.screenshot({ path: testInfo.outputPath("assessment-signed-out.png"), fullPage: true });

      await page.getByTestId("assessment-sign-in").click();
      await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
      const email = uniqueEmail("newcomer");
      const link = await requestMagicLink(page, email, new URL(page.url()).pathname + new URL(page.url()).search);
      await openMagicLink(page, link);

      await expect(page.getByTestId("assessment-kept")).toBeVisible();
      await expect(page).toHaveURL(/\/assessment$/);
      await expect(page.getByTestId("recommendation")).toHaveText("Go for ML Engineer");
      await expect(page.getByRole("link", { name: "Enrol with 12 months" })).toBeVisible();
      const user = await testDb().user.findUniqueOrThrow({ where: { email }, include: { assessment: true } });
      expect(user.assessment).toMatchObject({
        operationalWork: "appeals",
        careerStage: "mid",
        goal: "long_term_compounding",
        mlSurfaceAtWork: true,
        mathsBackground: false,
        recommendation: "ml_engineer",
        suggestedMonths: 12,
      });
      // The answers left the address once saved: a reload shows the stored result, and saves nothing again.
      const savedAt = user.assessment!.updatedAt;
      await page.reload();
      await expect(page.getByTestId("recommendation")).toHaveText("Go for ML Engineer");
      await expect(page.getByTestId("assessment-kept")).toHaveCount(0);
      expect((await testDb().assessment.findUniqueOrThrow({ where: { userId: user.id } })).updatedAt).toEqual(savedAt);
    });
  });
}

test("the paths page lays ML Engineer and AI Engineer side by side, with durations and pay and their source", async ({
  page,
}, testInfo) => {
  await page.goto("/paths");
  await expect(page.getByRole("heading", { name: "ML Engineer or AI Engineer?" })).toBeVisible();
  const glance = page.getByRole("table", { name: "At a glance" });
  await expect(glance.getByRole("row", { name: /Plan for/ })).toContainText("6–18 months");
  await expect(glance.getByRole("row", { name: /Pay/ })).toContainText("15–30% above a software engineer");
  await expect(glance.getByRole("row", { name: /Pay/ })).toContainText("Within 5–10% of ML Engineer pay");
  for (const role of ["ML Engineer", "AI Engineer"]) {
    const card = page.getByRole("region", { name: role, exact: true });
    for (const heading of ["The work", "What you add to your skills", "How long", "Pay", "Suits you if"]) {
      await expect(card.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    }
    await expect(card).toContainText("JobLabs, 2026");
  }
  await page.getByRole("link", { name: "Take the self-assessment" }).click();
  await expect(page).toHaveURL(/\/assessment$/);
  await page.goto("/paths");
  await page.screenshot({ path: testInfo.outputPath("paths.png"), fullPage: true });
});
