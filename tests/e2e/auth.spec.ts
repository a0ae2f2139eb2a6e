import { expect, openMagicLink, requestMagicLink, signInAs, test, testDb, uniqueEmail } from "./fixtures";

test("opening the email's link spends nothing (as a mail scanner does); its button signs in, once", async ({
  page,
  browser,
  playwright,
}) => {
  const email = uniqueEmail("reuse");
  const link = await requestMagicLink(page, email);
  // A scanner fetches the link, maybe more than once, without clicking anything on the page.
  const scanner = await playwright.request.newContext();
  for (let i = 0; i < 2; i++) expect((await scanner.get(link)).status()).toBe(200);
  await scanner.dispose();
  expect(await testDb().verificationToken.count({ where: { identifier: email } })).toBe(1);

  await openMagicLink(page, link);
  await expect(page).toHaveURL(/\/dashboard/);

  const other = await browser.newContext();
  const second = await other.newPage();
  await openMagicLink(second, link);
  await expect(second).toHaveURL(/\/signin\?error=Verification/);
  await expect(second.getByRole("alert").filter({ hasText: "expired" })).toContainText("expired or was already used");
  await other.close();
});

test("an expired magic link is refused", async ({ page }) => {
  const email = uniqueEmail("expired");
  const link = await requestMagicLink(page, email);
  // Age the token past its 10 minutes instead of waiting.
  const aged = await testDb().verificationToken.updateMany({
    where: { identifier: email },
    data: { expires: new Date(Date.now() - 1000) },
  });
  expect(aged.count).toBe(1);
  await openMagicLink(page, link);
  await expect(page).toHaveURL(/\/signin\?error=Verification/);
  await expect(page.getByRole("alert").filter({ hasText: "expired" })).toContainText("expired or was already used");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out ends the session on the server: the old cookie gets 401", async ({ page, context, user, playwright }) => {
  await signInAs(context, user);
  await page.goto("/dashboard");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect(await testDb().session.count({ where: { userId: user.id } })).toBe(0);

  const api = await playwright.request.newContext({ baseURL: process.env.TEST_APP_URL ?? "http://localhost:3100" });
  const res = await api.get("/api/me", { headers: { cookie: user.cookie } });
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
  await api.dispose();
});

test("a signed-out visitor to the dashboard is sent to sign in and lands back after", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard|\/signin\?callbackUrl=\/dashboard/);
});

test("a 6th sign-in email for one address within 15 minutes is refused with when to try again", async ({ page }) => {
  const email = uniqueEmail("limit");
  // The first five straight through next-auth's endpoint, as the form sends them (page.request shares
  // the page's cookies, so the CSRF cookie goes along).
  for (let i = 0; i < 5; i++) {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await page.request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/dashboard", json: "true" } });
    expect(res.status()).toBe(200);
  }
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    /^Too many sign-in emails for now\. Try again in 1[45] minutes\.$/,
  );
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
});
