// The public progress page over HTTP and SQL: an unguessable token stored only as a hash, a page
// that shows roadmap, phases and pace and nothing private, new links that retire old ones, and
// revocation that is the caller's alone. Who may call the routes is also in access-control.test.ts.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/prisma/client";
import { expectError, expectOk, tick } from "../support/api";
import { call, createEnrollment, createUser, firstMilestone, testDb, type TestUser } from "../support/factories";

const PATH_SHAPE = /^\/p\/([A-Za-z0-9_-]+)$/;

async function turnOn(user: TestUser): Promise<{ path: string; token: string }> {
  const res = await call("POST", "/api/me/public-page", { user });
  expectOk(res, 201);
  const { path } = res.json as { path: string; since: string };
  const token = PATH_SHAPE.exec(path)?.[1];
  if (!token) throw new Error(`not a public page path: ${path}`);
  return { path, token };
}

/** As React escapes text into HTML. */
const inHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const storedOf = (userId: string) =>
  testDb().user.findUniqueOrThrow({ where: { id: userId }, select: { publicTokenHash: true, publicSince: true } });

describe("public progress page", () => {
  it("is off by default", async () => {
    const user = await createUser("public-default");
    expect(await storedOf(user.id)).toEqual({ publicTokenHash: null, publicSince: null });
  });

  it("makes a 43-character base64url token (32 random bytes) and stores only its SHA-256, in no table", async () => {
    const user = await createUser("public-token");
    await createEnrollment(user.id);
    const { token } = await turnOn(user);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const stored = await storedOf(user.id);
    expect(stored.publicTokenHash).toBe(sha256(token));
    expect(stored.publicSince).toBeInstanceOf(Date);
    // The token itself is nowhere in the database: every row of every table, as text.
    const db = testDb();
    const tables = await db.$queryRaw<{ table: string }[]>`
      select table_name as "table" from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThan(8);
    for (const { table } of tables) {
      const [row] = await db.$queryRaw<{ n: number }[]>(
        Prisma.sql`select count(*)::int as n from ${Prisma.raw(`"${table}"`)} t where strpos(row_to_json(t)::text, ${token}) > 0`,
      );
      expect({ table, n: row!.n }).toEqual({ table, n: 0 });
    }
  });

  it("shows anyone the roadmap, phases and pace, with nothing private, and asks not to be indexed or referred", async () => {
    const user = await createUser("public-view");
    const enrollment = await createEnrollment(user.id);
    const milestone = await firstMilestone();
    const canary = `canary-${user.id}-private-note`;
    expectOk(
      await tick(user, enrollment.id, milestone.id, { status: "done", note: canary, evidenceUrl: "https://example.test/private-evidence" }),
    );
    expectOk(
      await call("POST", "/api/checkins", {
        user,
        body: { enrollmentId: enrollment.id, hours: 3, confidence: 4, note: canary, idempotencyKey: `k-${user.id}` },
      }),
      201,
    );
    const { path, token } = await turnOn(user);

    const res = await call("GET", path);
    expectOk(res);
    const roadmap = await testDb().roadmap.findUniqueOrThrow({
      where: { id: enrollment.roadmapId },
      include: { phases: { where: { retiredAt: null } } },
    });
    expect(res.text).toContain(inHtml(roadmap.title));
    for (const phase of roadmap.phases) expect(res.text).toContain(inHtml(phase.title));
    expect(res.text).toMatch(/On track|At risk|Off track|Not started yet|Finished/);
    for (const secret of [canary, user.email, user.id, enrollment.id, "private-evidence", sha256(token)])
      expect(res.text).not.toContain(secret);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(res.text).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });

  it("says so, and nothing more, when the user is on no roadmap", async () => {
    const user = await createUser("public-none");
    const { path } = await turnOn(user);
    const res = await call("GET", path);
    expectOk(res);
    expect(res.text).toContain("Not on a roadmap at the moment.");
    expect(res.text).not.toContain(user.email);
  });

  it("a new link retires the old one; turning off makes the link 404; turning on again makes a new one", async () => {
    const user = await createUser("public-rotate");
    await createEnrollment(user.id);
    const first = await turnOn(user);
    const second = await turnOn(user);
    expect(second.token).not.toBe(first.token);
    expect((await call("GET", first.path)).status).toBe(404);
    expectOk(await call("GET", second.path));

    const off = await call("DELETE", "/api/me/public-page", { user });
    expectOk(off);
    expect(off.json).toEqual({ enabled: false });
    expect(await storedOf(user.id)).toEqual({ publicTokenHash: null, publicSince: null });
    expect((await call("GET", second.path)).status).toBe(404);
    // Turning off twice is fine.
    expectOk(await call("DELETE", "/api/me/public-page", { user }));

    const third = await turnOn(user);
    expect([first.token, second.token]).not.toContain(third.token);
    expectOk(await call("GET", third.path));
    expect((await call("GET", first.path)).status).toBe(404);
  });

  it("B turning B's page off or making a new link leaves A's page and link as they were", async () => {
    const a = await createUser("public-a");
    const b = await createUser("public-b");
    await createEnrollment(a.id);
    await createEnrollment(b.id);
    const aPage = await turnOn(a);
    const bPage = await turnOn(b);
    const aBefore = await storedOf(a.id);

    await turnOn(b);
    expectOk(await call("DELETE", "/api/me/public-page", { user: b }));
    expect(await storedOf(a.id)).toEqual(aBefore);
    expectOk(await call("GET", aPage.path));
    expect((await call("GET", bPage.path)).status).toBe(404);
    expect(await storedOf(b.id)).toEqual({ publicTokenHash: null, publicSince: null });
  });

  it("answers 404 for tokens that were never made, malformed ones, and the stored hash itself", async () => {
    const user = await createUser("public-unknown");
    await createEnrollment(user.id);
    const { token } = await turnOn(user);
    const candidates = [
      randomBytes(32).toString("base64url"),
      token.slice(0, 42),
      `${token}A`,
      `${token.slice(0, 42)}.`,
      sha256(token),
      "x",
      encodeURIComponent("' or 1=1 --"),
    ];
    for (const candidate of candidates) {
      const res = await call("GET", `/p/${candidate}`);
      expect({ candidate, status: res.status }).toEqual({ candidate, status: 404 });
      expect(res.text).not.toContain(user.email);
    }
  });

  it("turning the page on or off needs a session", async () => {
    expectError(await call("POST", "/api/me/public-page"), "unauthenticated");
    expectError(await call("DELETE", "/api/me/public-page"), "unauthenticated");
  });
});
