// Reading offline: the dashboard, as last seen and marked as a saved copy with its time, and the
// check-in page open without a connection, each from the other's links; signing out leaves neither.
import { expect, signInAs, test } from "./fixtures";
import { createEnrollment, createUser } from "../support/factories";
import { goOffline, goOnline, openControlledCheckIn } from "./offline";

/** The names of this origin's caches of signed-in pages. */
const pageCaches = (page: import("@playwright/test").Page) =>
  page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("waypoint-pages-")));

for (const viewport of [
  { width: 360, height: 740 },
  { width: 412, height: 915 },
]) {
  test.describe(`phone ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test("offline, the dashboard opens from /checkin and says it is a saved copy; back to /checkin works too; sign-out leaves no copy", async ({
      page,
      context,
    }, testInfo) => {
      const user = await createUser("offline-read");
      await createEnrollment(user.id);
      await signInAs(context, user);
      await openControlledCheckIn(page);
      // Seen once online: that copy is the one kept.
      await page.goto("/dashboard");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("saved-copy")).toHaveCount(0);
      await page.goto("/checkin");
      await expect(page.getByRole("heading", { name: /^Week \d+ check-in$/ })).toBeVisible();

      await goOffline(context);
      await page.getByRole("link", { name: "Dashboard", exact: true }).first().click();
      await expect(page).toHaveURL(/\/dashboard$/);
      const notice = page.getByTestId("saved-copy");
      await expect(notice).toContainText("You're offline. This is a saved copy of your dashboard from");
      await expect(notice).toContainText(/from \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
      await expect(page.getByRole("heading", { name: "Software Engineer → ML Engineer" })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("dashboard-offline.png") });

      await page.getByRole("link", { name: "Check in", exact: true }).first().click();
      await expect(page).toHaveURL(/\/checkin$/);
      await expect(page.getByRole("heading", { name: /^Week \d+ check-in$/ })).toBeVisible();

      await goOnline(context);
      await page.goto("/dashboard");
      await expect(page.getByTestId("saved-copy")).toHaveCount(0);
      expect(await pageCaches(page)).toHaveLength(1);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/$/);
      expect(await pageCaches(page)).toEqual([]);
      // Offline after signing out: no copy of anyone's dashboard to show.
      await goOffline(context);
      await expect(page.goto("/dashboard")).rejects.toThrow();
    });
  });
}
