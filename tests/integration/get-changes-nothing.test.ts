// No GET changes state. A signed-in user with data of every kind (an enrolment, ticks, a check-in,
// a self-assessment, the public page and the calendar feed on, a job application with an interview,
// a shipped-feature record whose 90 days are up and not yet ticked) requests every page and every GET
// route under app/ — found from the files, as access-control.test.ts finds them, so a new one can't
// be left out — as HTML and as an RSC payload, and anonymously too. Every table in the public schema
// is checksummed before and after.
import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/prisma/client";
import { expectOk, tick } from "../support/api";
import { call, createEnrollment, createShippedRecord, createUser, firstMilestone, send, testDb, type TestUser } from "../support/factories";
import { discoverPages, discoverRoutes } from "../support/routes";
import { pointLibAtTestDatabase } from "../support/test-lib";
import { localDaysAgo, shiftLocalDays } from "../support/dates";

interface World {
  user: TestUser;
  enrollmentId: string;
  checkInId: string;
  featureId: string;
  publicPath: string;
  feedPath: string;
  unsubscribeToken: string;
  applicationId: string;
  /** Someone the user follows as a partner, and an open invitation's link to the user. */
  followedId: string;
  invitationPath: string;
}

/** What to request for each GET route under app/api; a catch-all gets several paths. */
const routes: Record<string, (w: World) => string[]> = {
  // next-auth's GET actions, except the email callback: it signs in and uses up the link. The email
  // links to /signin/confirm (in the pages below), whose button is the one way to the callback.
  "GET /api/auth/[...nextauth]": () => [
    "/api/auth/session",
    "/api/auth/csrf",
    "/api/auth/providers",
    "/api/auth/signin",
    "/api/auth/signout",
    "/api/auth/error",
  ],
  "GET /api/health": () => ["/api/health"],
  "GET /api/roadmaps": () => ["/api/roadmaps"],
  "GET /api/roadmaps/[slug]": () => ["/api/roadmaps/swe-to-mle"],
  "GET /api/me": () => ["/api/me"],
  "GET /api/me/export": () => ["/api/me/export"],
  "GET /api/me/assessment": () => ["/api/me/assessment"],
  // The calendar feed, as a calendar app polls it (no cookie) and as its owner opens it.
  "GET /api/calendar/[token]": (w) => [w.feedPath],
  "GET /api/enrollments": () => ["/api/enrollments"],
  "GET /api/enrollments/[enrollmentId]": (w) => [`/api/enrollments/${w.enrollmentId}`],
  "GET /api/enrollments/[enrollmentId]/pacing": (w) => [`/api/enrollments/${w.enrollmentId}/pacing`],
  "GET /api/enrollments/[enrollmentId]/replan-preview": (w) => [
    `/api/enrollments/${w.enrollmentId}/replan-preview?targetMonths=18&weeklyHours=12`,
  ],
  "GET /api/checkins": () => ["/api/checkins"],
  "GET /api/checkins/[checkInId]": (w) => [`/api/checkins/${w.checkInId}`],
  "GET /api/shipped-features": () => ["/api/shipped-features"],
  "GET /api/shipped-features/[featureId]": (w) => [`/api/shipped-features/${w.featureId}`],
  "GET /api/applications": () => ["/api/applications"],
  "GET /api/applications/[applicationId]": (w) => [`/api/applications/${w.applicationId}`],
  "GET /api/pivot-plan": () => ["/api/pivot-plan"],
  "GET /api/me/partners": () => ["/api/me/partners"],
  "GET /api/following": () => ["/api/following", "/api/following?sort=buffer"],
  "GET /api/following/[ownerId]": (w) => [`/api/following/${w.followedId}`],
};

/** What to request for each page; where a page takes a token or an id, the user's own. */
const pages: Record<string, (w: World) => string> = {
  "/": () => "/",
  "/assessment": () => "/assessment",
  "/paths": () => "/paths",
  "/checkin": () => "/checkin",
  "/dashboard": (w) => `/dashboard?enrollment=${w.enrollmentId}`,
  "/dev/outbox": () => "/dev/outbox",
  "/digest": () => "/digest",
  "/p/[token]": (w) => w.publicPath,
  "/roadmaps": () => "/roadmaps",
  "/roadmaps/[slug]": () => "/roadmaps/swe-to-mle",
  "/settings": () => "/settings",
  "/shipped": () => "/shipped",
  "/pivot": () => "/pivot",
  "/signin": () => "/signin?callbackUrl=%2Fdashboard",
  "/signin/check-email": () => "/signin/check-email",
  // The email's sign-in link: a page that only reads (the button goes on to next-auth's callback).
  "/signin/confirm": () => `/signin/confirm?token=${"ab".repeat(32)}&email=someone%40example.test`,
  // Opening the email's unsubscribe link shows a button; only the button's POST unsubscribes.
  "/unsubscribe": (w) => `/unsubscribe?token=${w.unsubscribeToken}`,
  "/partners": () => "/partners",
  "/partners/[ownerId]": (w) => `/partners/${w.followedId}`,
  // Opening the invitation link shows it and a button; only the button's POST accepts it.
  "/partners/invite/[token]": (w) => w.invitationPath,
};

/**
 * Columns a read may change by design. next-auth's database sessions roll: a request made more than
 * `updateAge` (24 h here, lib/auth.ts) after the session was last extended moves `expires` to now +
 * maxAge (next-auth/core/routes/session.js, the `updateSession` call). The test sets the session up
 * to be due for that, checks that it happens, and that it is the only change to the table.
 */
const CHANGES_ON_READ: Record<string, string[]> = { Session: ["expires"] };

/**
 * The per-user rate-limit counts (lib/rate-limit.ts): the limited reads — the data export and the
 * email preview — count themselves by design. Left out of the checksums and checked on their own:
 * those two counts of the reader's move, and nothing else in the table.
 */
const COUNTS_TABLE = "UserRateLimit";
const countsRows = async () =>
  Object.fromEntries(
    (
      await testDb().$queryRaw<{ key: string; points: number }[]>(Prisma.sql`select key, points from ${Prisma.raw(`"${COUNTS_TABLE}"`)}`)
    ).map((r) => [r.key, r.points]),
  );

/** An md5 of every row of every table in the public schema, the columns above left out. */
async function checksums(): Promise<Record<string, string>> {
  const db = testDb();
  const tables = await db.$queryRaw<{ table: string }[]>`
    select table_name as "table" from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
  const sums: Record<string, string> = {};
  for (const { table } of tables) {
    if (table === COUNTS_TABLE) continue;
    const [row] = await db.$queryRaw<{ sum: string }[]>(Prisma.sql`
      select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as sum
      from (select to_jsonb(t) - ${CHANGES_ON_READ[table] ?? []}::text[] as r from ${Prisma.raw(`"${table}"`)} t) rows`);
    sums[table] = row!.sum;
  }
  return sums;
}

describe("no GET changes state", () => {
  let w: World;

  beforeAll(async () => {
    const user = await createUser("reader");
    const enrollment = await createEnrollment(user.id);
    const milestone = await firstMilestone();
    expectOk(
      await tick(user, enrollment.id, milestone.id, {
        status: "done",
        note: "ticked before the reads",
        evidenceUrl: "https://example.test/evidence",
      }),
    );
    const checkIn = await call("POST", "/api/checkins", {
      user,
      body: { enrollmentId: enrollment.id, hours: 4, confidence: 3, note: "a week's work", idempotencyKey: `reader-${user.id}-first` },
    });
    expectOk(checkIn, 201);
    expectOk(
      await call("PUT", "/api/me/assessment", {
        user,
        body: {
          operationalWork: "appeals",
          careerStage: "mid",
          goal: "long_term_compounding",
          mlSurfaceAtWork: true,
          mathsBackground: false,
        },
      }),
    );
    const publicPage = await call("POST", "/api/me/public-page", { user });
    expectOk(publicPage, 201);
    const feed = await call("POST", "/api/me/calendar-feed", { user });
    expectOk(feed, 201);
    // Launched 100 days ago and saved before its 90 days were up: due, and not yet ticked.
    const feature = await createShippedRecord(user.id, { launchDate: localDaysAgo(100) });
    // A saved application (not sent: nothing ticked yet) with an interview and a job description to match.
    const application = await call("POST", "/api/applications", {
      user,
      body: {
        company: "Acme AI",
        roleTitle: "ML Engineer",
        track: "ml_engineer",
        source: "referral",
        stage: "saved",
        jobDescription: "PyTorch, Docker, drift detection",
      },
    });
    expectOk(application, 201);
    const applicationId = (application.json as { id: string }).id;
    expectOk(
      await call("POST", `/api/applications/${applicationId}/interviews`, {
        user,
        body: { heldOn: localDaysAgo(2), kind: "ml_depth", felt: 1, revisitMilestoneIds: [milestone.id] },
      }),
      201,
    );
    // A partner view to read: someone the user follows, and an invitation to follow someone else.
    const followed = await createUser("followed");
    await createEnrollment(followed.id);
    await testDb().partnership.create({
      data: { ownerId: followed.id, partnerId: user.id, role: "mentor", shares: ["roadmap", "phases", "pace", "this_week", "streak"] },
    });
    const inviter = await createUser("inviter");
    const inviteToken = randomBytes(32).toString("base64url");
    await testDb().partnerInvitation.create({
      data: {
        ownerId: inviter.id,
        email: user.email,
        role: "friend",
        shares: ["pace"],
        tokenHash: createHash("sha256").update(inviteToken).digest("hex"),
        expiresAt: shiftLocalDays(new Date(), 14, "UTC"),
      },
    });
    pointLibAtTestDatabase();
    const { unsubscribeToken } = await import("../../lib/digest/unsubscribe");
    w = {
      user,
      enrollmentId: enrollment.id,
      checkInId: (checkIn.json as { checkIn: { id: string } }).checkIn.id,
      featureId: feature.id,
      publicPath: (publicPage.json as { path: string }).path,
      feedPath: (feed.json as { path: string }).path,
      unsubscribeToken: unsubscribeToken(user.id),
      applicationId,
      followedId: followed.id,
      invitationPath: `/partners/invite/${inviteToken}`,
    };
  });

  it("has a path for every GET route and every page under app/, and none stale", () => {
    const getRoutes = discoverRoutes().filter((route) => route.startsWith("GET "));
    expect(getRoutes.length).toBeGreaterThan(10);
    expect(Object.keys(routes).sort()).toEqual(getRoutes.sort());
    expect(Object.keys(pages).sort()).toEqual(discoverPages().sort());
  });

  it("leaves every table as it was after all of them, signed in and not; only next-auth's session expiry rolls on", async () => {
    const db = testDb();
    // Last extended 29 days ago (30-day sessions): the next request rolls it, as next-auth does.
    const sessionBefore = await db.session.update({
      where: { sessionToken: w.user.sessionToken },
      data: { expires: shiftLocalDays(new Date(), 1) },
    });
    const before = await checksums();
    expect(Object.keys(before).length).toBeGreaterThan(15);
    const countsBefore = await countsRows();

    const requests: { path: string; headers: Record<string, string> }[] = [
      ...Object.values(routes).flatMap((pathsFor) => pathsFor(w).map((path) => ({ path, headers: {} }))),
      ...Object.values(pages).flatMap((pathFor) => [
        { path: pathFor(w), headers: {} },
        // What the browser's router fetches on a client-side navigation.
        { path: pathFor(w), headers: { RSC: "1" } },
      ]),
      // Served from app/ without being a page or an API route.
      { path: "/manifest.webmanifest", headers: {} },
    ];
    for (const user of [w.user, undefined]) {
      for (const { path, headers } of requests) {
        const res = await send(path, { headers: { ...headers, ...(user ? { cookie: user.cookie } : {}) } });
        // Signed in, each answers (a redirect at most: /signin sends a signed-in user on), but the
        // development outbox, which doesn't exist with SMTP_URL set, as on the test stack.
        const worst = user && path !== "/dev/outbox" ? 399 : 499;
        expect(
          res.status,
          `${user ? "signed in" : "anonymous"} GET ${path} ${JSON.stringify(headers)}: ${res.text.slice(0, 300)}`,
        ).toBeLessThanOrEqual(worst);
      }
    }
    expect(await checksums()).toEqual(before);
    const countsAfter = await countsRows();
    const moved = Object.keys(countsAfter).filter((key) => countsAfter[key] !== countsBefore[key]);
    expect(moved.sort()).toEqual([`digestPreview:${w.user.id}`, `export:${w.user.id}`]);
    const sessionAfter = await db.session.findUniqueOrThrow({ where: { sessionToken: w.user.sessionToken } });
    expect({ ...sessionAfter, expires: null }).toEqual({ ...sessionBefore, expires: null });
    expect(sessionAfter.expires.getTime()).toBeGreaterThan(sessionBefore.expires.getTime());
    expect(sessionAfter.expires.getTime()).toBeLessThanOrEqual(shiftLocalDays(new Date(), 30, "UTC").getTime());

    // The reads saw the data they were meant to: the record, due and still waiting for its tick.
    const shipped = await call("GET", "/api/shipped-features", { user: w.user });
    expect(shipped.json).toMatchObject({ id: w.featureId, clock: { due: true }, maintenanceTick: "queued" });
  });
});
