// Sign-in email rate limits (ASVS 6.3.1). Over HTTP against the running app: the per-address limit
// (5 in 15 minutes), what counts and what doesn't, and failing closed when the store is stuck. The
// per-IP rule is tested on lib/rate-limit.ts itself against the same PostgreSQL, at the default
// limit: every test request comes from 127.0.0.1, so the test stack raises the app's per-IP limit
// (SIGNIN_LIMIT_PER_IP) to keep the suite's own sign-ins going.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SignInLimitDecision } from "../../lib/rate-limit";
import { expectError, type CallResult } from "../support/api";
import { baseUrl, call, testDb, uniqueEmail } from "../support/factories";
import { SMTP_PORT, spawnApp, TEST_AUTH_SECRET, TEST_PORT } from "../support/stack";
import { pointLibAtTestDatabase } from "../support/test-lib";

const WINDOW_SECONDS = 15 * 60;

/** A CSRF token and the cookie that goes with it, as a browser gets them before posting a form. */
async function csrf(base = baseUrl()): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return { token: csrfToken, cookie };
}

/** POST /api/auth/signin/email as the sign-in form sends it; `fields` may repeat `email`. */
async function requestSignInEmail(
  email: string | string[],
  { path = "/api/auth/signin/email", asJson = false }: { path?: string; asJson?: boolean } = {},
): Promise<CallResult> {
  const { token, cookie } = await csrf();
  const fields = [
    ...(Array.isArray(email) ? email : [email]).map((e) => ["email", e]),
    ["csrfToken", token],
    ["callbackUrl", "/dashboard"],
    ["json", "true"],
  ];
  return call("POST", path, {
    headers: { cookie, "content-type": asJson ? "application/json" : "application/x-www-form-urlencoded" },
    rawBody: asJson ? JSON.stringify(Object.fromEntries(fields)) : new URLSearchParams(fields).toString(),
  });
}

/** next-auth accepted it: a JSON answer pointing at its verify-request page, not at an error. */
function expectSent(res: CallResult): void {
  expect({ status: res.status, text: res.text }).toMatchObject({ status: 200 });
  const url = new URL((res.json as { url: string }).url);
  expect({ path: url.pathname, error: url.searchParams.get("error") }).toEqual({ path: "/api/auth/verify-request", error: null });
}

const tokensFor = (email: string) => testDb().verificationToken.count({ where: { identifier: email.trim().toLowerCase() } });

function expectRateLimited(res: CallResult): number {
  const error = expectError(res, "rate_limited");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(error.message).toBe(`Too many sign-in emails for now. Try again in ${Math.ceil(retryAfter / 60)} minutes.`);
  expect(res.headers.get("cache-control")).toContain("no-store");
  return retryAfter;
}

/** The points counted against the app's one client (127.0.0.1) in the current window. */
async function ipPoints(): Promise<number> {
  const rows = await testDb().$queryRaw<{ points: number }[]>`
    select points from "SignInRateLimit" where key in ('ip:127.0.0.1', 'ip:::ffff:127.0.0.1', 'ip:::1')`;
  expect(rows).toHaveLength(1);
  return rows[0]!.points;
}

describe("POST /api/auth/signin/email: per address", () => {
  it("sends 5 emails to one address in 15 minutes; the 6th is a 429 with Retry-After, and sends nothing", async () => {
    const email = uniqueEmail("limit");
    for (let i = 0; i < 5; i++) expectSent(await requestSignInEmail(email));
    expect(await tokensFor(email)).toBe(5);

    const retryAfter = expectRateLimited(await requestSignInEmail(email));
    // The window opened with the first request, moments ago.
    expect(retryAfter).toBeGreaterThan(WINDOW_SECONDS - 60);
    expect(await tokensFor(email)).toBe(5);
  });

  it("counts the address as next-auth reads it: case, spaces, a repeated field, JSON or a longer path don't get round it", async () => {
    const email = uniqueEmail("dodge");
    for (const variant of [email, email.toUpperCase(), ` ${email} `, email, `\t${email.toUpperCase()}`])
      expectSent(await requestSignInEmail(variant));
    expect(await tokensFor(email)).toBe(5);

    expectRateLimited(await requestSignInEmail(` ${email.toUpperCase()}`));
    // next-auth takes the last of repeated form fields: counting the first would let a decoy through.
    expectRateLimited(await requestSignInEmail([uniqueEmail("decoy"), email]));
    expectRateLimited(await requestSignInEmail(email, { asJson: true }));
    // next-auth reads only the first two path segments: /signin/email/more sends mail as well.
    expectRateLimited(await requestSignInEmail(email, { path: "/api/auth/signin/email/more" }));
    expect(await tokensFor(email)).toBe(5);
  });

  it("leaves other addresses alone", async () => {
    const limited = uniqueEmail("limited");
    for (let i = 0; i < 5; i++) expectSent(await requestSignInEmail(limited));
    expectRateLimited(await requestSignInEmail(limited));
    expectSent(await requestSignInEmail(uniqueEmail("other")));
  });

  it("counts only sign-in email requests, not CSRF, session or sign-out calls", async () => {
    const before = await ipPoints();
    expect((await call("GET", "/api/auth/csrf")).status).toBe(200);
    expect((await call("GET", "/api/auth/session")).status).toBe(200);
    expect((await call("GET", "/api/auth/providers")).status).toBe(200);
    const { token, cookie } = await csrf();
    const signOut = await call("POST", "/api/auth/signout", {
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      rawBody: new URLSearchParams({ csrfToken: token, json: "true" }).toString(),
    });
    expect(signOut.status).toBe(200);
    expect(await ipPoints()).toBe(before);

    expectSent(await requestSignInEmail(uniqueEmail("counted")));
    expect(await ipPoints()).toBe(before + 1);
  });

  it("fails closed: when the limit's table can't be read in time, the request is refused (503) and no email is sent", async () => {
    const email = uniqueEmail("closed");
    const blocker = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("begin");
      await blocker.query(`lock table "SignInRateLimit" in access exclusive mode`);
      const res = await requestSignInEmail(email);
      expectError(res, "unavailable");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await blocker.query("rollback");
      await blocker.end();
    }
    expect(await tokensFor(email)).toBe(0);
    // And once the store answers again, so does sign-in.
    expectSent(await requestSignInEmail(email));
  });
});

describe("lib/rate-limit.ts against PostgreSQL, at the default limits", () => {
  let lib: typeof import("../../lib/rate-limit");
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    // lib/env.ts validates on import: point lib at the test database, with the default limits.
    delete process.env.SIGNIN_LIMIT_PER_ADDRESS;
    delete process.env.SIGNIN_LIMIT_PER_IP;
    pointLibAtTestDatabase();
    lib = await import("../../lib/rate-limit");
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
  });

  /** An address from the documentation range (RFC 3849) that no other test uses. */
  const uniqueIp = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
  const limited = (decision: SignInLimitDecision) => {
    expect(decision).toMatchObject({ ok: false, reason: "limited" });
    const { retryAfterSeconds } = decision as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(WINDOW_SECONDS - 60);
    expect(retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
  };

  it("per IP: 5 different addresses from one client go through, the 6th is refused; another client is not", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) expect(await lib.limitSignInEmail(uniqueEmail("ip"), ip)).toEqual({ ok: true });
    limited(await lib.limitSignInEmail(uniqueEmail("ip"), ip));
    expect(await lib.limitSignInEmail(uniqueEmail("ip"), uniqueIp())).toEqual({ ok: true });
  });

  it("per address: 6 requests from 6 clients for one address ⇒ the 6th is refused", async () => {
    const email = uniqueEmail("spread");
    for (let i = 0; i < 5; i++) expect(await lib.limitSignInEmail(email, uniqueIp())).toEqual({ ok: true });
    limited(await lib.limitSignInEmail(email, uniqueIp()));
  });

  it("a client over its limit doesn't use up the address it asks for", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) await lib.limitSignInEmail(uniqueEmail("ip"), ip);
    const victim = uniqueEmail("victim");
    for (let i = 0; i < 3; i++) limited(await lib.limitSignInEmail(victim, ip));
    // From elsewhere the address still has all of its 5.
    for (let i = 0; i < 5; i++) expect(await lib.limitSignInEmail(victim, uniqueIp())).toEqual({ ok: true });
    limited(await lib.limitSignInEmail(victim, uniqueIp()));
  });

  it("stores no address: the table's keys are HMACs of them", async () => {
    const email = uniqueEmail("private");
    await lib.limitSignInEmail(email, uniqueIp());
    const keys = await testDb().$queryRaw<{ key: string }[]>`select key from "SignInRateLimit" where key like 'addr:%'`;
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) expect(key).toMatch(/^addr:[A-Za-z0-9_-]{43}$/);
  });

  it("fails closed when the database can't be reached", async () => {
    const pool = lib.createSignInLimiterPool("postgresql://postgres@127.0.0.1:1/nowhere");
    pools.push(pool);
    const limiter = lib.createSignInLimiter({ pool, perAddress: 5, perIp: 5, secret: TEST_AUTH_SECRET });
    expect(await limiter(uniqueEmail("down"), uniqueIp())).toEqual({ ok: false, reason: "unavailable", retryAfterSeconds: 60 });
  });

  it("fails closed when the table is missing", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set("options", "-c search_path=no_such_schema");
    const pool = lib.createSignInLimiterPool(url.toString());
    pools.push(pool);
    const limiter = lib.createSignInLimiter({ pool, perAddress: 5, perIp: 5, secret: TEST_AUTH_SECRET });
    expect(await limiter(uniqueEmail("missing"), uniqueIp())).toEqual({ ok: false, reason: "unavailable", retryAfterSeconds: 60 });
  });
});

describe("behind a trusted reverse proxy (TRUSTED_PROXY_HOPS=1), over HTTP", () => {
  // An app of its own beside the stack's, on the same database and SMTP server, configured as if a
  // proxy stood in front of it; here the test is the proxy, writing X-Forwarded-For.
  let app: Awaited<ReturnType<typeof spawnApp>>;

  beforeAll(async () => {
    app = await spawnApp({
      port: TEST_PORT + 11,
      databaseUrl: process.env.TEST_DATABASE_URL!,
      smtpUrl: `smtp://127.0.0.1:${SMTP_PORT}`,
      build: false,
      overrides: { TRUSTED_PROXY_HOPS: "1", SIGNIN_LIMIT_PER_IP: "2" },
    });
  }, 180_000);

  afterAll(async () => {
    await app.stop();
  });

  /** A sign-in email request as the proxy forwards it: `forwardedFor` is the X-Forwarded-For it sends on. */
  async function viaProxy(forwardedFor: string): Promise<number> {
    const { token, cookie } = await csrf(app.baseUrl);
    const res = await fetch(`${app.baseUrl}/api/auth/signin/email`, {
      method: "POST",
      // The client also tries the header the server stamps; the server overwrites it.
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": forwardedFor,
        "x-waypoint-client-address": "192.0.2.1",
      },
      body: new URLSearchParams({ email: uniqueEmail("proxied"), csrfToken: token, callbackUrl: "/dashboard", json: "true" }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it("counts each client by the address the proxy saw: what a client writes itself changes nothing, and another client is not refused", async () => {
    const client = `203.0.113.${randomBytes(1)[0]! % 200}`;
    const other = `198.51.100.${randomBytes(1)[0]! % 200}`;
    // The client forges a different address in front each time; the proxy appends the real one.
    expect(await viaProxy(`10.0.0.1, ${client}`)).toBe(200);
    expect(await viaProxy(`10.0.0.2, ${client}`)).toBe(200);
    expect(await viaProxy(`10.0.0.3, ${client}`)).toBe(429);
    expect(await viaProxy(other)).toBe(200);
    const keys = await testDb().$queryRaw<{ key: string; points: number }[]>`
      select key, points from "SignInRateLimit" where key in (${`ip:${client}`}, ${`ip:${other}`}, 'ip:10.0.0.1', 'ip:10.0.0.2', 'ip:10.0.0.3', 'ip:192.0.2.1') order by key`;
    expect(keys.map((k) => k.key).sort()).toEqual([`ip:${client}`, `ip:${other}`].sort());
  });
});
