import { expect, openMagicLink, requestMagicLink, test, uniqueEmail } from "./fixtures";

test("a new address signs in by magic link, enrols in swe-to-mle, ticks a milestone, and it is kept", async ({ page }) => {
  const email = uniqueEmail("journey");
  const link = await requestMagicLink(page, email);
  await openMagicLink(page, link);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: "Your dashboard" })).toBeVisible();

  await page.getByRole("link", { name: "Choose a roadmap" }).click();
  await page.getByRole("link", { name: /^See the roadmap\s*: Software Engineer → ML Engineer$/ }).click();
  await expect(page.getByLabel("Time zone")).not.toHaveValue("");
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Software Engineer → ML Engineer" })).toBeVisible();

  const row = page.getByTestId("milestone-gradient-descent-intuition");
  await expect(row).toHaveAttribute("data-status", "not_started");
  const saved = page.waitForResponse((r) => r.url().includes("/milestones/") && r.request().method() === "PUT");
  await row.getByRole("button", { name: /^Mark done/ }).click();
  await expect(row).toHaveAttribute("data-status", "done");
  expect((await saved).status()).toBe(200);

  await page.reload();
  await expect(row).toHaveAttribute("data-status", "done");
  await expect(page.getByRole("progressbar", { name: "Overall" })).not.toHaveAttribute("aria-valuenow", "0");
});

test("a note and an evidence link are saved with a milestone; a bad link gets a clear error", async ({ page, context, enrolledUser }) => {
  const { signInAs } = await import("./fixtures");
  await signInAs(context, enrolledUser);
  await page.goto("/dashboard");
  const row = page.getByTestId("milestone-pytorch-fluency");
  await row.getByRole("button", { name: "Note" }).click();
  await row.getByLabel("Note (where you left off)").fill("Stuck on autograd hooks");
  await row.getByLabel("Evidence link").fill("not a link");
  await row.getByRole("button", { name: "Save note" }).click();
  await expect(row.getByText("Use a full http:// or https:// link.")).toBeVisible();
  await row.getByLabel("Evidence link").fill("https://example.com/notebook");
  const saved = page.waitForResponse((r) => r.url().includes("/milestones/") && r.request().method() === "PUT");
  await row.getByRole("button", { name: "Save note" }).click();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(row.getByText("“Stuck on autograd hooks”")).toBeVisible();
  await expect(row.getByRole("link", { name: "Evidence" })).toHaveAttribute("href", "https://example.com/notebook");
});

test("a tick that fails on the server is rolled back and the user is told", async ({ page, context, enrolledUser }) => {
  const { signInAs } = await import("./fixtures");
  await signInAs(context, enrolledUser);
  await page.route("**/milestones/**", (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }),
    }),
  );
  await page.goto("/dashboard");
  const row = page.getByTestId("milestone-loss-function-choice");
  await row.getByRole("button", { name: /^Mark done/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "was not saved" })).toContainText("Something went wrong on our side.");
  await expect(row).toHaveAttribute("data-status", "not_started");
});

test("pause, resume and change the target keep history", async ({ page, context, enrolledUser }) => {
  const { signInAs } = await import("./fixtures");
  await signInAs(context, enrolledUser);
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("paused", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByText("active", { exact: true })).toBeVisible();
  await page.getByLabel("Target").selectOption("9");
  await page.getByRole("button", { name: "Change target" }).click();
  await expect(page.getByText("Replanned 1× — last from 12 to 9 months.")).toBeVisible();
  await expect(page.getByText(/target 9 months/)).toBeVisible();
});
