import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/browser";

// CHROME_PATH, else Playwright's own Chromium when installed, else the system's (tests/support/browser.ts;
// `npm test` installs one first when there is none).
const launchOptions = chromiumLaunchOptions();

const baseURL = process.env.TEST_APP_URL ?? "http://localhost:3100";

// Lets tests see (and cut) requests made by the service worker: context.setOffline alone doesn't
// reach them (microsoft/playwright#2311). Read by Playwright when it launches the browser.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], browserName: "chromium", launchOptions } },
    // The iPhone 14's screen, touch and user agent, in Chromium: WebKit can't be installed on these
    // machines. For the check-in, the screen the iPhone profile exists for.
    { name: "iphone", testMatch: /checkin\.spec\.ts$/, use: { ...devices["iPhone 14"], browserName: "chromium", launchOptions } },
  ],
});
