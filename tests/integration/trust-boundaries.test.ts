// Issue 13, findings 1–4, over HTTP against the running app: time zones both systems read alike, one
// real address per sign-in (checked at the SMTP server), same-origin redirects only, and no login
// CSRF through the email callback.
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CapturedMail } from "../support/mail-capture";
import { expectError } from "../support/api";
import { baseUrl, call, createUser, testDb, uniqueEmail } from "../support/factories";
import { TEST_AUTH_SECRET } from "../support/stack";
import { enrollmentBody } from "../support/api";

async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${baseUrl()}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    token: csrfToken,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .join("; "),
  };
}

async function requestSignInEmail(
  email: unknown,
  { asJson = false, callbackUrl = "/dashboard" }: { asJson?: boolean; callbackUrl?: string } = {},
) {
  const { token, cookie } = await csrf();
  const fields = { email, csrfToken: token, callbackUrl, json: "true" };
  return call("POST", "/api/auth/signin/email", {
    headers: { cookie, "content-type": asJson ? "application/json" : "application/x-www-form-urlencoded" },
    rawBody: asJson ? JSON.stringify(fields) : new URLSearchParams(fields as Record<string, string>).toString(),
  });
}

/** Every mail the SMTP server took since `since`. */
async function mailSince(since: Date): Promise<CapturedMail[]> {
  const dir = process.env.MAIL_DIR!;
  const files = await readdir(dir).catch(() => []);
  const mails = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), "utf8")) as CapturedMail));
  return mails.filter((m) => new Date(m.receivedAt) >= since);
}

/** A magic link for `email` as next-auth would make it: the token stored hashed with the secret. */
async function magicToken(email: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await testDb().verificationToken.create({
    data: {
      identifier: email,
      token: createHash("sha256").update(`${token}${TEST_AUTH_SECRET}`).digest("hex"),
      expires: new Date(Date.now() + 10 * 60_000),
    },
  });
  return token;
}

const sessionCookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));

describe("time zones (finding 1)", () => {
  it("PATCH /api/me stores a legacy ID's canonical zone and refuses an ambiguous one with a field error", async () => {
    const user = await createUser("tz");
    const aet = await call("PATCH", "/api/me", { user, body: { timezone: "AET" } });
    expect(aet.status).toBe(200);
    expect(await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { timezone: true } })).toEqual({
      timezone: "Australia/Sydney",
    });

    const ist = await call("PATCH", "/api/me", { user, body: { timezone: "IST" } });
    const error = expectError(ist, "bad_request");
    expect(error.fields?.timezone?.[0]).toMatch(/means different zones/);
    for (const zone of ["US/Pacific-New", "Canada/East-Saskatchewan", "CTT"]) {
      expect((await call("PATCH", "/api/me", { user, body: { timezone: zone } })).status, zone).toBe(200);
    }
    expect(await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { timezone: true } })).toEqual({
      timezone: "Asia/Shanghai",
    });
  });

  it("an enrolment stores the canonical zone too", async () => {
    const user = await createUser("tz-enrol");
    const res = await call("POST", "/api/enrollments", { user, body: enrollmentBody({ timezone: "US/Pacific" }) });
    expect(res.status, res.text).toBe(201);
    expect(await testDb().enrollment.findFirstOrThrow({ where: { userId: user.id }, select: { timezone: true } })).toEqual({
      timezone: "America/Los_Angeles",
    });
    expectError(
      await call("POST", "/api/enrollments", { user: await createUser("tz-enrol"), body: enrollmentBody({ timezone: "BST" }) }),
      "bad_request",
    );
  });
});

describe("sign-in addresses (finding 2)", () => {
  it("refuses lists, headers, display names, NUL and other forms (400, field error), and no one gets a mail", async () => {
    const since = new Date();
    const victim = uniqueEmail("victim");
    const decoy = uniqueEmail("decoy");
    const forms = [
      `${victim},${decoy}`,
      `${victim}, ${decoy}`,
      `${victim};${decoy}`,
      `${victim}\r\nBcc: ${decoy}`,
      `${victim}\nBcc: ${decoy}`,
      `${victim}\r\n`.repeat(2),
      `${victim}\u0000`,
      `${victim}\u0000${decoy}`,
      `Victim <${victim}>`,
      `"Victim" <${victim}>`,
      `<${victim}>`,
      `${victim} <${decoy}>`,
      `${victim} (${decoy})`,
      `friends: ${victim}, ${decoy};`,
      `"${victim}"@example.test`,
      `${victim} ${decoy}`,
      `${victim}@example.test`,
      "victim",
      "victim@localhost",
      "",
    ];
    for (const form of forms) {
      const res = await requestSignInEmail(form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(expectError(res, "bad_request").fields?.email).toHaveLength(1);
    }
    for (const form of [[victim, decoy], 42, null]) {
      expect((await requestSignInEmail(form, { asJson: true })).status, JSON.stringify(form)).toBe(400);
    }
    expect(
      await testDb().verificationToken.count({
        where: { OR: [{ identifier: { contains: victim.split("@")[0]! } }, { identifier: { contains: decoy.split("@")[0]! } }] },
      }),
    ).toBe(0);
    // Give a mail that should not exist time to arrive: a normal sign-in after them is delivered first.
    const canary = uniqueEmail("canary");
    expect((await requestSignInEmail(canary)).status).toBe(200);
    await expect.poll(async () => (await mailSince(since)).some((m) => m.to.includes(canary)), { timeout: 15_000 }).toBe(true);
    const strays = (await mailSince(since)).filter((m) =>
      m.to.some((to) => to.includes(victim.split("@")[0]!) || to.includes(decoy.split("@")[0]!)),
    );
    expect(strays).toEqual([]);
  });

  it("normalises spaces and case, and mails that one address only", async () => {
    const since = new Date();
    const email = uniqueEmail("normal");
    const res = await requestSignInEmail(`  ${email.toUpperCase()}\t`);
    expect(res.status, res.text).toBe(200);
    await expect.poll(async () => (await mailSince(since)).filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(1);
    const mail = (await mailSince(since)).find((m) => m.to.includes(email))!;
    expect(mail.to).toEqual([email]);
    expect(await testDb().verificationToken.count({ where: { identifier: email } })).toBe(1);
  });
});

// Each as the browser would receive it in callbackUrl (after the query's own decoding).
const BYPASSES = [
  "/\\evil.example/",
  "/%5Cevil.example/",
  "/\t/evil.example/",
  "//evil.example/",
  "/%2F%2Fevil.example/",
  "https:evil.example",
  "HTTPS://EVIL.EXAMPLE/",
  "HtTp://evil.example/",
  "  //evil.example/",
  "\n//evil.example/",
  "javascript:alert(document.cookie)",
  "/.//evil.example/",
  "\\\\evil.example/",
  "/a/../..//evil.example/",
  `${baseUrl()}@evil.example/`,
  "http://evil.example/dashboard",
];

/** Where a browser would go with this Location: on this origin, always. */
function expectSameOrigin(location: string | null, form: string): void {
  expect(location, form).not.toBeNull();
  const target = new URL(location!, baseUrl());
  expect({ form, origin: target.origin }).toEqual({ form, origin: new URL(baseUrl()).origin });
}

describe("redirects (finding 3)", () => {
  it("/signin when signed in sends each bypass form to a path on this site", async () => {
    const user = await createUser("redirect");
    const raw = [
      "/signin?callbackUrl=/%5Cevil.example/",
      "/signin?callbackUrl=/%09/evil.example/",
      "/signin?callbackUrl=%2F%2Fevil.example",
    ];
    for (const pathname of [...BYPASSES.map((form) => `/signin?callbackUrl=${encodeURIComponent(form)}`), ...raw]) {
      const res = await fetch(`${baseUrl()}${pathname}`, { redirect: "manual", headers: { cookie: user.cookie } });
      expect(res.status, pathname).toBe(307);
      expectSameOrigin(res.headers.get("location"), pathname);
    }
    // A same-origin path (or this origin's own absolute URL) is kept, as a path.
    const kept = await fetch(`${baseUrl()}/signin?callbackUrl=${encodeURIComponent(`${baseUrl()}/checkin?x=1`)}`, {
      redirect: "manual",
      headers: { cookie: user.cookie },
    });
    expect(kept.headers.get("location")).toBe("/checkin?x=1");
  });

  it("next-auth's redirects (the email callback, sign-in, sign-out) stay on this site", async () => {
    for (const form of BYPASSES) {
      const email = uniqueEmail("cb");
      const token = await magicToken(email);
      const query = new URLSearchParams({ callbackUrl: form, token, email });
      const res = await fetch(`${baseUrl()}/api/auth/callback/email?${query}`, {
        redirect: "manual",
        headers: { "sec-fetch-site": "same-origin" },
      });
      expect(res.status, form).toBe(302);
      expect(sessionCookieOf(res), form).toBeDefined();
      expectSameOrigin(res.headers.get("location"), form);
    }
    const user = await createUser("signout");
    for (const form of BYPASSES.slice(0, 6)) {
      const { token, cookie } = await csrf();
      const out = await call("POST", "/api/auth/signout", {
        headers: { cookie: `${cookie}; ${user.cookie}`, "content-type": "application/x-www-form-urlencoded" },
        rawBody: new URLSearchParams({ csrfToken: token, callbackUrl: form, json: "true" }).toString(),
      });
      expect(out.status, form).toBe(200);
      expectSameOrigin((out.json as { url: string }).url, form);
    }
    // The email's link carries the checked callbackUrl on.
    const since = new Date();
    const email = uniqueEmail("link");
    expect((await requestSignInEmail(email, { callbackUrl: "/\\evil.example/" })).status).toBe(200);
    await expect.poll(async () => (await mailSince(since)).some((m) => m.to.includes(email)), { timeout: 15_000 }).toBe(true);
    const link = /https?:\/\/\S+\/signin\/confirm\?\S+/.exec((await mailSince(since)).find((m) => m.to.includes(email))!.text)![0];
    const confirm = await fetch(link);
    const href = /<a href="(\/api\/auth\/callback\/email\?[^"]+)"/.exec(await confirm.text())![1]!.replaceAll("&amp;", "&");
    expectSameOrigin(new URL(href, baseUrl()).searchParams.get("callbackUrl"), "email link");
  });
});

describe("login CSRF (finding 4)", () => {
  it("a cross-site navigation to someone's callback link signs no one in and spends nothing; the confirmation page's click does", async () => {
    const attacker = uniqueEmail("attacker");
    const token = await magicToken(attacker);
    const query = new URLSearchParams({ callbackUrl: "/dashboard", token, email: attacker });
    const url = `${baseUrl()}/api/auth/callback/email?${query}`;
    const navigation = { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" };

    for (const site of ["cross-site", "same-site"]) {
      const res = await fetch(url, { redirect: "manual", headers: { ...navigation, "sec-fetch-site": site } });
      expect(res.status, site).toBe(303);
      expect(res.headers.get("location")).toBe(`/signin/confirm?${query}`);
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    // A cross-site form POST to the callback is refused as well.
    const posted = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { "sec-fetch-site": "cross-site", origin: "http://evil.example" },
    });
    expect(sessionCookieOf(posted)).toBeUndefined();
    expect([303, 403]).toContain(posted.status);
    expect(await testDb().user.count({ where: { email: attacker } })).toBe(0);
    expect(await testDb().verificationToken.count({ where: { identifier: attacker } })).toBe(1);

    // The confirmation page the attack lands on names the account; its button is a same-origin navigation.
    const page = await fetch(`${baseUrl()}/signin/confirm?${query}`);
    expect(await page.text()).toContain(attacker);
    const signedIn = await fetch(url, { redirect: "manual", headers: { ...navigation, "sec-fetch-site": "same-origin" } });
    expect(signedIn.status).toBe(302);
    expect(sessionCookieOf(signedIn)).toBeDefined();
    expect(new URL(signedIn.headers.get("location")!, baseUrl()).pathname).toBe("/dashboard");
    expect(await testDb().verificationToken.count({ where: { identifier: attacker } })).toBe(0);
  });
});
