// The whole "decide and prove" path in one sitting: a new user takes the self-assessment, enrols
// with the target it suggests, records the ML feature they shipped, sees how long until the
// "maintained 3+ months" milestone can be done, and copies a CV bullet. The parts are tested in
// depth in assessment.spec.ts and shipped.spec.ts.
import { answerAssessmentAsMidCareerShipper, expect, signInAs, test } from "./fixtures";
import { dayOfIso, formatDay } from "../../lib/calendar/days";
import { localDaysAgo } from "../support/dates";

const daysAgo = (days: number) => localDaysAgo(days);

test("assessment → enrol with the suggested target → record a shipped feature → countdown → copy a CV bullet", async ({
  page,
  context,
  user,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signInAs(context, user);

  await page.goto("/assessment");
  await answerAssessmentAsMidCareerShipper(page);
  await page.getByRole("button", { name: "See my suggestion" }).click();
  await expect(page.getByTestId("recommendation")).toHaveText("Go for ML Engineer");

  await page.getByRole("link", { name: "Enrol with 12 months" }).click();
  await expect(page.getByLabel("Target duration")).toHaveValue("12");
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page.getByText(/target 12 months/)).toBeVisible();

  await page.getByTestId("milestone-ship-feature-at-work").getByRole("link", { name: "Record the shipped feature" }).click();
  await page.getByLabel("What you shipped").fill("search ranking model");
  await page.getByLabel("The problem it solves").fill("Relevant products were buried on page two.");
  await page.getByLabel("The model").fill("gradient-boosted ranker");
  await page.getByLabel("Launch date").fill(daysAgo(30));
  await page.getByLabel("Metric").fill("searches with no click");
  await page.getByLabel("Before").fill("40");
  await page.getByLabel("After").fill("28");
  await page.getByLabel("Unit (optional)").fill("%");
  await page.getByLabel("Volume").fill("2 million searches a day");
  await page.getByRole("button", { name: "Save the record" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const due = `Done in 60 days, on ${formatDay(dayOfIso(daysAgo(-60)))}`;
  await expect(page.getByTestId("maintenance-countdown")).toHaveText(due);
  const bullet = page.locator("#cv-ml-0");
  await expect(bullet).toHaveValue(/search ranking model/);
  await page.getByRole("button", { name: "Copy: For ML Engineer roles, bullet 1" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await bullet.inputValue());

  await page.goto("/dashboard");
  await expect(page.getByTestId("milestone-maintain-feature-3-months").getByTestId("milestone-countdown")).toHaveText(due);
});
