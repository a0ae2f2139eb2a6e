// Viewport screenshots at 360 px and desktop, for looking at the app as a user does.
//   (with the stack running: npx tsx tests/support/serve-stack.ts)
//   TEST_APP_URL=… TEST_DATABASE_URL=… npx tsx tests/support/screenshots.ts [outDir]
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { createEnrollment, createUser, SESSION_COOKIE } from "./factories";

const outDir = process.argv[2] ?? "test-results/screens";
const base = process.env.TEST_APP_URL ?? "http://localhost:3100";
const user = await createUser("shots");
await createEnrollment(user.id);
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
for (const [name, viewport] of [["phone", { width: 360, height: 780 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    await context.addCookies([{ name: SESSION_COOKIE, value: user.sessionToken, domain: new URL(base).hostname, path: "/" }]);
    const page = await context.newPage();
    for (const path of ["/dashboard", "/roadmaps/swe-to-mle", "/roadmaps"]) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `${outDir}/${name}-${scheme}${path.replace(/\//g, "_")}.png` });
    }
    await context.close();
  }
}
await browser.close();
process.exit(0);
