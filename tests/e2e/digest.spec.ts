// The weekly email as a user meets it in the app: the preview, and the settings that schedule it.
import { expect, pageBrightness, signInAs, test } from "./fixtures";
import { createUser, seedHistory, testDb } from "../support/factories";
import { localDaysAgo } from "../support/dates";

const daysAgo = (n: number) => localDaysAgo(n);

test("the in-app preview shows this week's email, and it reads well at phone width", async ({ page, context, browser }, testInfo) => {
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
  await signInAs(context, user);
  await page.goto("/digest");
  await expect(page.getByRole("heading", { name: "This week's email" })).toBeVisible();
  await expect(page.getByTestId("digest-subject")).toHaveText(/^Week 9 of \d+ — /);
  const email = page.frameLocator('iframe[title="Email preview"]');
  await expect(email.getByText("Choose an evaluation metric and read it correctly")).toBeVisible();
  const checkIn = email.getByRole("link", { name: /check in/i });
  await expect(checkIn).toHaveCount(1);
  await expect(checkIn).toHaveAttribute("href", /\/checkin/);
  await page.getByText("Plain-text version").click();
  await expect(page.locator("pre")).toContainText("Unsubscribe");

  // The email itself, alone at 360 px: nothing wider than the screen, and a picture to look at.
  const html = await page.locator('iframe[title="Email preview"]').getAttribute("srcdoc");
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await phone.setContent(html ?? "");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: testInfo.outputPath("digest-email-360.png"), fullPage: true });
  await phone.close();
});

test("settings change the weekly email's day, hour and time zone, and turn it off", async ({ page, context, enrolledUser }) => {
  await signInAs(context, enrolledUser);
  await page.goto("/settings");
  await page.getByLabel("Day", { exact: true }).selectOption("Friday");
  await page.getByLabel("Time", { exact: true }).selectOption("17:00");
  await page.getByLabel("Your time zone").fill("America/New_York");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect(await testDb().user.findUniqueOrThrow({ where: { id: enrolledUser.id }, select: { digestWeekday: true, digestHour: true, timezone: true, digestEnabled: true } })).toEqual({
    digestWeekday: 5,
    digestHour: 17,
    timezone: "America/New_York",
    digestEnabled: true,
  });

  await page.getByLabel("Your time zone").fill("Mars/Olympus_Mons");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Unknown time zone.")).toBeVisible();

  await page.getByLabel("Your time zone").fill("America/New_York");
  await page.getByLabel("Send me the weekly progress email").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await testDb().user.findUniqueOrThrow({ where: { id: enrolledUser.id } })).digestEnabled).toBe(false);
});

test("the theme chosen in settings applies at once, overrides the device setting, and stays after a reload", async ({ page, context, enrolledUser }) => {
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
