import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** The bottom bar's link `name`, by role, as a thumb sees it. */
const barLink = (page: Page, name: string) => page.getByTestId("bottom-nav").getByRole("link", { name, exact: true });

for (const viewport of [
  { width: 360, height: 740 },
  { width: 412, height: 915 },
]) {
  test.describe(`phone ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test("from the dashboard, Check in and Settings are one tap away, and the bar marks where you are", async ({
      page,
      context,
      enrolledUser,
    }) => {
      await signInAs(context, enrolledUser);
      await page.goto("/dashboard");
      await expect(barLink(page, "Dashboard")).toHaveAttribute("aria-current", "page");
      await expect(barLink(page, "Check in")).not.toHaveAttribute("aria-current", /.*/);
      // In the first viewport, without scrolling, and big enough for a thumb.
      for (const name of ["Dashboard", "Check in", "Roadmap", "Settings"]) {
        await expect(barLink(page, name)).toBeInViewport();
        const box = await barLink(page, name).boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(44);
        expect(box!.width).toBeGreaterThanOrEqual(44);
      }

      await barLink(page, "Check in").tap();
      await expect(page).toHaveURL(/\/checkin$/);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(barLink(page, "Check in")).toHaveAttribute("aria-current", "page");

      await barLink(page, "Dashboard").tap();
      await expect(page).toHaveURL(/\/dashboard$/);
      await barLink(page, "Settings").tap();
      await expect(page).toHaveURL(/\/settings$/);
      await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
      await expect(barLink(page, "Settings")).toHaveAttribute("aria-current", "page");
    });

    test("the bar covers nothing: the end of the page scrolls clear of it", async ({ page, context, enrolledUser }) => {
      await signInAs(context, enrolledUser);
      for (const path of ["/dashboard", "/settings", "/checkin"]) {
        await page.goto(path);
        // Panels stream in and lengthen the page after the first scroll, so scroll and measure again
        // until the end holds still; content covered by the bar never passes.
        await expect(async () => {
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          const barTop = (await page.getByTestId("bottom-nav").boundingBox())!.y;
          // Scrolled to the end, <main>'s content (inside its bottom padding) ends above the bar.
          const contentBottom = await page
            .locator("main")
            .evaluate((main) => main.getBoundingClientRect().bottom - parseFloat(getComputedStyle(main).paddingBottom));
          expect(contentBottom, path).toBeLessThanOrEqual(barTop);
          // And the page really reached its end (the bar sits over padding, not over content cut off below).
          expect(
            await page.evaluate(() => Math.abs(window.scrollY + window.innerHeight - document.documentElement.scrollHeight)),
            path,
          ).toBeLessThanOrEqual(1);
        }).toPass();
      }
      const results = await new AxeBuilder({ page })
        .include("[data-testid=bottom-nav]")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    });

    test("the enrol form is in the first viewport of a roadmap page, the milestones below it", async ({ page, context, user }) => {
      await signInAs(context, user);
      await page.goto("/roadmaps/swe-to-mle?target=12");
      const enrol = page.getByRole("complementary", { name: "Start this roadmap" });
      await expect(enrol.getByRole("heading", { name: "Start this roadmap" })).toBeInViewport({ ratio: 1 });
      await expect(enrol.getByLabel("Start date")).toBeInViewport({ ratio: 1 });
      await expect(enrol.getByLabel("Target duration")).toBeInViewport({ ratio: 1 });
      const milestones = page.getByRole("list", { name: "Phases and milestones" });
      expect((await milestones.boundingBox())!.y).toBeGreaterThan((await enrol.boundingBox())!.y);
      // Everything above the form fits on one screen: nothing needs a scroll before the form begins.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });

    test("signed out, the bar offers what a visitor can use", async ({ page }) => {
      await page.goto("/roadmaps");
      const bar = page.getByTestId("bottom-nav");
      await expect(bar.getByRole("link")).toHaveText(["Home", "Roadmaps", "Sign in"]);
      await expect(barLink(page, "Roadmaps")).toHaveAttribute("aria-current", "page");
      await barLink(page, "Sign in").tap();
      await expect(page).toHaveURL(/\/signin/);
    });
  });
}

test.describe("desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the header holds the same destinations and the bottom bar is gone", async ({ page, context, enrolledUser }) => {
    await signInAs(context, enrolledUser);
    await page.goto("/dashboard");
    await expect(page.getByTestId("bottom-nav")).toBeHidden();
    const header = page.getByRole("banner").getByRole("navigation", { name: "Main" });
    await expect(header.getByRole("link")).toHaveText(["Dashboard", "Check in", "Roadmaps", "Settings"]);
    await expect(header.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await header.getByRole("link", { name: "Check in" }).click();
    await expect(page).toHaveURL(/\/checkin$/);
    await expect(header.getByRole("link", { name: "Check in" })).toHaveAttribute("aria-current", "page");
  });
});
