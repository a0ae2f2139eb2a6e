// This week's plan, as a person meets it: on the dashboard (above the fold, on a phone too) and at
// the top of /checkin, with milestones and hours; a check-in that logs hours on a milestone worked on
// (not finished) moves the week's progress and that milestone's hours, on both pages.
import { expect, signInAs, test, testDb } from "./fixtures";
import { createEnrollment, createUser } from "../support/factories";
import { localDaysAgo } from "../support/dates";

test("This week lists milestones with hours, and logging hours on one moves the week's progress", async ({ page, context }) => {
  const user = await createUser("this-week");
  // Three weeks into a 12-month plan at 12 h a week; nothing ticked yet.
  const enrollment = await createEnrollment(user.id, "swe-to-mle", { startDate: localDaysAgo(21) });
  await testDb().enrollment.update({ where: { id: enrollment.id }, data: { weeklyHours: 12 } });
  const [first, second] = await testDb().milestone.findMany({
    where: { roadmapId: enrollment.roadmapId, retiredAt: null },
    orderBy: [{ phase: { position: "asc" } }, { position: "asc" }],
    take: 2,
  });
  // The plan's figures below are worked out from these estimates (10 h and 8 h on swe-to-mle).
  expect([first!.effortHours, second!.effortHours]).toEqual([10, 8]);
  await signInAs(context, user);

  const thisWeek = page.getByRole("region", { name: "This week" });
  const items = thisWeek.getByTestId("this-week-item");
  const expectPlan = async (progress: string, rows: [string, string][]) => {
    await expect(thisWeek.getByTestId("week-progress")).toHaveText(progress);
    await expect(items).toHaveCount(rows.length);
    for (const [i, [title, hours]] of rows.entries()) {
      await expect(items.nth(i)).toContainText(title);
      await expect(items.nth(i).getByTestId("this-week-hours")).toHaveText(hours);
    }
  };

  await page.goto("/dashboard");
  await expectPlan("0 of 12 hours done this week", [
    [first!.title, "10 h"],
    [second!.title, "2 of its 8 h this week"],
  ]);
  // Before the milestone list, and on screen without scrolling (a phone's viewport too).
  const box = (await thisWeek.boundingBox())!;
  expect(box.y).toBeLessThan(page.viewportSize()!.height);
  const firstRow = (await page.getByTestId(`milestone-${first!.slug}`).boundingBox())!;
  expect(box.y).toBeLessThan(firstRow.y);

  await page.goto("/checkin");
  await expectPlan("0 of 12 hours done this week", [
    [first!.title, "10 h"],
    [second!.title, "2 of its 8 h this week"],
  ]);
  // Worked on the first milestone for 2 hours, without finishing it.
  const chip = page.locator(`[data-worked-on="${first!.id}"]`);
  await chip.click();
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  // Filled in with the whole week's budget; this week it was 2 hours.
  await expect(page.getByLabel("Hours")).toHaveValue("12");
  await page.getByLabel("Hours").fill("2");
  await page.getByRole("radio", { name: /3\s*Steady/ }).click();
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  const done = page.getByRole("region", { name: "Checked in" });
  await expect(done).toBeVisible();
  await expect(done.getByTestId("next-this-week")).toHaveText(`Next this week: ${first!.title} (8 h).`);

  // Its 2 h count against its estimate (8 h left) and against the week (10 h left).
  await expectPlan("2 of 12 hours done this week", [
    [first!.title, "8 h"],
    [second!.title, "2 of its 8 h this week"],
  ]);
  // Another check-in starts afresh: nothing marked, the 10 h the week has left filled in.
  await done.getByRole("button", { name: "Log another check-in" }).click();
  await expect(chip).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByLabel("Hours")).toHaveValue("10");
  const [row] = await testDb().checkIn.findMany({ where: { userId: user.id } });
  expect([row!.hours.toNumber(), row!.workedSkillIds]).toEqual([2, [first!.skillId]]);
  // Worked on, not done.
  expect(await testDb().milestoneProgress.findFirst({ where: { userId: user.id, skillId: first!.skillId, status: "done" } })).toBeNull();

  await page.goto("/dashboard");
  await expectPlan("2 of 12 hours done this week", [
    [first!.title, "8 h"],
    [second!.title, "2 of its 8 h this week"],
  ]);
  await expect(page.getByTestId(`milestone-${first!.slug}`).getByTestId("hours-logged")).toHaveText("· 2 of 10 h logged");
});
