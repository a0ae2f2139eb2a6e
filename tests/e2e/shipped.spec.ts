import AxeBuilder from "@axe-core/playwright";
import { createShippedRecord } from "../support/factories";
import { expect, runMaintenancePass, signInAs, test } from "./fixtures";
import { dayOfIso, formatDay } from "../../lib/calendar/days";
import { localDaysAgo } from "../support/dates";

/** The London date `days` before today (the test users' zone). */
const daysAgo = (days: number) => localDaysAgo(days);
const shown = (iso: string) => formatDay(dayOfIso(iso));

test("a user records a shipped feature launched 30 days ago, sees 60 days to go and copies a CV bullet", async ({
  page,
  context,
  enrolledUser,
  baseURL,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signInAs(context, enrolledUser);

  // The dashboard's footer and the ship milestone both lead to the record.
  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: "Your shipped feature" })).toBeVisible();
  await page.getByTestId("milestone-ship-feature-at-work").getByRole("link", { name: "Record the shipped feature" }).click();
  await expect(page.getByRole("heading", { name: "Your shipped ML feature" })).toBeVisible();

  await page.getByLabel("What you shipped").fill("customer-support ticket classifier");
  await page.getByLabel("The problem it solves").fill("Agents sorted every incoming ticket by hand.");
  await page.getByLabel("The model").fill("DistilBERT, fine-tuned");
  await page.getByLabel("Launch date").fill(daysAgo(30));
  await page.getByLabel("Eval methodology (link)").fill("wiki/eval");
  await page.getByLabel("Monitoring dashboard (link)").fill("https://grafana.example.test/d/triage");
  await page.getByLabel("Metric").fill("manual triage");
  await page.getByLabel("Before").fill("100");
  await page.getByLabel("After").fill("33");
  await page.getByLabel("Unit (optional)").fill("%");
  await page.getByLabel("Volume").fill("8,000 tickets a week");
  await page.getByRole("button", { name: "Add an incident" }).click();
  await page.getByLabel("Incident 1: date").fill(daysAgo(12));
  await page.getByLabel("What happened").fill("Accuracy dropped after a wording change in the help centre");
  await page.getByLabel("What changed afterwards").fill("Retrained on fresh tickets and added a weekly drift check");
  // A second incident, added and removed again.
  await page.getByRole("button", { name: "Add an incident" }).click();
  await page.getByRole("button", { name: "Remove incident 2" }).click();

  // A bad link is caught at its field, and nothing is saved.
  await page.getByRole("button", { name: "Save the record" }).click();
  await expect(page.locator("#evalUrl-error")).toHaveText("Use a full http:// or https:// link.");
  await page.getByLabel("Eval methodology (link)").fill("https://wiki.example.test/eval");
  await page.getByRole("button", { name: "Save the record" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await expect(page.getByTestId("maintenance-countdown")).toHaveText(`Done in 60 days, on ${shown(daysAgo(-60))}`);
  const checklist = page.getByTestId("credibility-checklist");
  await expect(checklist.locator("[data-done=false]")).toHaveText([/Missing: 90 days of upkeep since launch \(30 so far\)$/]);

  const first = page.locator("#cv-ml-0");
  await expect(first).toHaveValue(
    "Shipped customer-support ticket classifier (DistilBERT, fine-tuned) to production, reducing manual triage by 67% (from 100% to 33%) across 8,000 tickets a week.",
  );
  await page.getByRole("button", { name: "Copy: For ML Engineer roles, bullet 1" }).click();
  await expect(page.getByTestId("cv-bullets-ml").getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await first.inputValue());
  // An edited bullet is copied as edited.
  await page.locator("#cv-swe-1").fill("Operated the classifier service for a month, with dashboards and alerting.");
  await page.getByRole("button", { name: "Copy: For staying on the software engineering track, bullet 2" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe("Operated the classifier service for a month, with dashboards and alerting.");

  // Everything is still there after a reload, and the dashboard shows the same countdown.
  await page.reload();
  await expect(page.getByLabel("What you shipped")).toHaveValue("customer-support ticket classifier");
  await expect(page.getByLabel("What happened")).toHaveValue("Accuracy dropped after a wording change in the help centre");
  // Filled in, with the countdown, checklist and bullets showing: still no accessibility violations.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // At 360 px: nothing scrolls sideways, and every control is at least 44 px tall.
  await page.setViewportSize({ width: 360, height: 780 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const heights = await page
    .locator("main button, main input:not([type=checkbox]), main a")
    .evaluateAll((els) => els.map((el) => ({ what: el.textContent.trim() || el.id, height: el.getBoundingClientRect().height })));
  expect(heights.filter((h) => h.height < 44)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("shipped-360.png"), fullPage: true });

  await page.goto("/dashboard");
  const maintain = page.getByTestId("milestone-maintain-feature-3-months");
  await expect(maintain.getByTestId("milestone-countdown")).toHaveText(`Done in 60 days, on ${shown(daysAgo(-60))}`);
  await expect(maintain).toHaveAttribute("data-status", "not_started");
  await expect(page.getByTestId("milestone-ship-feature-at-work")).toHaveAttribute("data-status", "done");
  await maintain.screenshot({ path: testInfo.outputPath("dashboard-maintain-360.png") });
});

test("a user whose feature launched 95 days ago sees the maintenance milestone due, then ticked by the background pass", async ({
  page,
  context,
  enrolledUser,
}) => {
  await signInAs(context, enrolledUser);
  // Saved weeks ago, when the 90 days weren't up: saving would have ticked it at once otherwise.
  await createShippedRecord(enrolledUser.id, { launchDate: daysAgo(95) });

  // Opening the page changes nothing: it says when the milestone will be ticked.
  await page.goto("/shipped");
  await expect(page.getByTestId("maintenance-countdown")).toHaveText(
    "90 days of upkeep reached. Waypoint ticks the milestone for you within the next 15 minutes.",
  );
  await expect(page.getByTestId("credibility-checklist").locator("[data-done=true]")).toHaveText([/Done: 90 days of upkeep since launch$/]);
  await page.goto("/dashboard");
  const maintain = page.getByTestId("milestone-maintain-feature-3-months");
  await expect(maintain).toHaveAttribute("data-status", "not_started");
  await expect(maintain.getByTestId("milestone-countdown")).toHaveCount(0);

  expect(runMaintenancePass()).toBeGreaterThanOrEqual(1);
  await page.reload();
  await expect(maintain).toHaveAttribute("data-status", "done");
  await page.goto("/shipped");
  await expect(page.getByTestId("maintenance-countdown")).toHaveText("Done: 90 days of upkeep, and the milestone is ticked.");
});
