// Issue 15's rough edges and new pieces: time zones chosen from a list, milestone resources, the
// favicon, arrow keys on the confidence radios, tap targets at 360 px, the install hint.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInAs, test, testDb } from "./fixtures";

const axe = (page: Page) => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);

test("settings: a zone found by searching, and changing it offers to move the roadmap and says what changes", async ({
  page,
  context,
  enrolledUser,
}) => {
  await testDb().user.update({ where: { id: enrolledUser.id }, data: { timezone: "Europe/London" } });
  await signInAs(context, enrolledUser);
  await page.goto("/settings");
  const zone = page.getByLabel("Your time zone");
  await expect(zone).toHaveValue("Europe/London");
  await expect(page.getByTestId("move-enrollments")).toBeHidden();

  await page.getByLabel("Search the list by city or region").fill("tokyo");
  await expect(zone).toHaveValue("Asia/Tokyo");
  const move = page.getByTestId("move-enrollments");
  await expect(move).toContainText("Move my roadmap (Software Engineer → ML Engineer) to Asia/Tokyo too");
  await expect(move).toContainText("days and weeks in Europe/London now");
  await expect(move).toContainText("roll over at midnight in Asia/Tokyo");
  await expect(move.getByRole("checkbox")).toBeChecked();
  expect((await axe(page).include("main form").analyze()).violations.map((v) => v.id)).toEqual([]);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-saved")).toHaveText("Saved. Your roadmap now counts its days and weeks in Asia/Tokyo.");
  expect((await testDb().user.findUniqueOrThrow({ where: { id: enrolledUser.id } })).timezone).toBe("Asia/Tokyo");
  expect((await testDb().enrollment.findUniqueOrThrow({ where: { id: enrolledUser.enrollmentId } })).timezone).toBe("Asia/Tokyo");
  await expect(move).toBeHidden();

  // Unticked, only the account's zone moves; the roadmap stays where it is.
  // The list still holds only the last search's matches; a new search finds the next zone.
  await page.getByLabel("Search the list by city or region").fill("new york");
  await expect(zone).toHaveValue("America/New_York");
  await move.getByRole("checkbox").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-saved")).toHaveText("Saved.");
  expect((await testDb().user.findUniqueOrThrow({ where: { id: enrolledUser.id } })).timezone).toBe("America/New_York");
  expect((await testDb().enrollment.findUniqueOrThrow({ where: { id: enrolledUser.enrollmentId } })).timezone).toBe("Asia/Tokyo");
});

test.describe("with a New York browser", () => {
  test.use({ timezoneId: "America/New_York" });

  test("the enrol form suggests the device's zone and takes another from the list, never free text", async ({ page, context, user }) => {
    await signInAs(context, user);
    await page.goto("/roadmaps/swe-to-ai-engineer");
    const zone = page.getByLabel("Time zone");
    await expect(zone).toHaveValue("America/New_York");
    expect(await zone.evaluate((el) => el.tagName)).toBe("SELECT");
    await page.getByLabel("Search the list by city or region").fill("paris");
    await expect(zone).toHaveValue("Europe/Paris");
    await expect(page.getByRole("button", { name: "Use this device's zone: America/New York" })).toBeVisible();
    await page.getByRole("button", { name: "Enrol" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    const enrollment = await testDb().enrollment.findFirstOrThrow({ where: { userId: user.id } });
    expect(enrollment.timezone).toBe("Europe/Paris");
  });
});

test("each dashboard milestone has a Resources disclosure with its curated links", async ({ page, context, enrolledUser }) => {
  await signInAs(context, enrolledUser);
  await page.goto("/dashboard");
  const row = page.getByTestId("milestone-karpathy-zero-to-hero");
  const resources = row.getByTestId("milestone-resources");
  const link = resources.getByRole("link", { name: /Neural Networks: Zero to Hero/ });
  await expect(link).toBeHidden();
  await resources.getByText(/^Resources \(1\)/).click();
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", "https://karpathy.ai/zero-to-hero.html");
  await expect(resources).toContainText("Video · ≈ 20 h");
  expect((await axe(page).include("[data-testid=milestone-karpathy-zero-to-hero]").analyze()).violations.map((v) => v.id)).toEqual([]);
  const rows = await page.locator("li[data-testid^=milestone-]").count();
  expect(await page.getByTestId("milestone-resources").count()).toBe(rows);
});

test("the roadmap page shows each milestone's resources", async ({ page }) => {
  await page.goto("/roadmaps/swe-to-mle");
  const fastai = page.getByTestId("milestone-resources").filter({ hasText: "fast.ai's Practical Deep Learning course" });
  await fastai.locator("summary").click();
  await expect(fastai.getByRole("link", { name: /Practical Deep Learning for Coders/ })).toHaveAttribute("href", "https://course.fast.ai/");
  expect((await axe(page).analyze()).violations.map((v) => v.id)).toEqual([]);
});

test("/favicon.ico is an icon", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const body = await res.body();
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});

test("arrow keys move the check-in's confidence", async ({ page, context, enrolledUser }) => {
  await signInAs(context, enrolledUser);
  await page.goto("/checkin");
  const radio = (name: RegExp) => page.getByRole("radio", { name });
  await radio(/3\s*Steady/).click();
  await expect(radio(/3\s*Steady/)).toBeChecked();
  await page.keyboard.press("ArrowRight");
  await expect(radio(/4\s*Good/)).toBeChecked();
  await expect(radio(/4\s*Good/)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(radio(/2\s*Shaky/)).toBeChecked();
  await expect(radio(/3\s*Steady/)).not.toBeChecked();
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test("every tap target is at least 44 px, or has 44 px of room around it", async ({ page, context, enrolledUser }) => {
    await signInAs(context, enrolledUser);
    for (const path of ["/dashboard", "/checkin", "/settings", "/roadmaps/swe-to-mle", "/roadmaps"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const small = await page.evaluate(() => {
        const els = [...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary")];
        const boxes = els
          // A checkbox or radio is tapped through its label.
          .map((el) => (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") && el.closest("label")) || el)
          .filter((el, i, all) => all.indexOf(el) === i)
          .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest(".sr-only"))
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 1 && r.height > 1);
        const grown = (r: DOMRect) => {
          const cx = r.left + r.width / 2,
            cy = r.top + r.height / 2;
          const w = Math.max(44, r.width),
            h = Math.max(44, r.height);
          return { left: cx - w / 2, right: cx + w / 2, top: cy - h / 2, bottom: cy + h / 2 };
        };
        const overlaps = (a: { left: number; right: number; top: number; bottom: number }, b: DOMRect) =>
          a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        return (
          boxes
            .filter(({ r }) => r.width < 44 || r.height < 44)
            // Too small, and its 44 × 44 area reaches into another target (WCAG 2.5.8's spacing test at 44 px).
            .filter(({ el, r }) => boxes.some((o) => o.el !== el && !o.el.contains(el) && !el.contains(o.el) && overlaps(grown(r), o.r)))
            .map(
              ({ el, r }) =>
                `${el.tagName.toLowerCase()} "${(el.textContent || "").trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
            )
        );
      });
      expect(small, path).toEqual([]);
    }
  });

  test("a phone that can install the app is offered it once; Not now is remembered", async ({ page, context, enrolledUser }) => {
    await signInAs(context, enrolledUser);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const fire = () =>
      page.evaluate(() => {
        const event = Object.assign(new Event("beforeinstallprompt", { cancelable: true }), {
          prompt: async () => {
            (window as unknown as { prompted: number }).prompted = ((window as unknown as { prompted?: number }).prompted ?? 0) + 1;
          },
          userChoice: Promise.resolve({ outcome: "accepted" as const }),
        });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    // networkidle doesn't mean hydrated: the hint's listener may not be attached yet, so fire until it is.
    await expect.poll(fire).toBe(true);
    const hint = page.getByRole("complementary", { name: "Install the app" });
    await expect(hint).toBeVisible();
    expect((await axe(page).include("[data-testid=install-hint]").analyze()).violations.map((v) => v.id)).toEqual([]);
    await hint.getByRole("button", { name: "Install" }).click();
    await expect(hint).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);

    expect(await fire()).toBe(true);
    await hint.getByRole("button", { name: "Not now" }).click();
    await expect(hint).toBeHidden();
    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await fire()).toBe(false);
    await expect(hint).toBeHidden();
  });
});
