// Accountability partners over HTTP, SMTP and SQL: an invitation emailed through the same path as
// sign-in links, accepted once by the invited address only; the partner's view holding exactly the
// shared fields; expired and reused invitations refused with a clear page; the cohort list of 30
// people in a constant number of statements; export and deletion covering partnerships and notes.
// Who may call each route is in access-control.test.ts.
import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { expectError, expectOk, tick } from "../support/api";
import { call, createEnrollment, createUser, firstMilestone, testDb, type TestUser } from "../support/factories";
import { waitForMail } from "../support/mail-capture";
import { pointLibAtTestDatabase } from "../support/test-lib";
import { shiftLocalDays } from "../support/dates";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const INVITE_LINK = /https?:\/\/\S+\/partners\/invite\/([A-Za-z0-9_-]{43})/;

async function invite(owner: TestUser, email: string, shares: string[] = ["roadmap", "phases", "pace", "this_week", "shipped", "streak"]) {
  const since = new Date();
  const res = await call("POST", "/api/me/partners/invitations", { user: owner, body: { email, role: "mentor", shares } });
  expectOk(res, 201);
  const mail = await waitForMail(process.env.MAIL_DIR!, email, since);
  const token = INVITE_LINK.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation link in: ${mail.text}`);
  return { token, mail, id: (res.json as { id: string }).id };
}

/** An invitation written straight to the table, with its token known to the test. */
async function storedInvitation(ownerId: string, email: string, expiresAt: Date) {
  const token = randomBytes(32).toString("base64url");
  await testDb().partnerInvitation.create({
    data: { ownerId, email, role: "friend", shares: ["pace"], tokenHash: sha256(token), expiresAt },
  });
  return token;
}

describe("inviting a partner", () => {
  it("emails a single-use link over SMTP; only its hash is stored; the invited address accepts and sees exactly what is shared", async () => {
    const a = await createUser("partner-owner");
    const b = await createUser("partner-mentor");
    await testDb().user.update({ where: { id: a.id }, data: { name: "Ada" } });
    const enrollment = await createEnrollment(a.id);
    const milestone = await firstMilestone();
    const canary = `canary-${a.id}-private-note`;
    expectOk(
      await tick(a, enrollment.id, milestone.id, { status: "done", note: canary, evidenceUrl: "https://example.test/ada-evidence" }),
    );

    const { token, mail } = await invite(a, b.email);
    expect(mail.subject).toContain("Ada");
    const stored = await testDb().partnerInvitation.findFirstOrThrow({ where: { ownerId: a.id } });
    expect(stored.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(14 * 24 * 3_600_000);

    // Before accepting, the page only reads; someone else's account can't accept it.
    const page = await call("GET", `/partners/invite/${token}`, { user: b });
    expect(page.text).toContain("Accept the invitation");
    const stranger = await createUser("stranger");
    expectError(await call("POST", "/api/partner-invitations/accept", { user: stranger, body: { token } }), "forbidden");
    expectError(await call("GET", `/api/following/${a.id}`, { user: b }), "not_found");

    const accepted = await call("POST", "/api/partner-invitations/accept", { user: b, body: { token } });
    expectOk(accepted, 201);
    expect(accepted.json).toEqual({ ownerId: a.id });

    const view = await call("GET", `/api/following/${a.id}`, { user: b });
    expectOk(view);
    const body = view.json as { view: { name: string; roadmap: { title: string }; pace: { label: string }; email?: string } };
    expect(body.view.name).toBe("Ada");
    expect(body.view.roadmap.title).toBeTruthy();
    expect(body.view.pace.label).toBeTruthy();
    expect(view.text).not.toContain(canary);
    expect(view.text).not.toContain(a.email);
    expect(view.text).not.toContain("ada-evidence");
    const html = await call("GET", `/partners/${a.id}`, { user: b });
    expectOk(html);
    expect(html.text).not.toContain(canary);
    expect(html.text).not.toContain(a.email);

    // A opts in evidence links: B's next read has them, still without the note.
    const listing = await call("GET", "/api/me/partners", { user: a });
    const partnershipId = (listing.json as { partners: { id: string }[] }).partners[0]!.id;
    expectOk(await call("PATCH", `/api/me/partners/${partnershipId}`, { user: a, body: { shares: ["roadmap", "pace", "evidence"] } }));
    const withEvidence = await call("GET", `/api/following/${a.id}`, { user: b });
    expect(withEvidence.text).toContain("https://example.test/ada-evidence");
    expect(withEvidence.text).not.toContain(canary);

    // Used once: a second accept is refused, and the link's page says so.
    expectError(await call("POST", "/api/partner-invitations/accept", { user: b, body: { token } }), "conflict");
    const used = await call("GET", `/partners/invite/${token}`, { user: b });
    expect(used.text).toContain("This invitation has already been used");

    // B leaves kudos on the milestone; A sees it on the dashboard and can hide it.
    expectOk(
      await call("POST", `/api/following/${a.id}/notes`, {
        user: b,
        body: { kind: "comment", body: "Great work on this one", milestoneId: milestone.id },
      }),
      201,
    );
    const dashboard = await call("GET", "/dashboard", { user: a });
    expect(dashboard.text).toContain("Great work on this one");
    const note = await testDb().partnerNote.findFirstOrThrow({ where: { recipientId: a.id } });
    expectOk(await call("DELETE", `/api/me/partner-notes/${note.id}`, { user: a }), 204);
    expect((await call("GET", "/dashboard", { user: a })).text).not.toContain("Great work on this one");

    // A removes B: the view 404s at once, as JSON and as a page.
    expectOk(await call("DELETE", `/api/me/partners/${partnershipId}`, { user: a }), 204);
    expectError(await call("GET", `/api/following/${a.id}`, { user: b }), "not_found");
    expect((await call("GET", `/partners/${a.id}`, { user: b })).status).toBe(404);
    expectError(await call("POST", `/api/following/${a.id}/notes`, { user: b, body: { kind: "kudos", isoWeek: "2026-W49" } }), "not_found");
  }, 60_000);

  it("refuses an expired invitation and a withdrawn one with a clear page, and a comment over 500 characters", async () => {
    const a = await createUser("partner-expired-owner");
    const b = await createUser("partner-expired-mentor");
    const expired = await storedInvitation(a.id, b.email, shiftLocalDays(new Date(), -1, "UTC"));
    const page = await call("GET", `/partners/invite/${expired}`, { user: b });
    expect(page.status).toBe(200);
    expect(page.text).toContain("This invitation has expired");
    expect(page.text).not.toContain("Accept the invitation");
    const refused = await call("POST", "/api/partner-invitations/accept", { user: b, body: { token: expired } });
    expect(expectError(refused, "conflict").message).toMatch(/expired/);
    expect(await testDb().partnership.count({ where: { ownerId: a.id } })).toBe(0);

    const { token, id } = await invite(a, b.email);
    expectOk(await call("DELETE", `/api/me/partners/invitations/${id}`, { user: a }), 204);
    expect((await call("GET", `/partners/invite/${token}`, { user: b })).text).toContain("This invitation was withdrawn");
    expectError(await call("POST", "/api/partner-invitations/accept", { user: b, body: { token } }), "conflict");

    // An unknown token is a 404 page.
    expect((await call("GET", `/partners/invite/${"y".repeat(43)}`, { user: b })).status).toBe(404);

    await testDb().partnership.create({ data: { ownerId: a.id, partnerId: b.id, role: "friend", shares: ["pace"] } });
    const long = await call("POST", `/api/following/${a.id}/notes`, {
      user: b,
      body: { kind: "comment", body: "x".repeat(501), isoWeek: "2026-W49" },
    });
    expect(expectError(long, "bad_request").fields?.body).toBeDefined();
  }, 60_000);

  it("refuses inviting yourself and someone who already follows you", async () => {
    const a = await createUser("partner-self");
    const self = await call("POST", "/api/me/partners/invitations", { user: a, body: { email: a.email, role: "friend", shares: [] } });
    expect(expectError(self, "bad_request").fields?.email).toBeDefined();
  });
});

describe("the cohort list", () => {
  let statements = 0;
  let lib: { view: typeof import("../../lib/partners/view") };

  beforeAll(async () => {
    pointLibAtTestDatabase();
    const { PrismaClient } = await import("../../lib/generated/prisma/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.TEST_DATABASE_URL! }),
      log: [{ emit: "event", level: "query" }],
    });
    client.$on("query", () => {
      statements += 1;
    });
    // lib/db.ts takes this client instead of making its own, so every statement lib sends is counted.
    (globalThis as unknown as { waypointDb: PrismaClient }).waypointDb = client;
    lib = { view: await import("../../lib/partners/view") };
  });

  async function mentorOf(n: number) {
    const mentor = await createUser("cohort-mentor");
    const people = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const person = await createUser("cohort-person");
        await testDb().user.update({ where: { id: person.id }, data: { name: `Person ${String(i).padStart(2, "0")}` } });
        await createEnrollment(person.id, "swe-to-mle", { startDate: i % 2 === 0 ? "2026-03-01" : "2026-11-01" });
        await testDb().partnership.create({
          data: { ownerId: person.id, partnerId: mentor.id, role: "mentor", shares: ["pace", "streak", "this_week"] },
        });
        return person;
      }),
    );
    return { mentor, people };
  }

  async function counted<T>(read: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = statements;
    const result = await read();
    return { result, statements: statements - before };
  }

  it("reads 30 people in at most 5 statements, the same number as for 3, whoever needs attention first", async () => {
    const big = await mentorOf(30);
    const small = await mentorOf(3);
    // The first read of a roadmap's tree is cached for the process: warm it, then count.
    await lib.view.cohortOf(small.mentor.id);
    const thirty = await counted(() => lib.view.cohortOf(big.mentor.id));
    const three = await counted(() => lib.view.cohortOf(small.mentor.id));
    expect(thirty.result).toHaveLength(30);
    expect(thirty.statements).toBeLessThanOrEqual(5);
    expect(thirty.statements).toBe(three.statements);
    // Each row has the shared columns; the list starts with the ones most behind.
    for (const row of thirty.result) {
      expect(row.verdict).not.toBeNull();
      expect(row.streakWeeks).toBe(0);
      expect(row.thisWeek).not.toBeNull();
    }
    const urgency = ["off_track", "at_risk", "paused", "just_started", "upcoming", "on_track", "done"];
    const ranks = thirty.result.map((r) => urgency.indexOf(r.verdict!.status));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    // The HTTP route answers the same list.
    const res = await call("GET", "/api/following?sort=name", { user: big.mentor });
    expectOk(res);
    expect((res.json as { people: { name: string }[] }).people.map((p) => p.name)).toEqual(
      [...big.people.keys()].map((i) => `Person ${String(i).padStart(2, "0")}`),
    );
  }, 120_000);
});

describe("export and deletion", () => {
  it("export partnerships both ways and notes given and received; deleting either account leaves nothing of it in any table", async () => {
    const a = await createUser("export-owner");
    const b = await createUser("export-mentor");
    await createEnrollment(a.id);
    const { token } = await invite(a, b.email);
    expectOk(await call("POST", "/api/partner-invitations/accept", { user: b, body: { token } }), 201);
    expectOk(
      await call("POST", `/api/following/${a.id}/notes`, { user: b, body: { kind: "comment", body: "note-from-b", isoWeek: "2026-W49" } }),
      201,
    );
    // Another invitation to B's address, still open, names B too.
    await storedInvitation((await createUser("export-other")).id, b.email, shiftLocalDays(new Date(), 3, "UTC"));

    const exportA = (await call("GET", "/api/me/export", { user: a })).json as {
      partners: { followers: { partnerEmail: string }[]; notesReceived: { body: string }[]; invitationsSent: unknown[] };
    };
    expect(exportA.partners.followers.map((f) => f.partnerEmail)).toEqual([b.email]);
    expect(exportA.partners.notesReceived.map((n) => n.body)).toEqual(["note-from-b"]);
    expect(exportA.partners.invitationsSent).toHaveLength(1);
    expect(JSON.stringify(exportA)).not.toContain(token);
    const exportB = (await call("GET", "/api/me/export", { user: b })).json as {
      partners: { following: unknown[]; notesGiven: { body: string }[] };
    };
    expect(exportB.partners.following).toHaveLength(1);
    expect(exportB.partners.notesGiven.map((n) => n.body)).toEqual(["note-from-b"]);

    expectOk(await call("DELETE", "/api/me", { user: b, body: { confirmEmail: b.email } }));
    const db = testDb();
    const tables = await db.$queryRaw<
      { table: string }[]
    >`select table_name as table from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    for (const { table } of tables) {
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
        `select count(*)::int as n from "${table}" t where to_jsonb(t)::text like $1 or to_jsonb(t)::text ilike $2`,
        `%${b.id}%`,
        `%${b.email}%`,
      );
      expect({ table, n: row!.n }).toEqual({ table, n: 0 });
    }
    expect((await call("GET", "/api/me/export", { user: a })).json).toMatchObject({ partners: { followers: [], notesReceived: [] } });
  }, 60_000);
});
