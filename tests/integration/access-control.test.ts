// Who may call what. Every route handler under app/api and every page under app/ must have an entry
// in the tables below, so a new route or method can't ship without someone deciding its access rule.
// User A owns an enrolment with a ticked, annotated milestone; user B tries everything with A's ids.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { expectError, expectOk, tick, type CallResult } from "../support/api";
import { call, createEnrollment, createUser, firstMilestone, testDb, type TestUser } from "../support/factories";
import { discoverPages, discoverRoutes, exportedMethods } from "../support/routes";
import { localDaysAgo, shiftLocalDays } from "../support/dates";

// ---------- the access tables ----------

interface World {
  a: TestUser;
  b: TestUser;
  aEnrollmentId: string;
  aMilestoneId: string;
  /** A milestone on A's roadmap that A hasn't touched. */
  otherMilestoneId: string;
  aCheckInId: string;
  aCheckInKey: string;
  canary: string;
  /** A's public progress page, turned on: B and anonymous visitors may see it, and nothing private on it. */
  aPublicPath: string;
  /** A's calendar feed, turned on: likewise open to whoever has the link, with nothing private in it. */
  aFeedPath: string;
  /** A's shipped-feature record. */
  aFeatureId: string;
  /** A's job application (moved to screen) and an interview logged on it. */
  aApplicationId: string;
  aInterviewId: string;
  /** C follows A (A's partnership), C left A a note, and A has an invitation out. */
  aPartnershipId: string;
  aNoteId: string;
  aInvitationId: string;
}

/** A valid application (B's attempts send it too). */
const applicationBody = (notes: string) => ({
  company: "Acme AI",
  roleTitle: "ML Engineer",
  track: "ml_engineer",
  source: "direct",
  stage: "applied",
  notes,
});

/** A valid shipped-feature record (B's attempts send it too). */
const shippedBody = (problem: string) => ({
  title: "ticket classifier",
  problem,
  model: "DistilBERT, fine-tuned",
  launchDate: localDaysAgo(10),
  evalUrl: "https://example.test/eval",
  incidents: [],
});

interface Attempt {
  path: string;
  body?: unknown;
}

type RouteSpec =
  /** Anyone may call it; B sees nothing of A's. */
  | { access: "public"; attempts: (w: World) => Attempt[] }
  /** next-auth's own handler (sign-in, callback, session, CSRF); its rules are next-auth's, not ours. */
  | { access: "next-auth" }
  /** No session: acts for the user a signed token in the URL names, and only them (digest.test.ts tries forged ones). */
  | { access: "signed-link" }
  /** Ends the caller's own sessions: anonymous ⇒ 401 here; what it does to the caller is in tests/e2e/account.spec.ts. */
  | { access: "own-sessions"; attempts: (w: World) => Attempt[] }
  /** Acts on the resource named by A's ids in the path: anonymous ⇒ 401, B ⇒ 404 (never 403: existence stays secret). */
  | { access: "owner"; attempts: (w: World) => Attempt[] }
  /** Acts on the caller's own data (no id in the path): anonymous ⇒ 401, B gets only B's. */
  | { access: "caller"; attempts: (w: World) => Attempt[]; status: number };

const routes: Record<string, RouteSpec> = {
  "GET /api/auth/[...nextauth]": { access: "next-auth" },
  "POST /api/auth/[...nextauth]": { access: "next-auth" },
  "GET /api/health": { access: "public", attempts: () => [{ path: "/api/health" }] },
  "GET /api/roadmaps": { access: "public", attempts: () => [{ path: "/api/roadmaps" }] },
  "GET /api/roadmaps/[slug]": { access: "public", attempts: () => [{ path: "/api/roadmaps/swe-to-mle" }] },
  "GET /api/me": { access: "caller", status: 200, attempts: () => [{ path: "/api/me" }] },
  "PATCH /api/me": { access: "caller", status: 200, attempts: () => [{ path: "/api/me", body: { digestHour: 9, digestWeekday: 2 } }] },
  "POST /api/digest/unsubscribe": { access: "signed-link" },
  "GET /api/me/export": { access: "caller", status: 200, attempts: () => [{ path: "/api/me/export" }] },
  // B turning a page on, making a new link or turning it off acts on B's page only (A's row is in the snapshot).
  "POST /api/me/public-page": {
    access: "caller",
    status: 201,
    attempts: () => [{ path: "/api/me/public-page" }, { path: "/api/me/public-page" }],
  },
  "DELETE /api/me/public-page": { access: "caller", status: 200, attempts: () => [{ path: "/api/me/public-page" }] },
  // Likewise for the calendar feed: B's link, B's row.
  "POST /api/me/calendar-feed": {
    access: "caller",
    status: 201,
    attempts: () => [{ path: "/api/me/calendar-feed" }, { path: "/api/me/calendar-feed" }],
  },
  "DELETE /api/me/calendar-feed": { access: "caller", status: 200, attempts: () => [{ path: "/api/me/calendar-feed" }] },
  // The link is the credential, as for /p/[token]: anyone holding A's gets A's feed, which names
  // no one (unknown tokens' 404 is in calendar-feed.test.ts).
  "GET /api/calendar/[token]": { access: "public", attempts: (w) => [{ path: w.aFeedPath }] },
  "GET /api/me/assessment": { access: "caller", status: 200, attempts: () => [{ path: "/api/me/assessment" }] },
  // B saving answers writes B's own row; A's stays as it was (it is in the snapshot).
  "PUT /api/me/assessment": {
    access: "caller",
    status: 200,
    attempts: () => [
      {
        path: "/api/me/assessment",
        body: {
          operationalWork: "draining",
          careerStage: "senior",
          goal: "short_term_pay",
          mlSurfaceAtWork: false,
          mathsBackground: false,
        },
      },
    ],
  },
  "DELETE /api/me/sessions": { access: "own-sessions", attempts: () => [{ path: "/api/me/sessions" }] },
  // B naming A's address can't delete anything: the confirmation must be the caller's own email.
  "DELETE /api/me": { access: "caller", status: 400, attempts: (w) => [{ path: "/api/me", body: { confirmEmail: w.a.email } }] },
  "GET /api/enrollments": { access: "caller", status: 200, attempts: () => [{ path: "/api/enrollments" }] },
  "POST /api/enrollments": {
    access: "caller",
    status: 201,
    attempts: () => [
      {
        path: "/api/enrollments",
        body: { roadmapSlug: "swe-to-ai-engineer", startDate: "2026-10-01", targetMonths: 9, weeklyHours: 6, timezone: "UTC" },
      },
    ],
  },
  "GET /api/enrollments/[enrollmentId]": { access: "owner", attempts: (w) => [{ path: `/api/enrollments/${w.aEnrollmentId}` }] },
  "GET /api/enrollments/[enrollmentId]/pacing": {
    access: "owner",
    attempts: (w) => [{ path: `/api/enrollments/${w.aEnrollmentId}/pacing` }],
  },
  "GET /api/enrollments/[enrollmentId]/replan-preview": {
    access: "owner",
    attempts: (w) => [{ path: `/api/enrollments/${w.aEnrollmentId}/replan-preview?targetMonths=15` }],
  },
  "PATCH /api/enrollments/[enrollmentId]": {
    access: "owner",
    attempts: (w) =>
      [{ action: "pause" }, { action: "resume" }, { action: "replan", targetMonths: 6 }, { action: "abandon" }].map((body) => ({
        path: `/api/enrollments/${w.aEnrollmentId}`,
        body,
      })),
  },
  "PUT /api/enrollments/[enrollmentId]/milestones/[milestoneId]": {
    access: "owner",
    attempts: (w) => [
      { path: `/api/enrollments/${w.aEnrollmentId}/milestones/${w.aMilestoneId}`, body: { status: "not_started", note: null } },
      { path: `/api/enrollments/${w.aEnrollmentId}/milestones/${w.aMilestoneId}`, body: { status: "done", note: "overwritten by B" } },
      { path: `/api/enrollments/${w.aEnrollmentId}/milestones/${w.otherMilestoneId}`, body: { status: "in_progress" } },
    ],
  },
  "GET /api/checkins": { access: "caller", status: 200, attempts: () => [{ path: "/api/checkins" }] },
  // B naming A's enrolment, and even replaying A's idempotency key, gets a 404, never A's check-in.
  "POST /api/checkins": {
    access: "caller",
    status: 404,
    attempts: (w) => [
      { path: "/api/checkins", body: { enrollmentId: w.aEnrollmentId, hours: 2, confidence: 3, idempotencyKey: w.aCheckInKey } },
      {
        path: "/api/checkins",
        body: {
          enrollmentId: w.aEnrollmentId,
          hours: 2,
          confidence: 3,
          idempotencyKey: "b-0000-0000-0000-0001",
          milestoneIds: [w.otherMilestoneId],
        },
      },
    ],
  },
  "GET /api/checkins/[checkInId]": { access: "owner", attempts: (w) => [{ path: `/api/checkins/${w.aCheckInId}` }] },
  "PATCH /api/checkins/[checkInId]": {
    access: "owner",
    attempts: (w) => [{ path: `/api/checkins/${w.aCheckInId}`, body: { hours: 0, note: "overwritten by B" } }],
  },
  "DELETE /api/checkins/[checkInId]": { access: "owner", attempts: (w) => [{ path: `/api/checkins/${w.aCheckInId}` }] },
  "GET /api/shipped-features": { access: "caller", status: 200, attempts: () => [{ path: "/api/shipped-features" }] },
  // B records B's own feature; A's stays as it was.
  "POST /api/shipped-features": {
    access: "caller",
    status: 201,
    attempts: () => [{ path: "/api/shipped-features", body: shippedBody("B's own problem") }],
  },
  "GET /api/shipped-features/[featureId]": { access: "owner", attempts: (w) => [{ path: `/api/shipped-features/${w.aFeatureId}` }] },
  "PUT /api/shipped-features/[featureId]": {
    access: "owner",
    attempts: (w) => [{ path: `/api/shipped-features/${w.aFeatureId}`, body: shippedBody("overwritten by B") }],
  },
  "DELETE /api/shipped-features/[featureId]": { access: "owner", attempts: (w) => [{ path: `/api/shipped-features/${w.aFeatureId}` }] },
  "GET /api/applications": { access: "caller", status: 200, attempts: () => [{ path: "/api/applications" }] },
  "GET /api/pivot-plan": { access: "caller", status: 200, attempts: () => [{ path: "/api/pivot-plan" }] },
  // B sets B's own targets; A's plan stays as it was.
  "PUT /api/pivot-plan": {
    access: "caller",
    status: 200,
    attempts: () => [{ path: "/api/pivot-plan", body: { interviewGoal: 9, applicationsPerWeek: 4 } }],
  },
  // B adds B's own application; A's stay as they were.
  "POST /api/applications": {
    access: "caller",
    status: 201,
    attempts: () => [{ path: "/api/applications", body: applicationBody("B's own") }],
  },
  "GET /api/applications/[applicationId]": { access: "owner", attempts: (w) => [{ path: `/api/applications/${w.aApplicationId}` }] },
  "PATCH /api/applications/[applicationId]": {
    access: "owner",
    attempts: (w) => [{ path: `/api/applications/${w.aApplicationId}`, body: { notes: "overwritten by B", jobDescription: "PyTorch" } }],
  },
  "DELETE /api/applications/[applicationId]": { access: "owner", attempts: (w) => [{ path: `/api/applications/${w.aApplicationId}` }] },
  "POST /api/applications/[applicationId]/stage": {
    access: "owner",
    attempts: (w) => [{ path: `/api/applications/${w.aApplicationId}/stage`, body: { stage: "rejected" } }],
  },
  "POST /api/applications/[applicationId]/interviews": {
    access: "owner",
    attempts: (w) => [
      { path: `/api/applications/${w.aApplicationId}/interviews`, body: { heldOn: localDaysAgo(1), kind: "coding", felt: 2 } },
    ],
  },
  "DELETE /api/applications/[applicationId]/interviews/[interviewId]": {
    access: "owner",
    attempts: (w) => [{ path: `/api/applications/${w.aApplicationId}/interviews/${w.aInterviewId}` }],
  },
  "GET /api/me/partners": { access: "caller", status: 200, attempts: () => [{ path: "/api/me/partners" }] },
  // B's invitation is B's; A's invitations and partners are in the snapshot.
  "POST /api/me/partners/invitations": {
    access: "caller",
    status: 201,
    attempts: () => [
      { path: "/api/me/partners/invitations", body: { email: "someone-for-b@example.test", role: "friend", shares: ["pace"] } },
    ],
  },
  "DELETE /api/me/partners/invitations/[invitationId]": {
    access: "owner",
    attempts: (w) => [{ path: `/api/me/partners/invitations/${w.aInvitationId}` }],
  },
  "PATCH /api/me/partners/[partnershipId]": {
    access: "owner",
    attempts: (w) => [
      { path: `/api/me/partners/${w.aPartnershipId}`, body: { shares: ["notes", "email", "evidence"] } },
      { path: `/api/me/partners/${w.aPartnershipId}`, body: { muted: true } },
    ],
  },
  "DELETE /api/me/partners/[partnershipId]": { access: "owner", attempts: (w) => [{ path: `/api/me/partners/${w.aPartnershipId}` }] },
  "DELETE /api/me/partner-notes/[noteId]": { access: "owner", attempts: (w) => [{ path: `/api/me/partner-notes/${w.aNoteId}` }] },
  "PATCH /api/me/partner-copy": {
    access: "caller",
    status: 200,
    attempts: () => [{ path: "/api/me/partner-copy", body: { enabled: true } }],
  },
  // Without the emailed token there is nothing to accept: a well-formed unknown one is a 404.
  "POST /api/partner-invitations/accept": {
    access: "caller",
    status: 404,
    attempts: () => [{ path: "/api/partner-invitations/accept", body: { token: "x".repeat(43) } }],
  },
  "GET /api/following": { access: "caller", status: 200, attempts: () => [{ path: "/api/following" }] },
  // B doesn't follow A: A's view, leaving A and leaving A a note are all 404s.
  "GET /api/following/[ownerId]": { access: "owner", attempts: (w) => [{ path: `/api/following/${w.a.id}` }] },
  "DELETE /api/following/[ownerId]": { access: "owner", attempts: (w) => [{ path: `/api/following/${w.a.id}` }] },
  "POST /api/following/[ownerId]/notes": {
    access: "owner",
    attempts: (w) => [{ path: `/api/following/${w.a.id}/notes`, body: { kind: "kudos", isoWeek: "2026-W49" } }],
  },
};

/** What B requests for each page; where a page takes an id, B passes A's. */
const pages: Record<string, (w: World) => string> = {
  "/": () => "/",
  "/assessment": () => "/assessment",
  "/paths": () => "/paths",
  "/checkin": () => "/checkin",
  "/digest": () => "/digest",
  "/settings": () => "/settings",
  "/shipped": () => "/shipped",
  "/pivot": () => "/pivot",
  "/unsubscribe": () => "/unsubscribe",
  "/dashboard": (w) => `/dashboard?enrollment=${w.aEnrollmentId}`,
  "/dev/outbox": () => "/dev/outbox",
  "/roadmaps": () => "/roadmaps",
  "/roadmaps/[slug]": () => "/roadmaps/swe-to-mle",
  "/signin": () => "/signin?callbackUrl=%2Fdashboard",
  "/signin/check-email": () => "/signin/check-email",
  // The email's sign-in link: a page that only reads (the button goes on to next-auth's callback).
  "/signin/confirm": () => `/signin/confirm?token=${"ab".repeat(32)}&email=someone%40example.test`,
  // Public by design: B gets A's real page, which must show none of A's private data (an unknown
  // token's 404 is in public-page.test.ts).
  "/p/[token]": (w) => w.aPublicPath,
  "/partners": () => "/partners",
  // B doesn't follow A: a 404 page.
  "/partners/[ownerId]": (w) => `/partners/${w.a.id}`,
  "/partners/invite/[token]": () => `/partners/invite/${"x".repeat(43)}`,
};

// ---------- helpers ----------

async function send(method: string, attempt: Attempt, user?: TestUser): Promise<CallResult> {
  return call(method, attempt.path, { user, body: attempt.body });
}

/**
 * Next echoes the requested URL into the page's router state (`"c":["","dashboard?enrollment=…"]`,
 * `"q":"?enrollment=…"`). That is B's own input coming back, not A's data, so it is removed before
 * looking for A's id; a link or a rendered id would still be found.
 */
function withoutUrlEcho(html: string, id: string): string {
  return html.replace(new RegExp(`(?<=\\\\*")(?:dashboard)?\\?enrollment=${id}(?=\\\\*")`, "g"), "");
}

/**
 * Likewise a path segment B asked for, echoed as `"c":["","partners","<id>"]` and in the router's
 * segment key (`{"n":"ownerId","t":"d","k":"<id>"}`), and signed out in the sign-in redirect's
 * `callbackUrl=%2Fpartners%2F<id>`: the visitor's input, not A's data.
 */
function withoutSegmentEcho(html: string, parent: string, param: string, id: string): string {
  const q = '\\\\*"';
  return html
    .replace(new RegExp(`(?<=${q}${parent}${q},${q})${id}(?=${q})`, "g"), "")
    .replace(new RegExp(`(?<=${q}n${q}:${q}${param}${q},${q}t${q}:${q}d${q},${q}k${q}:${q})${id}(?=${q})`, "g"), "")
    .replaceAll(`callbackUrl=%2F${parent}%2F${id}`, "callbackUrl=");
}

function expectNothingOfA(text: string, w: World) {
  expect(text).not.toContain(w.canary);
  expect(text).not.toContain(w.a.email);
  expect(text).not.toContain(w.a.id);
  expect(text).not.toContain(w.aEnrollmentId);
  expect(text).not.toContain(w.aFeatureId);
  expect(text).not.toContain(w.aApplicationId);
  expect(text).not.toContain(w.aInterviewId);
  expect(text).not.toContain(w.aPartnershipId);
  expect(text).not.toContain(w.aNoteId);
  expect(text).not.toContain(w.aInvitationId);
}

/** Everything of A's that B's attempts could change. */
async function snapshotOf(userId: string) {
  const db = testDb();
  const [progress, events, enrollments, changes, checkIns, settings, assessment, shipped, applications, partnerships, notes, invitations] =
    await Promise.all([
      db.milestoneProgress.findMany({ where: { userId }, orderBy: { id: "asc" } }),
      db.progressEvent.count({ where: { userId } }),
      db.enrollment.findMany({
        where: { userId },
        orderBy: { id: "asc" },
        select: { id: true, status: true, targetMonths: true, weeklyHours: true, timezone: true, endedAt: true, updatedAt: true },
      }),
      db.enrollmentChange.count({ where: { enrollment: { userId } } }),
      db.checkIn.findMany({ where: { userId }, orderBy: { id: "asc" } }),
      db.user.findUnique({
        where: { id: userId },
        select: {
          timezone: true,
          digestEnabled: true,
          digestWeekday: true,
          digestHour: true,
          publicTokenHash: true,
          publicSince: true,
          calendarTokenHash: true,
          calendarSince: true,
          partnerCopyEnabled: true,
        },
      }),
      db.assessment.findUnique({ where: { userId } }),
      db.shippedFeature.findUnique({ where: { userId }, include: { incidents: { orderBy: { position: "asc" } } } }),
      db.jobApplication.findMany({
        where: { userId },
        orderBy: { id: "asc" },
        include: { stageChanges: { orderBy: { id: "asc" } }, interviews: { orderBy: { id: "asc" }, include: { revisitSkills: true } } },
      }),
      db.partnership.findMany({ where: { OR: [{ ownerId: userId }, { partnerId: userId }] }, orderBy: { id: "asc" } }),
      db.partnerNote.findMany({ where: { OR: [{ recipientId: userId }, { authorId: userId }] }, orderBy: { id: "asc" } }),
      db.partnerInvitation.findMany({ where: { ownerId: userId }, orderBy: { id: "asc" } }),
    ]);
  return {
    progress,
    events,
    enrollments,
    changes,
    checkIns,
    settings,
    assessment,
    shipped,
    applications,
    partnerships,
    notes,
    invitations,
  };
}

// ---------- the tests ----------

describe("access control", () => {
  let w: World;
  let before: Awaited<ReturnType<typeof snapshotOf>>;

  beforeAll(async () => {
    const a = await createUser("owner-a");
    const b = await createUser("intruder-b");
    const enrollment = await createEnrollment(a.id);
    const milestone = await firstMilestone();
    const other = await testDb().milestone.findFirstOrThrow({
      where: { roadmapId: enrollment.roadmapId, retiredAt: null, minDurationDays: null, id: { not: milestone.id } },
    });
    const canary = `canary-note-${a.id}-do-not-leak`;
    expectOk(await tick(a, enrollment.id, milestone.id, { status: "done", note: canary, evidenceUrl: "https://example.test/a-evidence" }));
    const aCheckInKey = `a-${a.id}-first-check-in`;
    const checkIn = await call("POST", "/api/checkins", {
      user: a,
      body: { enrollmentId: enrollment.id, hours: 3, confidence: 4, note: canary, idempotencyKey: aCheckInKey },
    });
    expectOk(checkIn, 201);
    const aCheckInId = (checkIn.json as { checkIn: { id: string } }).checkIn.id;
    const publicPage = await call("POST", "/api/me/public-page", { user: a });
    expectOk(publicPage, 201);
    const aPublicPath = (publicPage.json as { path: string }).path;
    const feed = await call("POST", "/api/me/calendar-feed", { user: a });
    expectOk(feed, 201);
    const aFeedPath = (feed.json as { path: string }).path;
    expectOk(
      await call("PUT", "/api/me/assessment", {
        user: a,
        body: {
          operationalWork: "appeals",
          careerStage: "early",
          goal: "long_term_compounding",
          mlSurfaceAtWork: true,
          mathsBackground: true,
        },
      }),
    );
    const shipped = await call("POST", "/api/shipped-features", {
      user: a,
      body: {
        ...shippedBody(canary),
        incidents: [{ occurredOn: shippedBody("").launchDate, whatHappened: canary, whatChanged: "added an alert", featureWasOff: false }],
      },
    });
    expectOk(shipped, 201);
    const aFeatureId = (shipped.json as { id: string }).id;
    const application = await call("POST", "/api/applications", {
      user: a,
      body: { ...applicationBody(canary), jobDescription: `PyTorch and Docker. ${canary}` },
    });
    expectOk(application, 201);
    const aApplicationId = (application.json as { id: string }).id;
    expectOk(await call("POST", `/api/applications/${aApplicationId}/stage`, { user: a, body: { stage: "screen" } }));
    const interview = await call("POST", `/api/applications/${aApplicationId}/interviews`, {
      user: a,
      body: { heldOn: localDaysAgo(0), kind: "screen", felt: 2, asked: canary, wentBadly: canary, revisitMilestoneIds: [other.id] },
    });
    expectOk(interview, 201);
    const aInterviewId = (interview.json as { interviews: { id: string }[] }).interviews[0]!.id;
    // C follows A and left a note with A's canary; A has an invitation out.
    const c = await createUser("partner-c");
    const partnership = await testDb().partnership.create({
      data: { ownerId: a.id, partnerId: c.id, role: "mentor", shares: ["roadmap", "pace"] },
    });
    const note = await testDb().partnerNote.create({
      data: { authorId: c.id, recipientId: a.id, kind: "comment", body: canary, isoWeek: "2026-W49" },
    });
    const invitation = await testDb().partnerInvitation.create({
      data: {
        ownerId: a.id,
        email: "invited-by-a@example.test",
        role: "friend",
        shares: ["pace"],
        tokenHash: `${a.id}-invitation-hash`,
        expiresAt: shiftLocalDays(new Date(), 1, "UTC"),
      },
    });
    // B has an enrolment of its own, so pages that fall back to "your own" have something to show.
    await createEnrollment(b.id);
    w = {
      a,
      b,
      aEnrollmentId: enrollment.id,
      aMilestoneId: milestone.id,
      otherMilestoneId: other.id,
      aCheckInId,
      aCheckInKey,
      canary,
      aPublicPath,
      aFeedPath,
      aFeatureId,
      aApplicationId,
      aInterviewId,
      aPartnershipId: partnership.id,
      aNoteId: note.id,
      aInvitationId: invitation.id,
    };
    before = await snapshotOf(a.id);
  });

  it("has an access rule for every route handler and method under app/api, and no stale rules", () => {
    const discovered = discoverRoutes().sort();
    expect(discovered.length).toBeGreaterThan(0);
    const missing = discovered.filter((route) => !(route in routes));
    const stale = Object.keys(routes).filter((route) => !discovered.includes(route));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("has a rule for every page under app/, and no stale ones", () => {
    const discovered = discoverPages().sort();
    expect(discovered).toEqual(Object.keys(pages).sort());
  });

  it("reads exported methods in both export forms", () => {
    expect(exportedMethods("export const GET = handle(x);\nexport async function PATCH() {}\nexport const dynamic = 1;")).toEqual([
      "GET",
      "PATCH",
    ]);
    expect(exportedMethods("export { handler as GET, handler as POST, other };")).toEqual(["GET", "POST"]);
    // The refusals otherMethods() makes (JSON 405s; boundaries.test.ts checks them) are not routes.
    expect(exportedMethods('export const GET = handle(x);\nexport const { POST, PUT, OPTIONS } = otherMethods("GET");')).toEqual(["GET"]);
  });

  const entries = Object.entries(routes);
  const signedIn = entries.filter(([, spec]) => spec.access === "owner" || spec.access === "caller" || spec.access === "own-sessions");

  it.each(signedIn)("%s: anonymous ⇒ 401 unauthenticated", async (route, spec) => {
    if (spec.access !== "owner" && spec.access !== "caller" && spec.access !== "own-sessions") throw new Error("filtered above");
    const method = route.split(" ")[0]!;
    for (const attempt of spec.attempts(w)) {
      const res = await send(method, attempt);
      expectError(res, "unauthenticated");
      expectNothingOfA(res.text, w);
    }
  });

  it.each(entries.filter(([, spec]) => spec.access === "owner"))("%s: B with A's ids ⇒ 404, nothing of A's", async (route, spec) => {
    if (spec.access !== "owner") throw new Error("filtered above");
    const method = route.split(" ")[0]!;
    for (const attempt of spec.attempts(w)) {
      const res = await send(method, attempt, w.b);
      expectError(res, "not_found");
      expectNothingOfA(res.text, w);
    }
  });

  it.each(entries.filter(([, spec]) => spec.access === "caller"))("%s: B gets only B's own", async (route, spec) => {
    if (spec.access !== "caller") throw new Error("filtered above");
    const method = route.split(" ")[0]!;
    for (const attempt of spec.attempts(w)) {
      const res = await send(method, attempt, w.b);
      expect({ status: res.status, text: res.text }).toMatchObject({ status: spec.status });
      expectNothingOfA(res.text, w);
    }
  });

  it.each(entries.filter(([, spec]) => spec.access === "public"))("%s: open to anyone, nothing of A's", async (route, spec) => {
    if (spec.access !== "public") throw new Error("filtered above");
    const method = route.split(" ")[0]!;
    for (const attempt of spec.attempts(w)) {
      for (const user of [undefined, w.b]) {
        const res = await send(method, attempt, user);
        expectOk(res);
        expectNothingOfA(res.text, w);
      }
    }
  });

  it("next-auth's session endpoint tells B about B only", async () => {
    const res = await call("GET", "/api/auth/session", { user: w.b });
    expectOk(res);
    expect(res.json).toMatchObject({ user: { email: w.b.email, id: w.b.id } });
    expectNothingOfA(res.text, w);
    const anonymous = await call("GET", "/api/auth/session");
    expectOk(anonymous);
    expectNothingOfA(anonymous.text, w);
  });

  it("lists only B's enrolments to B", async () => {
    const res = await call("GET", "/api/enrollments", { user: w.b });
    expectOk(res);
    const listed = (res.json as { enrollments: { id: string; userId: string }[] }).enrollments;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => e.userId === w.b.id)).toBe(true);
    expect(listed.map((e) => e.id)).not.toContain(w.aEnrollmentId);
  });

  it.each(Object.entries(pages))("page %s shows B nothing of A's", async (_pattern, pathFor) => {
    for (const user of [w.b, undefined]) {
      const res = await call("GET", pathFor(w), { user });
      expect(res.status, res.text.slice(0, 500)).toBeLessThan(500);
      expectNothingOfA(withoutSegmentEcho(withoutUrlEcho(res.text, w.aEnrollmentId), "partners", "ownerId", w.a.id), w);
    }
  });

  it("leaves A's canary in no built or cached file the server could hand out (.next)", async () => {
    // A has been served pages and JSON above; nothing of theirs may end up in static chunks or caches.
    const dir = path.join(repoRoot, ".next");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|json|html|rsc|body|txt|map)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const holding = files.filter((f) => readFileSync(path.join(dir, f), "utf8").includes(w.canary));
    expect(holding).toEqual([]);
  });

  it("serves A's public page to B and to anyone (so the check above looks at a real page, not a 404)", async () => {
    for (const user of [w.b, undefined]) {
      const res = await call("GET", w.aPublicPath, { user });
      expectOk(res);
      expect(res.text).toContain('data-testid="pace-status"');
      expectNothingOfA(res.text, w);
    }
  });

  it("renders B's own dashboard when B asks for A's enrolment, and A's for A (so the check can see a leak)", async () => {
    const asB = await call("GET", `/dashboard?enrollment=${w.aEnrollmentId}`, { user: w.b });
    expectOk(asB);
    const bEnrollment = await testDb().enrollment.findFirstOrThrow({ where: { userId: w.b.id } });
    expect(asB.text).toContain(bEnrollment.id);
    expectNothingOfA(withoutUrlEcho(asB.text, w.aEnrollmentId), w);

    const asA = await call("GET", `/dashboard?enrollment=${w.aEnrollmentId}`, { user: w.a });
    expectOk(asA);
    const own = withoutUrlEcho(asA.text, w.aEnrollmentId);
    expect(own).toContain(w.canary);
    expect(own).toContain(w.aEnrollmentId);
  });

  it("a cookie whose session row is gone, or expired, is anonymous", async () => {
    const gone = await createUser("signed-out");
    expectOk(await call("GET", "/api/me", { user: gone }));
    await testDb().session.delete({ where: { sessionToken: gone.sessionToken } });
    expectError(await call("GET", "/api/me", { user: gone }), "unauthenticated");

    const expired = await createUser("expired");
    await testDb().session.update({ where: { sessionToken: expired.sessionToken }, data: { expires: new Date(Date.now() - 1000) } });
    expectError(await call("GET", "/api/me", { user: expired }), "unauthenticated");
  });

  // Runs last (vitest keeps declaration order within a file): every attempt above has been made.
  it("leaves A's rows exactly as they were after all of B's and anonymous attempts", async () => {
    expect(await snapshotOf(w.a.id)).toEqual(before);
  });
});
