import AxeBuilder from "@axe-core/playwright";
import { call, testDb } from "../support/factories";
import { localDaysAgo } from "../support/dates";
import { expect, pageBrightness, signInAs, test } from "./fixtures";

const DRIFT = "Detect drift and respond to incidents";
const PYTORCH = "PyTorch fluency: tensors, autograd, training loops";
const SERVE = "Serve a model behind an API: FastAPI, Docker, a cloud host";

test("a user tracks an application through its stages, logs two interviews, reopens a weak skill, checks a job description and reads the offer against the bands", async ({
  page,
  context,
  enrolledUser,
}, testInfo) => {
  // A long flow (a dozen saves and an axe pass) on a shared machine: three times the default timeout.
  test.slow();
  // The phone profiles run it at 360 px, the narrowest phone the page is built for; desktop at its own size.
  if (testInfo.project.name !== "desktop") await page.setViewportSize({ width: 360, height: 800 });
  await signInAs(context, enrolledUser);
  const pytorch = await testDb().milestone.findFirstOrThrow({
    where: { roadmap: { slug: "swe-to-mle" }, skill: { slug: "pytorch-fluency" } },
  });
  const drift = await testDb().milestone.findFirstOrThrow({
    where: { roadmap: { slug: "swe-to-mle" }, skill: { slug: "drift-detection-incident-response" } },
  });
  const ticked = await call("PUT", `/api/enrollments/${enrolledUser.enrollmentId}/milestones/${pytorch.id}`, {
    user: enrolledUser,
    body: { status: "done", note: "Wrote a training loop from scratch" },
  });
  expect(ticked.status).toBe(200);

  // The phase-4 milestone on the dashboard leads to the page.
  await page.goto("/dashboard");
  await expect(page.getByTestId("milestone-first-rough-interviews").getByTestId("milestone-interview-count")).toHaveText(
    "0 of 5 interviews logged",
  );
  await page.getByTestId("milestone-apply-ml-engineer-roles").getByRole("link", { name: "Applications and interviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Applications and interviews" })).toBeVisible();
  await expect(page.getByTestId("apply-milestone")).toHaveAttribute("data-status", "not_started");

  // Before applying: nothing of the credibility check is in place yet, each item links to where it is done.
  await expect(page.getByTestId("readiness-summary")).toHaveText("0 of 3 ready");
  await expect(page.getByTestId("readiness").getByRole("link")).toHaveText([
    "Shipped feature recorded",
    "Eval methodology documented",
    "CV bullets drafted",
  ]);
  await expect(page.getByTestId("readiness").getByRole("link", { name: "Shipped feature recorded" })).toHaveAttribute("href", "/shipped");

  // A weekly target, paced in the plan's words, and an interview goal of 5 (the default) kept.
  await page.getByLabel("Applications a week").fill("2");
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByTestId("pivot-pace-applications").getByTestId("pace-status")).toHaveText("Just started");

  await page.getByRole("button", { name: "New application" }).click();
  await page.getByLabel("Company").fill("Acme AI");
  await page.getByLabel("Role", { exact: true }).fill("Machine Learning Engineer");
  await page.getByLabel("Stage").selectOption("applied");
  await page.getByRole("button", { name: "Save application" }).click();

  const card = page.getByRole("listitem", { name: "Acme AI: Machine Learning Engineer" });
  await expect(card.getByTestId("stage")).toHaveText("Applied");
  // Sending it ticked "Apply for ML Engineer roles", and this week's count went up.
  await expect(page.getByTestId("apply-milestone")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("pivot-pace-applications")).toContainText("1 so far this week, against a target of 2 a week");

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
  await card.getByLabel("Date").fill(localDaysAgo(1));
  await card.getByLabel("Kind").selectOption("ml_depth");
  await card.getByLabel(/How it felt/).selectOption("2");
  await card.getByLabel("What they asked").fill("How would you notice the model getting worse after launch?");
  await card.getByLabel("What went badly").fill("No concrete drift metric to name");
  await card.getByRole("checkbox", { name: DRIFT }).check();
  await card.getByRole("button", { name: "Save interview" }).click();
  await expect(card.getByTestId("interview")).toHaveCount(1);

  await card.getByRole("button", { name: "Log an interview" }).click();
  await card.getByLabel("Kind").selectOption("coding");
  await card.getByLabel(/How it felt/).selectOption("2");
  await card.getByLabel("What went badly").fill("Forgot to zero the gradients");
  await card.getByRole("checkbox", { name: PYTORCH }).check();
  await card.getByRole("button", { name: "Save interview" }).click();
  await expect(card.getByTestId("interview")).toHaveCount(2);
  await expect(page.getByTestId("interview-count")).toHaveText("2 of 5 interviews logged");

  // Each weak skill links back to its milestone on the dashboard; a done one can be reopened for review.
  const weak = card.getByTestId("interview").first().getByRole("link", { name: DRIFT });
  await expect(weak).toHaveAttribute("href", `/dashboard#milestone-${drift.id}`);
  const second = card.getByTestId("interview").nth(1);
  await expect(second.getByRole("link", { name: PYTORCH })).toHaveAttribute("href", `/dashboard#milestone-${pytorch.id}`);
  await second.getByRole("button", { name: `Reopen for review: ${PYTORCH}` }).click();
  await expect(second.getByText("in progress")).toBeVisible();
  await expect(second.getByRole("button", { name: /Reopen for review/ })).toHaveCount(0);

  // The job-description gap check, split by what is done (PyTorch is in progress again, so not done).
  await card.getByText("Job description gap check").click();
  await card
    .getByLabel("Paste the job description")
    .fill(
      "ML Engineer. You'll train models in PyTorch, serve models behind FastAPI on Kubernetes and build drift detection for our fraud models.",
    );
  await card.getByRole("button", { name: "Check against my roadmap" }).click();
  await expect(card.getByTestId("gaps-not-done").getByRole("link")).toHaveText([PYTORCH, SERVE, DRIFT]);
  await expect(card.getByTestId("gaps-done")).toContainText("None.");

  // An offer, read against the London bands for its level.
  await card.getByLabel("Move to").selectOption("offer");
  await card.getByRole("button", { name: "Move" }).click();
  await expect(card.getByTestId("stage")).toHaveText("Offer");
  // Only closing moves are left: none is chosen for the user, so a stray tap can't reject an offer.
  await expect(card.getByLabel("Move to")).toHaveValue("");
  await expect(card.getByRole("button", { name: "Move" })).toBeDisabled();
  await card.getByLabel("Base salary (£ a year)").fill("£125,000");
  await card.getByLabel("Level").selectOption("Senior");
  await card.getByRole("button", { name: "Compare" }).click();
  await expect(card.getByTestId("offer-reading")).toHaveText(
    "£125,000 is within the ML Engineer band for Senior (£120–165k) and within the Software Engineer band (£95–130k). Source: JobLabs, 2026.",
  );
  await card.getByLabel("Base salary (£ a year)").fill("110000");
  await card.getByRole("button", { name: "Compare" }).click();
  await expect(card.getByTestId("offer-reading")).toContainText(
    "£110,000 is below the ML Engineer band for Senior (£120–165k) and within the Software Engineer band",
  );

  // Nothing scrolls sideways.
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: testInfo.outputPath("pivot-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await pageBrightness(page)).toBeLessThan(50);
  const dark = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(dark.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("pivot-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // Still there after a reload; the dashboard's interviews row counts them and the link back opens that milestone.
  await page.reload();
  await expect(page.getByTestId("interview-count")).toHaveText("2 of 5 interviews logged");
  await page.getByRole("link", { name: DRIFT }).first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard#milestone-${drift.id}$`));
  await expect(page.getByTestId("milestone-drift-detection-incident-response")).toBeVisible();
  await expect(page.getByTestId("milestone-first-rough-interviews").getByTestId("milestone-interview-count")).toHaveText(
    "2 of 5 interviews logged",
  );
  await expect(page.getByTestId("milestone-pytorch-fluency")).toHaveAttribute("data-status", "in_progress");
});
