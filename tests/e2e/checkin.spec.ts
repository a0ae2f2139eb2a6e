// The phone check-in, end to end: the 30-second flow, the dashboard history and streak, touch targets
// and width at 360 px, the offline outbox through a reload, and the deep link through sign-in.
import type { Locator, Page } from "@playwright/test";
import { expect, openMagicLink, requestMagicLink, signInAs, test, testDb } from "./fixtures";
import { goOffline, goOnline, openControlledCheckIn } from "./offline";
import { createEnrollment, createUser } from "../support/factories";

/** Every control a thumb might hit on the page, with its size. */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main a, main button, main input, main textarea, main select, header a, header button")]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({
        el: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"`,
        ...(el.getBoundingClientRect().toJSON() as { width: number; height: number }),
      }))
      .filter((box) => box.width < 44 || box.height < 44)
      .map((box) => `${box.el} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("check in with hours, confidence, a note and two ticks; the dashboard shows it and the streak counts", async ({ page, context }) => {
  const user = await createUser("checkin");
  const enrollment = await createEnrollment(user.id);
  await signInAs(context, user);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/checkin");
  await expect(page.getByRole("heading", { name: /^Week \d+ check-in$/ })).toBeVisible();
  await expect(page.getByText("0-week streak")).toBeVisible();
  expect(await smallTargets(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  const hours = page.getByLabel("Hours");
  // Prefilled with the week's budget (8 h, nothing logged yet), and said so.
  await expect(hours).toHaveValue("8");
  await expect(page.locator("#hours-hint")).toHaveText("Filled in with the 8 h left in this week's plan.");
  // Typed after a zero, a digit replaces it: never "04".
  await hours.fill("0");
  await hours.press("End");
  await hours.pressSequentially("3");
  await expect(hours).toHaveValue("3");
  await page.getByRole("button", { name: "Half an hour more" }).click();
  await page.getByRole("button", { name: "Half an hour more" }).click();
  await page.getByRole("button", { name: "Half an hour less" }).click();
  await page.getByRole("button", { name: "Half an hour more" }).click();
  await expect(hours).toHaveValue("4");
  await page.getByRole("radio", { name: /4\s*Good/ }).click();
  const milestones = page.locator("[data-milestone]:not([disabled])");
  const titles = [await milestones.nth(0).innerText(), await milestones.nth(1).innerText()];
  await milestones.nth(0).click();
  await milestones.nth(1).click();
  await page.getByLabel(/^Note/).fill("Finished the loss functions notebook; stuck on regularisation.");
  await page.getByRole("button", { name: "Check in", exact: true }).click();

  const done = page.getByRole("region", { name: "Checked in" });
  await expect(done).toBeVisible();
  // The acknowledgement replaces the form: what was saved, the streak, what comes next.
  await expect(page.getByRole("form", { name: "Check in" })).toHaveCount(0);
  await expect(done.getByTestId("checkin-saved")).toHaveText(
    `Saved 4 h, confidence 4 (Good), done: ${titles.map((t) => t.replace(/\s*\(done\)$/, "")).join(", ")}.`,
  );
  await expect(done.getByTestId("next-this-week")).toContainText("Next this week:");
  await expect(done.getByTestId("streak-explained")).toHaveText(
    /^A streak counts weeks in a row with a check-in; a freeze covers one missed week a month/,
  );
  const pace = await page.request.get("/api/checkins");
  expect(pace.status()).toBe(200);
  // The pace after the check-in is the verdict the pacing route gives: its label and headline.
  const { pacing } = (await (await page.request.get(`/api/enrollments/${enrollment.id}/pacing`)).json()) as {
    pacing: { verdict: { label: string; headline: string } };
  };
  await expect(page.locator("#pace-after-checkin")).toHaveText(`${pacing.verdict.label}: ${pacing.verdict.headline}`);
  await expect(page.getByText("1-week streak")).toBeVisible();
  await done.getByRole("button", { name: "Log another check-in" }).click();
  await expect(page.locator("[data-milestone][disabled]")).toHaveCount(2);
  // Filled in again from what the week has left: 8 − 4.
  await expect(hours).toHaveValue("4");

  const rows = await testDb().checkIn.findMany({ where: { userId: user.id } });
  expect(rows.map((r) => [r.hours.toNumber(), r.confidence, r.note])).toEqual([
    [4, 4, "Finished the loss functions notebook; stuck on regularisation."],
  ]);

  await page.goto("/dashboard");
  const history = page.getByRole("region", { name: "Check-ins" });
  await expect(history.getByText("4 h · confidence 4/5")).toBeVisible();
  await expect(history.getByText("stuck on regularisation")).toBeVisible();
  for (const title of titles) await expect(history.getByText(title.replace(/\s*\(done\)$/, ""), { exact: false })).toBeVisible();
  await expect(history.getByText("1-week streak")).toBeVisible();
  await expect(history.getByRole("img", { name: /Last 12 weeks: 4 hours over 1 week with check-ins/ })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Edit it from the dashboard, then delete it.
  await history.getByRole("button", { name: "Edit" }).click();
  await history.getByLabel("Hours", { exact: true }).fill("5.5");
  await history.getByRole("button", { name: "Save" }).click();
  await expect(history.getByText("5.5 h · confidence 4/5")).toBeVisible();
  await history.getByRole("button", { name: "Delete" }).click();
  await history.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(history.getByText(/No check-ins yet/)).toBeVisible();
  expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(0);
});

test("refuses bad input on the phone with a message beside the field, and keeps what was typed", async ({ page, context }) => {
  const user = await createUser("checkin-bad");
  await createEnrollment(user.id);
  await signInAs(context, user);
  await page.goto("/checkin");
  await page.getByLabel("Hours").fill("81");
  await page.getByLabel(/^Note/).fill("kept");
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByText("At most 80 hours in a check-in.")).toBeVisible();
  await expect(page.getByText("Choose how confident you feel, 1 to 5.")).toBeVisible();
  await expect(page.getByLabel(/^Note/)).toHaveValue("kept");
  expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(0);
});

test("a check-in made offline survives a reload without a connection and is stored exactly once when back online", async ({
  page,
  context,
}) => {
  const user = await createUser("offline");
  await createEnrollment(user.id);
  await signInAs(context, user);
  await openControlledCheckIn(page);

  await goOffline(context);
  await page.getByLabel("Hours").fill("2");
  await page.getByRole("radio", { name: /3\s*Steady/ }).click();
  await page.getByLabel(/^Note/).fill("Written on the train");
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByText(/saved on this phone/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Waiting to send (1)" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { name: /^Week \d+ check-in$/ })).toBeVisible();
  await expect(page.getByText(/^Offline: check-ins are kept on this phone/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Waiting to send (1)" })).toBeVisible();
  expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(0);

  await goOnline(context);
  await expect(page.getByRole("region", { name: "Checked in" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Waiting to send/ })).toHaveCount(0);
  const rows = await testDb().checkIn.findMany({ where: { userId: user.id } });
  expect(rows.map((r) => [r.hours.toNumber(), r.confidence, r.note])).toEqual([[2, 3, "Written on the train"]]);
});

test("/checkin from an email link: a signed-out user signs in and lands back on the check-in", async ({ page }) => {
  const user = await createUser("deeplink");
  await createEnrollment(user.id);
  await page.goto("/checkin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcheckin$/);
  const link = await requestMagicLink(page, user.email, "/signin?callbackUrl=%2Fcheckin");
  await openMagicLink(page, link);
  await expect(page).toHaveURL(/\/checkin$/);
  await expect(page.getByRole("heading", { name: /^Week \d+ check-in$/ })).toBeVisible();
});

/** The states of the entries in this browser's check-in outbox. */
const outboxStates = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("waypoint");
        open.onerror = () => reject(open.error ?? new Error("indexedDB.open failed"));
        open.onsuccess = () => {
          const all = open.result.transaction("checkin-outbox").objectStore("checkin-outbox").getAll();
          all.onsuccess = () => resolve((all.result as { state: string }[]).map((item) => item.state));
          all.onerror = () => reject(all.error ?? new Error("getAll failed"));
        };
      }),
  );

test("signing out with a check-in the server refused asks first; deleting it leaves nothing of it in the browser", async ({
  page,
  context,
}) => {
  const user = await createUser("signout-unsent");
  const enrollment = await createEnrollment(user.id);
  await signInAs(context, user);
  await openControlledCheckIn(page);

  // Made offline, then the roadmap is left elsewhere: back online, the server refuses it.
  await goOffline(context);
  await page.getByLabel("Hours").fill("1");
  await page.getByRole("radio", { name: /2\s*Shaky/ }).click();
  await page.getByLabel(/^Note/).fill("Private thoughts about my manager");
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Waiting to send (1)" })).toBeVisible();
  await testDb().enrollment.update({ where: { id: enrollment.id }, data: { status: "abandoned", endedAt: new Date() } });
  await goOnline(context);
  // The page sends it on reconnecting; the refusal is kept on the phone for the user to see.
  await expect.poll(() => outboxStates(page)).toEqual(["rejected"]);

  await page.getByRole("button", { name: "Sign out" }).click();
  const dialog = page.getByRole("dialog", { name: "1 check-in hasn't reached Waypoint" });
  await expect(dialog).toBeVisible();
  // Cancel keeps the user signed in, and the check-in.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await testDb().session.count({ where: { userId: user.id } })).toBe(1);

  await page.getByRole("button", { name: "Sign out" }).click();
  await dialog.getByRole("button", { name: "Delete and sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect(await testDb().session.count({ where: { userId: user.id } })).toBe(0);
  expect(await outboxStates(page)).toEqual([]);
  expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(0);
});

test("signing out sends a check-in still waiting on this phone, without asking", async ({ page, context }) => {
  const user = await createUser("signout-flush");
  const enrollment = await createEnrollment(user.id);
  await signInAs(context, user);
  await openControlledCheckIn(page);
  // Queued by hand, as a check-in from an earlier visit that never went out: the page isn't told.
  await page.evaluate(
    async ({ userId, enrollmentId }) => {
      const open = indexedDB.open("waypoint");
      await new Promise((resolve) => (open.onsuccess = resolve));
      const key = crypto.randomUUID();
      const item = {
        key,
        userId,
        state: "pending",
        body: {
          enrollmentId,
          hours: 1.5,
          confidence: 4,
          note: "From the train",
          milestoneIds: [],
          idempotencyKey: key,
          madeAt: new Date().toISOString(),
        },
      };
      await new Promise((resolve, reject) => {
        const put = open.result.transaction("checkin-outbox", "readwrite").objectStore("checkin-outbox").put(item, key);
        put.onsuccess = resolve;
        put.onerror = () => reject(put.error ?? new Error("put failed"));
      });
    },
    { userId: user.id, enrollmentId: enrollment.id },
  );

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const rows = await testDb().checkIn.findMany({ where: { userId: user.id } });
  expect(rows.map((r) => [r.hours.toNumber(), r.confidence, r.note])).toEqual([[1.5, 4, "From the train"]]);
  expect(await outboxStates(page)).toEqual([]);
});

// Issue 15: a usual week's check-in on a phone. Hours come filled in from the week's plan, so it is a
// confidence, a tick and the button, with the button on screen from the start.
for (const viewport of [
  { width: 360, height: 740 },
  { width: 412, height: 915 },
]) {
  test.describe(`phone ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test("a normal week's check-in takes at most 6 taps, with the button in view from the start", async ({ page, context }) => {
      const user = await createUser("checkin-taps");
      await createEnrollment(user.id, "swe-to-mle", { weeklyHours: 6 });
      await signInAs(context, user);
      await page.goto("/checkin");
      await expect(page.getByRole("heading", { name: /^Week \d+ check-in$/ })).toBeVisible();

      const submit = page.getByRole("button", { name: "Check in", exact: true });
      await expect(submit).toBeInViewport({ ratio: 1 });
      // In view and clear of the bottom bar, which is drawn over the page.
      const barTop = (await page.getByTestId("bottom-nav").boundingBox())!.y;
      const button = (await submit.boundingBox())!;
      expect(button.y + button.height).toBeLessThanOrEqual(barTop);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      let taps = 0;
      const tap = async (target: Locator) => {
        taps += 1;
        await target.tap();
      };
      await expect(page.getByLabel("Hours")).toHaveValue("6");
      await tap(page.getByRole("radio", { name: /4\s*Good/ }));
      const milestone = page.locator("[data-milestone]:not([disabled])").first();
      const title = (await milestone.innerText()).trim();
      await tap(milestone);
      await expect(submit).toBeInViewport({ ratio: 1 });
      await tap(submit);

      const done = page.getByRole("region", { name: "Checked in" });
      await expect(done.getByTestId("checkin-saved")).toHaveText(`Saved 6 h, confidence 4 (Good), done: ${title}.`);
      await expect(done.getByText("1-week streak")).toBeVisible();
      expect(taps).toBeLessThanOrEqual(6);
      const rows = await testDb().checkIn.findMany({ where: { userId: user.id } });
      expect(rows.map((r) => [r.hours.toNumber(), r.confidence])).toEqual([[6, 4]]);
    });
  });
}
