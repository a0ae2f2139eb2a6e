// The weekly email as a user meets it in the app: the preview, and the settings that schedule it.
import { expect, pageBrightness, signInAs, test } from "./fixtures";
import { createEnrollment, createUser, seedHistory, testDb } from "../support/factories";
import { localDaysAgo } from "../support/dates";

const daysAgo = (n: number) => localDaysAgo(n);

test("the in-app preview shows this week's email at its full height, with no console error, and it reads well at phone width", async ({
  page,
  context,
}, testInfo) => {
  const user = await createUser("preview");
  await seedHistory(user.id, {
    start: daysAgo(60),
    targetMonths: 12,
    ticks: [
      { skill: "gradient-descent-intuition", day: 10 },
      { skill: "loss-function-choice", day: 30 },
      { skill: "evaluation-metric-choice", day: 57 },
    ],
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await signInAs(context, user);
  await page.goto("/digest");
  await expect(page.getByRole("heading", { name: "This week's email" })).toBeVisible();
  // Week 9 of a 12-month plan's 52: 60 days in, counted from the start.
  await expect(page.getByTestId("digest-subject")).toHaveText(/^Week 9 of 52 — /);
  // Enrolled long ago: no "first email comes on …" note.
  await expect(page.getByTestId("digest-first-send")).toHaveCount(0);
  const email = page.getByRole("region", { name: "Email preview" });
  await expect(email.getByText("Choose an evaluation metric and read it correctly")).toBeVisible();
  const checkIn = email.getByRole("link", { name: /check in/i });
  await expect(checkIn).toHaveCount(1);
  await expect(checkIn).toHaveAttribute("href", /\/checkin/);
  await page.getByText("Plain-text version").click();
  await expect(page.locator("pre")).toContainText("Unsubscribe");

  // At 360 px: the email is as tall as its content (nothing scrolls inside it), and nothing is wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => email.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
  expect(await email.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("digest-360.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("a newcomer's preview says when the first email comes, and it welcomes them", async ({ page, context }) => {
  const user = await createUser("newcomer-preview");
  await createEnrollment(user.id, "swe-to-mle", { startDate: localDaysAgo(0), targetMonths: 12 });
  await signInAs(context, user);
  await page.goto("/digest");
  // Enrolled just now: the first email waits for the next whole week, on the default Monday at 08:00.
  await expect(page.getByTestId("digest-first-send")).toContainText(/Your first weekly email comes on Monday \d{1,2} \w{3} \d{4} at 08:00/);
  await expect(page.getByTestId("digest-subject")).toHaveText("Week 1 of 52 — welcome to Waypoint");
});

test("settings change the weekly email's day, hour and time zone, and turn it off", async ({ page, context, enrolledUser }) => {
  await signInAs(context, enrolledUser);
  await page.goto("/settings");
  await page.getByLabel("Day", { exact: true }).selectOption("Friday");
  await page.getByLabel("Time", { exact: true }).selectOption("17:00");
  await page.getByLabel("Your time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect(
    await testDb().user.findUniqueOrThrow({
      where: { id: enrolledUser.id },
      select: { digestWeekday: true, digestHour: true, timezone: true, digestEnabled: true },
    }),
  ).toEqual({
    digestWeekday: 5,
    digestHour: 17,
    timezone: "America/New_York",
    digestEnabled: true,
  });

  // No free text: a search that names no zone leaves the chosen one as it is.
  await page.getByLabel("Search the list by city or region").fill("Mars Olympus Mons");
  await expect(page.getByText("No zone matches; try a nearby large city.")).toBeVisible();
  await expect(page.getByLabel("Your time zone")).toHaveValue("America/New_York");

  await page.getByLabel("Send me the weekly progress email").uncheck();
  // The first save's "Saved." is still on screen until React renders the second one pending: wait
  // for the second save's answer, not for a message that may be the first one's.
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/me" && r.request().method() === "PATCH"),
    page.getByRole("button", { name: "Save" }).click(),
  ]);
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await testDb().user.findUniqueOrThrow({ where: { id: enrolledUser.id } })).digestEnabled).toBe(false);
});

test("the theme chosen in settings applies at once, overrides the device setting, and stays after a reload", async ({
  page,
  context,
  enrolledUser,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signInAs(context, enrolledUser);
  await page.goto("/settings");
  const background = () => pageBrightness(page);
  expect(await background()).toBeGreaterThan(200);
  await page.getByLabel("Dark").check();
  await expect.poll(background).toBeLessThan(50);
  await page.reload();
  expect(await background()).toBeLessThan(50);
  await page.getByLabel("Same as this device").check();
  await expect.poll(background).toBeGreaterThan(200);
});
