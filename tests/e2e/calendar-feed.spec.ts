// The calendar feed as its owner meets it in Settings, on a desktop and a phone: turned on, the
// link shown once with a copy button and how to subscribe, the link serving a calendar a parser
// reads, then turned off, after which the link 404s.
import AxeBuilder from "@axe-core/playwright";
import { expect, signInAs, test } from "./fixtures";
import { createEnrollment, createUser } from "../support/factories";
import { parseFeed } from "../support/ics";
import { localDaysAgo } from "../support/dates";

test("turns the calendar feed on in Settings, shows its link once, and turns it off", async ({ page, context }, testInfo) => {
  const user = await createUser("feed");
  await createEnrollment(user.id, "swe-to-mle", { startDate: localDaysAgo(20), targetMonths: 12 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(context, user);
  await page.goto("/settings");

  const section = page.locator("section[aria-labelledby=calendar-feed-heading]");
  await expect(section.getByRole("heading", { name: "Calendar feed" })).toBeVisible();
  await expect(section.getByTestId("calendar-feed-state")).toHaveText("Off.");
  await section.getByRole("button", { name: "Turn on the calendar feed" }).click();

  const linkField = section.getByLabel("Your calendar feed link");
  await expect(linkField).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await linkField.inputValue();
  await expect(section.getByText(/To subscribe, add a calendar “from URL”/)).toBeVisible();
  await section.getByRole("button", { name: "Copy link" }).click();
  await expect(section.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  for (const control of await section.locator("button, input").all()) {
    expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page })
    .include("section[aria-labelledby=calendar-feed-heading]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await section.screenshot({ path: testInfo.outputPath("settings-calendar-feed.png") });

  // What a calendar app gets from the link: a calendar with the plan and the weekly check-in.
  const served = await fetch(url);
  expect(served.status).toBe(200);
  const feed = parseFeed(await served.text());
  expect(feed.events.some((e) => e.summary.startsWith("Planned: "))).toBe(true);
  expect(feed.events.filter((e) => e.summary === "Waypoint check-in")).toHaveLength(1);

  // The public page's section is untouched by it.
  await expect(page.locator("section[aria-labelledby=public-page-heading]").getByTestId("public-page-state")).toHaveText("Off.");

  await section.getByRole("button", { name: "Turn off the calendar feed" }).click();
  await expect(section.getByTestId("calendar-feed-state")).toHaveText("Off.");
  await expect(linkField).toHaveCount(0);
  expect((await fetch(url)).status).toBe(404);

  // On again, then later: Settings says since when and can't show the link again.
  await section.getByRole("button", { name: "Turn on the calendar feed" }).click();
  await expect(linkField).toHaveValue(/\.ics$/);
  expect(await linkField.inputValue()).not.toBe(url);
  await page.reload();
  await expect(section.getByTestId("calendar-feed-state")).toHaveText(/^On since \d{1,2} \w{3} \d{4}\.$/);
  await expect(linkField).toHaveCount(0);
  await expect(section.getByRole("button", { name: "Make a new link" })).toBeVisible();
});
