// The security baseline over HTTP against the built app: headers on pages, API routes and 404s, a
// fresh CSP nonce per response that Next's own scripts carry, no caching of signed-in responses,
// foreign-origin mutations refused, and an unauthenticated sweep of every route and page under app/.
import { describe, expect, it } from "vitest";
import { baseUrl, call, createEnrollment, createUser, send, testDb } from "../support/factories";
import { discoverPages, discoverRoutes } from "../support/routes";

const get = (pathname: string, headers: Record<string, string> = {}) => send(pathname, { headers });

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("security headers", () => {
  it.each([
    ["a page", "/roadmaps", 200],
    ["an API route", "/api/health", 200],
    ["a missing page", "/no-such-page", 404],
    ["a missing API route", "/api/no-such-route", 404],
  ])("%s carries the CSP and the baseline headers", async (_what, pathname, status) => {
    const res = await get(pathname);
    expect(res.status).toBe(status);
    const policy = res.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("uses a new nonce for every response, and Next's scripts carry it", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await get("/roadmaps");
      const nonce = nonceOf(res.headers.get("content-security-policy"));
      expect(nonce).toBeTruthy();
      nonces.add(nonce!);
      const scripts = [...res.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(5);
  });

  it("ignores a policy or nonce a client sends", async () => {
    const res = await get("/roadmaps", { "content-security-policy": "script-src 'nonce-attacker'" });
    expect(nonceOf(res.headers.get("content-security-policy"))).not.toBe("attacker");
    expect(res.text).not.toContain('nonce="attacker"');
  });

  it("keeps signed-in pages, RSC payloads and JSON out of every cache", async () => {
    const user = await createUser("no-store");
    await createEnrollment(user.id);
    for (const [pathname, headers] of [
      ["/dashboard", {}],
      ["/dashboard", { RSC: "1" }],
      ["/checkin", {}],
      ["/api/me", {}],
      ["/api/checkins", {}],
    ] as const) {
      const res = await send(pathname, { headers: { cookie: user.cookie, ...headers } });
      expect(res.status, `${pathname} ${JSON.stringify(headers)}`).toBe(200);
      const cacheControl = res.headers.get("cache-control") ?? "";
      expect(cacheControl, `${pathname} ${JSON.stringify(headers)}`).toContain("private");
      expect(cacheControl, `${pathname} ${JSON.stringify(headers)}`).toContain("no-store");
    }
  });
});

describe("foreign-origin mutations", () => {
  it("refuses a state change a page on another site asks for, and changes nothing", async () => {
    const user = await createUser("csrf");
    const before = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of foreign) {
      const res = await call("PATCH", "/api/me", { user, body: { digestHour: 3 }, headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json).toMatchObject({ error: { code: "forbidden" } });
    }
    expect(await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    // The same change from the app's own origin goes through.
    const own = await call("PATCH", "/api/me", { user, body: { digestHour: 3 }, headers: { origin: baseUrl() } });
    expect(own.status).toBe(200);
  });
});

describe("unauthenticated sweep", () => {
  // Headers that have fooled Next.js apps into skipping middleware or serving a different variant.
  const tricks: Record<string, string>[] = [
    {},
    { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    { RSC: "1" },
    { "Next-Router-Prefetch": "1", RSC: "1" },
  ];
  const publicRoutes = new Set([
    "GET /api/health",
    "GET /api/roadmaps",
    "GET /api/roadmaps/[slug]",
    "GET /api/auth/[...nextauth]",
    "POST /api/auth/[...nextauth]",
    "POST /api/digest/unsubscribe",
    "GET /api/calendar/[token]",
  ]);
  // The public progress page and the calendar feed are open to whoever has the link by design: unknown
  // tokens 404 (public-page.test.ts, calendar-feed.test.ts).
  const publicPages = new Set([
    "/",
    "/signin",
    "/signin/check-email",
    "/signin/confirm",
    "/roadmaps",
    "/roadmaps/[slug]",
    "/unsubscribe",
    "/dev/outbox",
    "/p/[token]",
    "/assessment",
    "/paths",
    "/partners/invite/[token]",
  ]);
  const concrete = (pattern: string) => pattern.replace(/\[\.\.\.[^\]]+\]/g, "x").replace(/\[[^\]]+\]/g, "cabc123");

  it("every signed-in route answers 401, whatever the headers", async () => {
    const routes = discoverRoutes().filter((r) => !publicRoutes.has(r));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const [method, pattern] = route.split(" ") as [string, string];
      for (const headers of tricks) {
        const res = await send(concrete(pattern), {
          method,
          headers: { ...headers, ...(method === "GET" ? {} : { "content-type": "application/json" }) },
          body: method === "GET" ? undefined : "{}",
        });
        expect(res.status, `${route} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
  });

  it("every signed-in page sends the visitor to sign in, whatever the headers, and shows nothing else", async () => {
    const pages = discoverPages().filter((p) => !publicPages.has(p));
    expect(pages).toEqual(expect.arrayContaining(["/dashboard", "/checkin", "/settings", "/digest"]));
    for (const page of pages) {
      for (const headers of tricks) {
        const res = await get(concrete(page), headers);
        const context = `${page} ${JSON.stringify(headers)} → ${res.status} ${res.text.slice(0, 200)}`;
        if (res.status >= 300 && res.status < 400) {
          expect(res.headers.get("location"), context).toMatch(/^\/signin\?callbackUrl=/);
        } else if (headers["Next-Router-Prefetch"]) {
          // A prefetch of a dynamic page gets the layout only; the page itself isn't rendered.
          expect(res.status, context).toBe(200);
          expect(res.text, context).not.toMatch(/check-in|Your dashboard|Weekly email|This week's email|Your data/i);
        } else {
          // An RSC request gets the redirect inside the payload instead of a 3xx.
          expect(res.status, context).toBe(200);
          expect(res.text, context).toMatch(/NEXT_REDIRECT;[a-z]+;\/signin\?callbackUrl=/);
        }
      }
    }
  });
});
