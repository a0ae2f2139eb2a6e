// Viewport screenshots at 360 px and desktop, for looking at the app as a user does.
//   (with the stack running: npx tsx tests/support/serve-stack.ts)
//   TEST_APP_URL=… TEST_DATABASE_URL=… npx tsx tests/support/screenshots.ts [outDir]
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";
import { isoWeekOf } from "../../lib/calendar/iso-weeks";
import { createShippedRecord, createUser, seedHistory, SESSION_COOKIE, testDb } from "./factories";
import { localDaysAgo, shiftLocalDays } from "./dates";

const outDir = process.argv[2] ?? "test-results/screens";
const base = process.env.TEST_APP_URL ?? "http://localhost:3100";
const user = await createUser("shots");
// Five months in, replanned from 12 to 15 months a month ago: every line of the pace chart shows.
const daysAgo = (n: number) => localDaysAgo(n);
const enrollment = await seedHistory(user.id, {
  start: daysAgo(150),
  targetMonths: 12,
  ticks: [
    ["gradient-descent-intuition", 6],
    ["loss-function-choice", 13],
    ["evaluation-metric-choice", 27],
    ["bias-variance-in-practice", 41],
    ["pytorch-fluency", 70],
    ["karpathy-zero-to-hero", 105],
    ["hugging-face-transformers", 131],
    ["image-classifier-from-scratch", 144],
  ].map(([skill, day]) => ({ skill: String(skill), day: Number(day) })),
  changes: [{ kind: "replanned", day: 120, toTargetMonths: 15 }],
});
// Weekly check-ins for two months, one week missed (the streak's freeze bridges it).
await testDb().checkIn.createMany({
  data: [0, 7, 14, 28, 35, 42, 49, 56].map((days, i) => {
    const at = shiftLocalDays(new Date(), -days);
    return {
      userId: user.id,
      enrollmentId: enrollment.id,
      isoWeek: isoWeekOf(at, "Europe/London"),
      hours: [6, 4.5, 8, 3, 7, 5, 2, 6][i]!,
      confidence: [4, 3, 4, 2, 3, 3, 2, 3][i]!,
      note: i === 0 ? "Finished the PyTorch fluency exercises; next, a first look at serving a model behind an API." : null,
      idempotencyKey: `shots-${user.id}-${i}`,
      createdAt: at,
    };
  }),
});
// A feature shipped 95 days ago: /shipped shows the 90 days reached and the tick on its way.
await createShippedRecord(user.id, { launchDate: daysAgo(95) });
const browser = await chromium.launch(chromiumLaunchOptions());
for (const [name, viewport] of [
  ["phone", { width: 360, height: 780 }],
  ["desktop", { width: 1280, height: 900 }],
] as const) {
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    await context.addCookies([{ name: SESSION_COOKIE, value: user.sessionToken, domain: new URL(base).hostname, path: "/" }]);
    const page = await context.newPage();
    for (const path of ["/checkin", "/dashboard", "/settings", "/digest", "/shipped", "/roadmaps/swe-to-mle", "/roadmaps"]) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("networkidle");
      await page.screenshot({
        path: `${outDir}/${name}-${scheme}${path.replace(/\//g, "_")}.png`,
        fullPage: path === "/checkin" || path === "/settings" || path === "/shipped",
      });
      if (path === "/dashboard") {
        await page.locator("section[aria-labelledby=pace-heading]").screenshot({ path: `${outDir}/${name}-${scheme}_pace.png` });
        await page.locator("section[aria-labelledby=checkins-heading]").screenshot({ path: `${outDir}/${name}-${scheme}_checkins.png` });
      }
    }
    await context.close();
  }
}
await browser.close();
process.exit(0);
