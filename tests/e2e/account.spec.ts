// Your data, your account: the export holds your data and nobody else's; deleting the account leaves
// no row behind; signing out everywhere ends every session.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, signInAs, test, testDb } from "./fixtures";
import { Prisma } from "../../lib/generated/prisma/client";
import { call, createEnrollment, createUser } from "../support/factories";
import { SMTP_PORT } from "../support/stack";
import { runCommand } from "../support/test-lib";
import { shiftLocalDays } from "../support/dates";

/** Weekly emails (not sign-in links) the test SMTP server received for an address. */
async function weeklyMailTo(address: string): Promise<string[]> {
  const dir = process.env.MAIL_DIR!;
  const found: string[] = [];
  for (const file of await readdir(dir)) {
    const mail = JSON.parse(await readFile(path.join(dir, file), "utf8")) as { to: string[]; subject: string };
    if (mail.to.includes(address.toLowerCase()) && !/sign-in link/i.test(mail.subject)) found.push(mail.subject);
  }
  return found;
}

async function checkIn(user: Awaited<ReturnType<typeof createUser>>, enrollmentId: string, note: string) {
  const res = await call("POST", "/api/checkins", {
    user,
    body: { enrollmentId, hours: 2, confidence: 3, note, idempotencyKey: crypto.randomUUID() },
  });
  expect(res.status).toBe(201);
}

test("the export downloads a JSON file with my check-in note and nothing of another user's", async ({ page, context }) => {
  const me = await createUser("export-me");
  const other = await createUser("export-other");
  const mine = await createEnrollment(me.id);
  const theirs = await createEnrollment(other.id);
  await checkIn(me, mine.id, "my-canary: revised the bias-variance notes");
  await checkIn(other, theirs.id, "their-canary: must never leave their account");
  const answers = {
    operationalWork: "appeals",
    careerStage: "early",
    goal: "long_term_compounding",
    mlSurfaceAtWork: false,
    mathsBackground: true,
  };
  expect((await call("PUT", "/api/me/assessment", { user: me, body: answers })).status).toBe(200);
  expect((await call("PUT", "/api/me/assessment", { user: other, body: { ...answers, operationalWork: "draining" } })).status).toBe(200);

  await signInAs(context, me);
  await page.goto("/settings");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^waypoint-export-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), "utf8");
  const data = JSON.parse(text) as { profile: { email: string }; checkIns: { note: string }[]; assessment: unknown; enrollments?: unknown };
  expect(data.profile.email).toBe(me.email);
  expect(data.assessment).toMatchObject({ ...answers, recommendation: "ml_engineer", suggestedMonths: 15 });
  expect(data.checkIns.map((c) => c.note)).toEqual(["my-canary: revised the bias-variance notes"]);
  expect(text).not.toContain("their-canary");
  expect(text).not.toContain(other.email);
  expect(text).not.toContain(other.id);
});

test("deleting the account asks for the email, signs out, leaves no row that refers to the user, and gets no weekly email", async ({
  page,
  context,
}) => {
  const user = await createUser("delete-me");
  const enrollment = await createEnrollment(user.id);
  await checkIn(user, enrollment.id, "soon gone");
  const answers = {
    operationalWork: "draining",
    careerStage: "mid",
    goal: "short_term_pay",
    mlSurfaceAtWork: true,
    mathsBackground: false,
  };
  expect((await call("PUT", "/api/me/assessment", { user, body: answers })).status).toBe(200);
  await signInAs(context, user);
  await page.goto("/settings");

  await page.getByLabel(/to confirm/).fill("someone-else@example.test");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type your email address exactly as shown to confirm.")).toBeVisible();
  expect(await testDb().user.count({ where: { id: user.id } })).toBe(1);

  await page.getByLabel(/to confirm/).fill(user.email.toUpperCase());
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Your account and all its data have been deleted.")).toBeVisible();

  // The old cookie is worthless now.
  expect((await call("GET", "/api/me", { user })).status).toBe(401);
  // Every column that names a user, in every table: no row for this one.
  const db = testDb();
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = 'public' and column_name in ('userId', 'id', 'email', 'identifier', 'to')`;
  const leftovers: string[] = [];
  for (const { table, column } of columns) {
    const value = column === "userId" || column === "id" ? user.id : user.email;
    const [row] = await db.$queryRaw<{ n: number }[]>(
      Prisma.sql`select count(*)::int as n from ${Prisma.raw(`"${table}"`)} where lower(${Prisma.raw(`"${column}"`)}::text) = lower(${value})`,
    );
    if (row!.n > 0) leftovers.push(`${table}.${column}: ${row!.n}`);
  }
  expect(leftovers).toEqual([]);
  expect(columns.length).toBeGreaterThan(8);

  // A weekly-email run for this week afterwards reaches a control user due like this one was, and not them.
  const control = await createUser("delete-control");
  // Enrolled two weeks ago: the first email waits for the first whole week after enrolling.
  const controlEnrollment = await createEnrollment(control.id);
  await testDb().enrollment.update({ where: { id: controlEnrollment.id }, data: { createdAt: shiftLocalDays(new Date(), -14, "UTC") } });
  // The product's own command, as an operator would run it, mailing through the test SMTP server.
  const week = ((await call("GET", "/api/checkins", { user: control })).json as { streak: { currentWeek: string } }).streak.currentWeek;
  const run = runCommand("lib/cli/digest.ts", ["--week", week], { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}` });
  expect(run.stdout, run.stderr).toMatch(/^sent [1-9]\d*, skipped \d+, failed 0$/m);
  expect(await weeklyMailTo(control.email)).toHaveLength(1);
  expect(await weeklyMailTo(user.email)).toEqual([]);
});

test("signing out of all devices ends the other device's session too", async ({ page, context, browser }) => {
  const user = await createUser("everywhere");
  await createEnrollment(user.id);
  // A second device: its own session row and cookie.
  const phoneToken = crypto.randomUUID().replace(/-/g, "");
  await testDb().session.create({ data: { sessionToken: phoneToken, userId: user.id, expires: shiftLocalDays(new Date(), 1, "UTC") } });
  const phone = await browser.newContext();
  await signInAs(phone, { ...user, sessionToken: phoneToken });

  await signInAs(context, user);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const phonePage = await phone.newPage();
  await phonePage.goto("/dashboard");
  await expect(phonePage).toHaveURL(/\/signin/);
  expect(await testDb().session.count({ where: { userId: user.id } })).toBe(0);
  await phone.close();
});
