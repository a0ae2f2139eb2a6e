// The private calendar feed over HTTP and SQL, read back with a real iCalendar parser (ical.js):
// the dashboard's planned dates and target, a weekly reminder with its alarm that keeps its local
// hour across London's October clock change, a token stored only as a hash, new links that retire
// old ones, revocation, the export and account deletion. Who may call the routes is also in
// access-control.test.ts; the feed changing nothing on GET, in get-changes-nothing.test.ts.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { PacingResponse } from "../../components/dashboard/PacePanel";
import { describeDue } from "../../lib/pacing/headline";
import { expectError, expectOk, tick } from "../support/api";
import { localDaysAgo } from "../support/dates";
import { call, createEnrollment, createUser, firstMilestone, send, testDb, type TestUser } from "../support/factories";
import { parseFeed } from "../support/ics";

const PATH_SHAPE = /^\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function turnOn(user: TestUser): Promise<{ path: string; token: string }> {
  const res = await call("POST", "/api/me/calendar-feed", { user });
  expectOk(res, 201);
  const { path } = res.json as { path: string; since: string };
  const token = PATH_SHAPE.exec(path)?.[1];
  if (!token) throw new Error(`not a calendar feed path: ${path}`);
  return { path, token };
}

const storedOf = (userId: string) =>
  testDb().user.findUniqueOrThrow({ where: { id: userId }, select: { calendarTokenHash: true, calendarSince: true } });

/** The feed as a calendar app gets it: no cookie. */
async function fetchFeed(path: string) {
  const res = await send(path);
  return { ...res, feed: res.status === 200 ? parseFeed(res.text) : null };
}

describe("calendar feed", () => {
  it("is off by default; turning it on stores only the token's SHA-256", async () => {
    const user = await createUser("feed-token");
    expect(await storedOf(user.id)).toEqual({ calendarTokenHash: null, calendarSince: null });
    const { token } = await turnOn(user);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await storedOf(user.id);
    expect(stored.calendarTokenHash).toBe(sha256(token));
    expect(stored.calendarSince).toBeInstanceOf(Date);
    const [row] = await testDb().$queryRaw<
      { n: number }[]
    >`select count(*)::int as n from "User" u where strpos(row_to_json(u)::text, ${token}) > 0`;
    expect(row!.n).toBe(0);
  });

  it("holds the dashboard's planned dates and target, privately cacheable, with nothing private in it", async () => {
    const user = await createUser("feed-dates");
    const enrollment = await createEnrollment(user.id, "swe-to-mle", { startDate: localDaysAgo(30), targetMonths: 12 });
    const done = await firstMilestone();
    const canary = `canary-${user.id}-private-note`;
    expectOk(await tick(user, enrollment.id, done.id, { status: "done", note: canary }));
    const { path, token } = await turnOn(user);

    const res = await fetchFeed(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    for (const secret of [canary, user.email, user.id, enrollment.id, token, sha256(token)]) expect(res.text).not.toContain(secret);

    // What the dashboard reads (its JSON route, and the page it renders from the same getPacing).
    const { pacing } = (await call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user })).json as PacingResponse;
    const events = res.feed!.events;
    const planned = events
      .filter((e) => e.summary.startsWith("Planned: "))
      .map((e) => ({ title: e.summary.slice("Planned: ".length), date: e.date }));
    expect(planned).toEqual(pacing.plannedMilestones.map((m) => ({ title: m.title, date: m.dueDate })));
    expect(planned.map((p) => p.title)).not.toContain(done.title);
    const open = await testDb().milestone.count({ where: { roadmapId: enrollment.roadmapId, retiredAt: null } });
    expect(planned).toHaveLength(open - 1);
    expect(pacing.nextMilestones.map((m) => ({ title: m.title, date: m.dueDate }))).toEqual(planned.slice(0, 3));
    const dashboard = await send(`/dashboard?enrollment=${enrollment.id}`, { headers: { cookie: user.cookie } });
    expect(dashboard.status).toBe(200);
    const shown = dashboard.text.replace(/<!-- -->/g, "");
    for (const m of pacing.nextMilestones) expect(shown).toContain(`${m.phaseTitle}, ${describeDue(m.dueDate, pacing.today.date)}`);
    // A month into a 12-month plan, the first phase's milestones aren't due yet: the page says "by <date>".
    expect(describeDue(pacing.nextMilestones[0]!.dueDate, pacing.today.date)).toMatch(/^by \d{1,2} \w{3} \d{4}$/);

    const roadmap = await testDb().roadmap.findUniqueOrThrow({ where: { id: enrollment.roadmapId } });
    const target = events.filter((e) => e.summary.startsWith("Target: "));
    expect(target.map((e) => ({ summary: e.summary, date: e.date }))).toEqual([
      { summary: `Target: finish ${roadmap.title}`, date: pacing.targetDate },
    ]);
  });

  it("reminds weekly on the email's day and hour in the user's zone, with an alarm, at the same local hour across the end of British Summer Time", async () => {
    const user = await createUser("feed-dst");
    // Sunday 09:00 in London; a plan starting Thursday 1 Oct 2026, so the first reminder is Sunday
    // 4 Oct, and the fourth is 25 Oct, the day the clocks go back.
    await testDb().user.update({ where: { id: user.id }, data: { timezone: "Europe/London", digestWeekday: 7, digestHour: 9 } });
    await createEnrollment(user.id, "swe-to-mle", { startDate: "2026-10-01", targetMonths: 12 });
    const { path } = await turnOn(user);
    const { feed } = await fetchFeed(path);
    expect(feed!.timezones).toEqual(["Europe/London"]);
    const reminders = feed!.events.filter((e) => e.rrule !== null);
    expect(reminders.map((e) => ({ summary: e.summary, tzid: e.tzid, rrule: e.rrule, alarms: e.alarms }))).toEqual([
      {
        summary: "Waypoint check-in",
        tzid: "Europe/London",
        rrule: "FREQ=WEEKLY;BYDAY=SU",
        alarms: [{ action: "DISPLAY", trigger: "PT0S" }],
      },
    ]);
    expect(reminders[0]!.url).toMatch(/\/checkin$/);
    // 09:00 BST is 08:00 UTC; 09:00 GMT is 09:00 UTC.
    expect(reminders[0]!.startsUtc(6)).toEqual([
      "2026-10-04T08:00:00.000Z",
      "2026-10-11T08:00:00.000Z",
      "2026-10-18T08:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
      "2026-11-01T09:00:00.000Z",
      "2026-11-08T09:00:00.000Z",
    ]);

    // Changing the email's day and hour moves the reminder with it: Wednesdays at 18:00, from 7 Oct.
    expectOk(await call("PATCH", "/api/me", { user, body: { digestWeekday: 3, digestHour: 18 } }));
    const moved = (await fetchFeed(path)).feed!.events.find((e) => e.rrule !== null)!;
    expect(moved.rrule).toBe("FREQ=WEEKLY;BYDAY=WE");
    expect(moved.startsUtc(1)).toEqual(["2026-10-07T17:00:00.000Z"]);
  });

  it("has no reminder and no events for a user on no roadmap", async () => {
    const user = await createUser("feed-none");
    const { path } = await turnOn(user);
    const res = await fetchFeed(path);
    expect(res.status).toBe(200);
    expect(res.feed!.events).toEqual([]);
  });

  it("a new link retires the old one; turning it off 404s the link at once; on again makes a new one", async () => {
    const user = await createUser("feed-rotate");
    await createEnrollment(user.id);
    const first = await turnOn(user);
    expect((await fetchFeed(first.path)).status).toBe(200);
    const second = await turnOn(user);
    expect(second.token).not.toBe(first.token);
    expect((await fetchFeed(first.path)).status).toBe(404);
    expect((await fetchFeed(second.path)).status).toBe(200);

    const off = await call("DELETE", "/api/me/calendar-feed", { user });
    expectOk(off);
    expect(off.json).toEqual({ enabled: false });
    expect(await storedOf(user.id)).toEqual({ calendarTokenHash: null, calendarSince: null });
    const gone = await fetchFeed(second.path);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe("private, no-store");
    expectOk(await call("DELETE", "/api/me/calendar-feed", { user }));

    const third = await turnOn(user);
    expect([first.token, second.token]).not.toContain(third.token);
    expect((await fetchFeed(third.path)).status).toBe(200);
    // The public page's link is another kind: the feed's token doesn't open it, nor the reverse.
    expect((await send(`/p/${third.token}`)).status).toBe(404);
    const publicPage = await call("POST", "/api/me/public-page", { user });
    expectOk(publicPage, 201);
    const publicToken = (publicPage.json as { path: string }).path.slice("/p/".length);
    expect((await fetchFeed(`/api/calendar/${publicToken}.ics`)).status).toBe(404);
    expect((await fetchFeed(third.path)).status).toBe(200);
  });

  it("answers 404 for tokens never made, malformed ones and the stored hash", async () => {
    const user = await createUser("feed-unknown");
    const { token } = await turnOn(user);
    for (const candidate of [
      randomBytes(32).toString("base64url"),
      token.slice(0, 42),
      `${token}A`,
      sha256(token),
      "x",
      encodeURIComponent("' or 1=1 --"),
    ]) {
      const res = await send(`/api/calendar/${candidate}.ics`);
      expect({ candidate, status: res.status }).toEqual({ candidate, status: 404 });
      expect(res.text).not.toContain(user.email);
    }
  });

  it("is in the export (on or off, and since when), never its token or hash", async () => {
    const user = await createUser("feed-export");
    const off = await call("GET", "/api/me/export", { user });
    expectOk(off);
    expect((off.json as { profile: { calendarFeed: unknown } }).profile.calendarFeed).toEqual({ enabled: false, since: null });
    const { token } = await turnOn(user);
    const on = await call("GET", "/api/me/export", { user });
    const stored = await storedOf(user.id);
    expect((on.json as { profile: { calendarFeed: unknown } }).profile.calendarFeed).toEqual({
      enabled: true,
      since: stored.calendarSince!.toISOString(),
    });
    expect(on.text).not.toContain(token);
    expect(on.text).not.toContain(sha256(token));
    expect(on.text).not.toContain("calendarTokenHash");
  });

  it("goes with the account", async () => {
    const user = await createUser("feed-delete");
    await createEnrollment(user.id);
    const { path, token } = await turnOn(user);
    expect((await fetchFeed(path)).status).toBe(200);
    expectOk(await call("DELETE", "/api/me", { user, body: { confirmEmail: user.email } }));
    expect((await fetchFeed(path)).status).toBe(404);
    expect(await testDb().user.count({ where: { calendarTokenHash: sha256(token) } })).toBe(0);
  });

  it("turning the feed on or off needs a session", async () => {
    expectError(await call("POST", "/api/me/calendar-feed"), "unauthenticated");
    expectError(await call("DELETE", "/api/me/calendar-feed"), "unauthenticated");
  });
});
