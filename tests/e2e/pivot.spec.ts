import { call, testDb } from "../support/factories";
import { expect, signInAs, test } from "./fixtures";

const DRIFT = "Detect drift and respond to incidents";
const PYTORCH = "PyTorch fluency: tensors, autograd, training loops";
const SERVE = "Serve a model behind an API: FastAPI, Docker, a cloud host";

test("a user tracks an application through its stages, logs two interviews and checks a job description against the roadmap", async ({ page, context, enrolledUser }, testInfo) => {
  // Both profiles run it at 360 px, the narrowest phone the page is built for.
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAs(context, enrolledUser);
  const pytorch = await testDb().milestone.findFirstOrThrow({ where: { roadmap: { slug: "swe-to-mle" }, skill: { slug: "pytorch-fluency" } } });
  const drift = await testDb().milestone.findFirstOrThrow({ where: { roadmap: { slug: "swe-to-mle" }, skill: { slug: "drift-detection-incident-response" } } });
  const ticked = await call("PUT", `/api/enrollments/${enrolledUser.enrollmentId}/milestones/${pytorch.id}`, { user: enrolledUser, body: { status: "done" } });
  expect(ticked.status).toBe(200);

  // The phase-4 milestone on the dashboard leads to the page.
  await page.goto("/dashboard");
  await page.getByTestId("milestone-apply-ml-engineer-roles").getByRole("link", { name: "Applications and interviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Applications and interviews" })).toBeVisible();
  await expect(page.getByTestId("apply-milestone")).toHaveAttribute("data-status", "not_started");

  await page.getByRole("button", { name: "New application" }).click();
  await page.getByLabel("Company").fill("Acme AI");
  await page.getByLabel("Role", { exact: true }).fill("Machine Learning Engineer");
  await page.getByLabel("Stage").selectOption("applied");
  await page.getByRole("button", { name: "Save application" }).click();

  const card = page.getByRole("listitem", { name: "Acme AI: Machine Learning Engineer" });
  await expect(card.getByTestId("stage")).toHaveText("Applied");
  // Sending it ticked "Apply for ML Engineer roles".
  await expect(page.getByTestId("apply-milestone")).toHaveAttribute("data-status", "done");

  await card.getByLabel("Move to").selectOption("screen");
  await card.getByRole("button", { name: "Move" }).click();
  await expect(card.getByTestId("stage")).toHaveText("Screen");
  await card.getByLabel("Move to").selectOption("technical");
  await card.getByRole("button", { name: "Move" }).click();
  await expect(card.getByTestId("stage")).toHaveText("Technical");
  await expect(card.getByTestId("stage-history")).toHaveText(/^Applied .+ → Screen .+ → Technical .+$/);
  // Only forward moves are offered.
  await expect(card.getByLabel("Move to").locator("option")).toHaveText(["Final round", "Offer", "Rejected", "Withdrawn"]);

  await card.getByRole("button", { name: "Log an interview" }).click();
  await card.getByLabel("Kind").selectOption("ml_depth");
  await card.getByLabel(/How it felt/).selectOption("2");
  await card.getByLabel("What they asked").fill("How would you notice the model getting worse after launch?");
  await card.getByLabel("What went badly").fill("No concrete drift metric to name");
  await card.getByRole("checkbox", { name: DRIFT }).check();
  await card.getByRole("button", { name: "Save interview" }).click();
  await expect(card.getByTestId("interview")).toHaveCount(1);

  await card.getByRole("button", { name: "Log an interview" }).click();
  await card.getByLabel("Kind").selectOption("coding");
  await card.getByLabel(/How it felt/).selectOption("4");
  await card.getByRole("checkbox", { name: PYTORCH }).check();
  await card.getByRole("button", { name: "Save interview" }).click();
  await expect(card.getByTestId("interview")).toHaveCount(2);
  await expect(page.getByTestId("interview-count")).toHaveText("2 interviews logged");

  // The weak skill links back to its milestone on the dashboard.
  const weak = card.getByTestId("interview").first().getByRole("link", { name: DRIFT });
  await expect(weak).toHaveAttribute("href", `/dashboard#milestone-${drift.id}`);

  // The job-description gap check, split by what is done.
  await card.getByText("Job description gap check").click();
  await card.getByLabel("Paste the job description").fill(
    "ML Engineer. You'll train models in PyTorch, serve models behind FastAPI on Kubernetes and build drift detection for our fraud models.",
  );
  await card.getByRole("button", { name: "Check against my roadmap" }).click();
  await expect(card.getByTestId("gaps-done").getByRole("link")).toHaveText([PYTORCH]);
  await expect(card.getByTestId("gaps-not-done").getByRole("link")).toHaveText([SERVE, DRIFT]);

  // Nothing scrolls sideways at 360 px.
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: testInfo.outputPath("pivot-360.png"), fullPage: true });

  // Still there after a reload, and the link back opens the dashboard at that milestone.
  await page.reload();
  await expect(page.getByTestId("interview-count")).toHaveText("2 interviews logged");
  await page.getByRole("link", { name: DRIFT }).first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard#milestone-${drift.id}$`));
  await expect(page.getByTestId("milestone-drift-detection-incident-response")).toBeVisible();
});
