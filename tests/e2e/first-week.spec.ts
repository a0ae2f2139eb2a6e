// The dashboard in a newcomer's first days: first steps on day 0 instead of an empty calendar, and
// then an activity calendar that starts with the enrolment and shows check-ins as well as ticks.
import { expect, signInAs, test, testDb } from "./fixtures";
import { createEnrollment, createUser, seedHistory } from "../support/factories";
import { localDaysAgo, shiftLocalDays, TEST_ZONE } from "../support/dates";
import { isoWeekOf } from "../../lib/calendar/iso-weeks";
import { dayOfIso, formatDay } from "../../lib/calendar/days";

test("day 0: the dashboard shows first steps, not an empty calendar", async ({ page, context }, testInfo) => {
  const user = await createUser("day0");
  await createEnrollment(user.id, "swe-to-mle", { startDate: localDaysAgo(0), targetMonths: 12 });
  await signInAs(context, user);
  await page.goto("/dashboard");
  const steps = page.getByRole("region", { name: "Your first steps" });
  await expect(steps).toBeVisible();
  await expect(steps.getByText(/^1\. This week: .+ \(\d/)).toBeVisible();
  await expect(steps.getByText("2. Check in from your phone")).toBeVisible();
  await expect(steps.getByText("3. Install the app")).toBeVisible();
  await expect(steps.getByRole("link", { name: "Open the check-in" })).toHaveAttribute("href", "/checkin");
  await expect(page.getByTestId("activity-calendar")).toHaveCount(0);
  await expect(page.getByText("Your first tick or check-in starts your activity calendar here.")).toBeVisible();
  await steps.screenshot({ path: testInfo.outputPath("first-steps.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await steps.screenshot({ path: testInfo.outputPath("first-steps-dark.png") });
});

test("the activity calendar starts with the enrolment, counts check-ins and their hours, and has a legend and a table", async ({
  page,
  context,
}, testInfo) => {
  const user = await createUser("calendar");
  const start = localDaysAgo(30);
  const enrollment = await seedHistory(user.id, { start, targetMonths: 12, ticks: [{ skill: "gradient-descent-intuition", day: 2 }] });
  // One check-in 14 local days ago, 2.5 hours, and nothing else that week.
  const madeAt = shiftLocalDays(new Date(), -14);
  await testDb().checkIn.create({
    data: {
      userId: user.id,
      enrollmentId: enrollment.id,
      isoWeek: isoWeekOf(madeAt, TEST_ZONE),
      hours: 2.5,
      confidence: 3,
      idempotencyKey: `calendar-${user.id}`,
      createdAt: madeAt,
    },
  });
  await signInAs(context, user);
  await page.goto("/dashboard");
  const calendar = page.getByTestId("activity-calendar");
  await expect(calendar).toBeVisible();
  await expect(page.getByTestId("first-steps")).toHaveCount(0);

  // From the start, not 26 weeks back.
  const summary = `${formatDay(dayOfIso(start))} to ${formatDay(dayOfIso(localDaysAgo(0)))}: 1 check-in (2.5 h) in 1 week, 1 milestone done.`;
  await expect(calendar.getByRole("img")).toHaveAttribute("aria-label", summary);
  const weeks = await calendar.locator("[data-week-checked-in]").count();
  expect(weeks).toBeGreaterThanOrEqual(5);
  expect(weeks).toBeLessThanOrEqual(6);
  // The check-in's day reads apart from an empty one, and so does its week.
  const checkInDay = calendar.locator(`[title^="${formatDay(dayOfIso(localDaysAgo(14)))}:"]`);
  await expect(checkInDay).toHaveAttribute("data-level", "1");
  await expect(checkInDay).toHaveAttribute("title", /1 check-in, 2\.5 h/);
  await expect(calendar.locator(`[title^="${formatDay(dayOfIso(localDaysAgo(13)))}:"]`)).toHaveAttribute("title", /nothing logged/);
  await expect(calendar.locator('[data-week-checked-in="true"]')).toHaveCount(1);
  await expect(calendar.locator('[data-week-checked-in="false"]')).toHaveCount(weeks - 1);
  await expect(calendar.getByRole("list", { name: "Legend" })).toContainText("Check-in");
  await expect(calendar.getByRole("list", { name: "Legend" })).toContainText("Week with a check-in");

  await calendar.getByText("Show as a table").click();
  const table = calendar.getByRole("table", { name: "Activity per week, newest first" });
  await expect(table.getByRole("row")).toHaveCount(weeks + 1);
  await expect(table.getByRole("row").filter({ hasText: "2.5" })).toContainText("1");

  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await calendar.screenshot({ path: testInfo.outputPath("calendar-360.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await calendar.screenshot({ path: testInfo.outputPath("calendar-360-dark.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
  await calendar.screenshot({ path: testInfo.outputPath("calendar-desktop-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await calendar.screenshot({ path: testInfo.outputPath("calendar-desktop.png") });
});
