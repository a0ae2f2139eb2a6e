// An accountability partner, start to finish, as the two people meet it: A invites B from Settings;
// the email arrives over SMTP; B signs up by magic link with that address and accepts; B sees A's
// roadmap and pace but not A's note nor email; A opts in evidence links and B then sees them; B
// leaves kudos and A sees it on the dashboard; A removes B and B's view 404s.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openMagicLink, requestMagicLink, signInAs, test } from "./fixtures";
import { createUser, seedHistory, testDb, uniqueEmail } from "../support/factories";
import { waitForMail } from "../support/mail-capture";
import { localDaysAgo } from "../support/dates";

const INVITE_LINK = /https?:\/\/\S+\/partners\/invite\/[A-Za-z0-9_-]{43}/;

async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("A invites B by email; B accepts and sees what A shares, then evidence once opted in; kudos reach A; removing B 404s the view", async ({
  page,
  context,
  browser,
}, testInfo) => {
  const a = await createUser("partner-a");
  await testDb().user.update({ where: { id: a.id }, data: { name: "Ada" } });
  const enrollment = await seedHistory(a.id, {
    start: localDaysAgo(60),
    targetMonths: 12,
    ticks: [{ skill: "gradient-descent-intuition", day: 6 }],
  });
  const canary = `partner-canary-${a.id}: a private worry`;
  const ticked = await testDb().milestoneProgress.findFirstOrThrow({ where: { userId: a.id, status: "done" }, include: { skill: true } });
  await testDb().milestoneProgress.update({
    where: { id: ticked.id },
    data: { note: canary, evidenceUrl: "https://example.test/ada-notebook" },
  });
  const milestoneTitle = (
    await testDb().milestone.findFirstOrThrow({ where: { roadmapId: enrollment.roadmapId, skillId: ticked.skillId } })
  ).title;
  const bEmail = uniqueEmail("partner-b");

  // A invites B from Settings, with the default field set.
  await signInAs(context, a);
  await page.goto("/settings");
  const section = page.locator("section[aria-labelledby=partners-heading]");
  await expect(section.getByLabel("Milestone notes")).not.toBeChecked();
  await expect(section.getByLabel("Email address", { exact: true })).not.toBeChecked();
  await expect(section.getByLabel("Pace verdict and buffer")).toBeChecked();
  const since = new Date();
  await section.getByLabel("Their email address").fill(bEmail);
  await section.getByRole("radio", { name: "Mentor" }).check();
  await section.getByRole("button", { name: "Send the invitation" }).click();
  await expect(section.getByTestId("invite-status")).toHaveText(`Invitation sent to ${bEmail}. It works once, for 14 days.`);
  await page.screenshot({ path: testInfo.outputPath("settings-partners.png"), fullPage: true });

  const mail = await waitForMail(process.env.MAIL_DIR!, bEmail, since);
  const link = INVITE_LINK.exec(mail.text)?.[0];
  if (!link) throw new Error(`no invitation link in: ${mail.text}`);

  // B, signed out, opens the link, signs up by magic link with that address, and accepts.
  // B's own browser, on the same device profile as this project's.
  const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL } = testInfo.project.use;
  const bContext = await browser.newContext({ viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL });
  const bPage = await bContext.newPage();
  await bPage.goto(link);
  const signInLink = bPage.getByRole("link", { name: `Sign in as ${bEmail} to accept` });
  await expect(signInLink).toBeVisible();
  const signInUrl = new URL((await signInLink.getAttribute("href")) ?? "", link);
  const signInPath = signInUrl.pathname + signInUrl.search;
  const magic = await requestMagicLink(bPage, bEmail, signInPath);
  await openMagicLink(bPage, magic);
  await expect(bPage.getByRole("heading", { name: "Ada would like you as their mentor" })).toBeVisible();
  expect(await accessibilityViolations(bPage)).toEqual([]);
  await bPage.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(bPage.getByTestId("followed-name")).toHaveText("Ada");
  await expect(bPage.getByTestId("pace-status")).toBeVisible();
  await expect(bPage.getByText(milestoneTitle).first()).toBeVisible();
  let html = await bPage.content();
  expect(html).not.toContain(canary);
  expect(html).not.toContain(a.email);
  expect(html).not.toContain("ada-notebook");
  expect(await accessibilityViolations(bPage)).toEqual([]);
  const overflow = await bPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await bPage.screenshot({ path: testInfo.outputPath("partner-view.png"), fullPage: true });

  // A opts in evidence links for B; B's next visit shows them, still not the note.
  await page.reload();
  const row = section.getByTestId("partner-row");
  await expect(row).toContainText(bEmail);
  await row.getByRole("button", { name: "Change what they see" }).click();
  await row.getByLabel("Evidence links").check();
  await row.getByRole("button", { name: /^Save what/ }).click();
  await expect(section.getByTestId("partner-sees")).toContainText("evidence links");
  await bPage.reload();
  await expect(bPage.getByTestId("followed-evidence")).toHaveAttribute("href", "https://example.test/ada-notebook");
  html = await bPage.content();
  expect(html).not.toContain(canary);

  // B leaves kudos on the milestone A finished; A sees it on the dashboard.
  await bPage.getByRole("button", { name: `Send kudos on ${milestoneTitle}` }).click();
  await expect(bPage.getByText("Kudos sent.")).toBeVisible();
  await page.goto("/dashboard");
  const note = page.getByTestId("partner-note");
  await expect(note).toContainText(`${bEmail} sent kudos on ${milestoneTitle}`);
  await page.screenshot({ path: testInfo.outputPath("dashboard-kudos.png"), fullPage: true });

  // A removes B: B's view is gone at once.
  await page.goto("/settings");
  await section.getByTestId("partner-row").getByRole("button", { name: "Remove partner" }).click();
  await expect(section.getByText("No one yet.")).toBeVisible();
  const gone = await bPage.goto(bPage.url());
  expect(gone?.status()).toBe(404);
  await bContext.close();
});
