import AxeBuilder from "@axe-core/playwright";
import { expect, pageBrightness, signInAs, test } from "./fixtures";

const pages = [
  { name: "home", path: "/", signedIn: false },
  { name: "signin", path: "/signin", signedIn: false },
  { name: "signin confirm", path: `/signin/confirm?token=${"ab".repeat(32)}&email=ada.lovelace%40example.com`, signedIn: false },
  { name: "roadmaps", path: "/roadmaps", signedIn: false },
  { name: "roadmap", path: "/roadmaps/swe-to-mle", signedIn: true },
  { name: "dashboard", path: "/dashboard", signedIn: true },
  { name: "checkin", path: "/checkin", signedIn: true },
  { name: "settings", path: "/settings", signedIn: true },
  { name: "assessment", path: "/assessment", signedIn: true },
  { name: "shipped", path: "/shipped", signedIn: true },
  { name: "pivot", path: "/pivot", signedIn: true },
  { name: "digest", path: "/digest", signedIn: true },
  { name: "paths", path: "/paths", signedIn: false },
  { name: "assessment signed out", path: "/assessment", signedIn: false },
  { name: "partners", path: "/partners", signedIn: true },
];

for (const p of pages) {
  test(`${p.name}: no accessibility violations, no horizontal scroll, nothing blocked by the CSP`, async ({
    page,
    context,
    enrolledUser,
  }, testInfo) => {
    if (p.signedIn) await signInAs(context, enrolledUser);
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(p.path);
    await expect(page.locator("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
    // Hydrated: React ran, so its scripts were allowed.
    expect(await page.evaluate(() => document.querySelectorAll("script[nonce]").length)).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`${p.name}.png`), fullPage: true });
  });
}

test("dark mode follows the system setting and stays accessible", async ({ page, context, enrolledUser }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signInAs(context, enrolledUser);
  await page.goto("/dashboard");
  expect(await pageBrightness(page)).toBeLessThan(50);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
