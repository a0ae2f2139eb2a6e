import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { createEnrollment, createUser, SESSION_COOKIE, testDb, uniqueEmail, type TestUser } from "../support/factories";
import { magicLinkIn, waitForMail } from "../support/mail-capture";
import { runCommand } from "../support/test-lib";

export { expect };

const mailDir = () => {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error("MAIL_DIR is not set: run the tests with `npm test`.");
  return dir;
};

/** Signs in the way tests should by default: a session row written directly, its cookie set. */
export async function signInAs(context: BrowserContext, user: TestUser): Promise<void> {
  const { hostname } = new URL(process.env.TEST_APP_URL ?? "http://localhost:3100");
  await context.addCookies([
    { name: SESSION_COOKIE, value: user.sessionToken, domain: hostname, path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
}

/**
 * The page background's brightness, 0 (black) to 255 (white). Tailwind's colours are lab()/oklch(),
 * so the computed value is painted on a canvas and read back as RGB.
 */
export async function pageBrightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return (r! + g! + b!) / 3;
  });
}

/** Answers the self-assessment as a mid-career engineer who likes the work, wants the long game and can ship ML at work, without maths. */
export async function answerAssessmentAsMidCareerShipper(page: Page): Promise<void> {
  const answer = (question: RegExp, option: RegExp) =>
    page.getByRole("group", { name: question }).getByRole("radio", { name: option }).check();
  await answer(/1\. Does the operational side/, /^Interesting/);
  await answer(/2\. How long/, /^3–7 years/);
  await answer(/3\. What are you optimising for/, /^Skills that keep paying off/);
  await answer(/4\. Could you ship/, /^Yes/);
  await answer(/5\. Do you have a maths/, /^No/);
}

/**
 * One "maintained 3+ months" pass over the test database, by the product's own command: the app's
 * background job runs it every 15 minutes, and the test stack runs no background jobs
 * (DIGEST_SCHEDULER=off). Returns how many records it ticked.
 */
export function runMaintenancePass(): number {
  const run = runCommand("lib/cli/shipped-maintenance.ts");
  const summary = /^checked \d+, ticked (\d+)$/m.exec(run.stdout);
  if (run.status !== 0 || !summary) throw new Error(`npm run shipped-maintenance failed (${run.status}):\n${run.stdout}${run.stderr}`);
  return Number(summary[1]);
}

/** Requests a magic link through the UI (from `signInPath`, which may carry a callbackUrl) and returns it, as received by the SMTP server. */
export async function requestMagicLink(page: Page, email: string, signInPath = "/signin"): Promise<string> {
  const since = new Date();
  await page.goto(signInPath);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  return magicLinkIn(await waitForMail(mailDir(), email, since));
}

/** Opens the email's link as its owner does: the confirmation page, then its "Sign in" button. */
export async function openMagicLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Sign in to Waypoint" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
}

export const test = base.extend<{ user: TestUser; enrolledUser: TestUser & { enrollmentId: string } }>({
  user: async ({}, use) => {
    await use(await createUser("e2e"));
  },
  enrolledUser: async ({}, use) => {
    const user = await createUser("e2e");
    const enrollment = await createEnrollment(user.id);
    await use({ ...user, enrollmentId: enrollment.id });
  },
});

export { testDb, uniqueEmail };
