// Check-ins over HTTP against the real database: idempotency (retries, double taps, races), ticks made
// with a check-in, edit and delete, the local ISO week, and the streak. Access control for these
// routes is in access-control.test.ts, random bodies in fuzz.test.ts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CheckInView } from "../../lib/checkins";
import type { Streak } from "../../lib/checkins/streak";
import { isoWeekOf, previousIsoWeek } from "../../lib/calendar/iso-weeks";
import { dashboardOf, expectError, expectOk, milestonesBySlug } from "../support/api";
import { call, createEnrollment, createUser, testDb, type TestUser } from "../support/factories";
import { shiftLocalDays } from "../support/dates";

interface CheckInResponse {
  checkIn: CheckInView;
  pace: { headline: string; status: string };
  streak: Streak;
}

const checkIn = (user: TestUser, body: Record<string, unknown>) => call("POST", "/api/checkins", { user, body });

async function setUp(prefix: string, options: { timezone?: string } = {}) {
  const user = await createUser(prefix);
  const enrollment = await createEnrollment(user.id);
  if (options.timezone) {
    await testDb().enrollment.update({ where: { id: enrollment.id }, data: { timezone: options.timezone } });
    await testDb().user.update({ where: { id: user.id }, data: { timezone: options.timezone } });
  }
  const base = { enrollmentId: enrollment.id, hours: 4, confidence: 3 };
  return { user, enrollment, base };
}

describe("check-ins", () => {
  it("stores one row for the same idempotency key sent twice, and answers both with the same check-in", async () => {
    const { user, base } = await setUp("idem");
    const body = { ...base, note: "Read chapter 3 of the stats book", idempotencyKey: randomUUID() };
    const first = await checkIn(user, body);
    expectOk(first, 201);
    const again = await checkIn(user, body);
    expectOk(again, 201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(again.json).toEqual(first.json);
    expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(1);
  });

  it("stores one row when ten requests with one key race, each answered with that row", async () => {
    const { user, enrollment, base } = await setUp("race");
    const milestones = [...milestonesBySlug(await dashboardOf(user, enrollment.id)).values()].filter((m) => m.minDurationDays === null);
    const body = { ...base, idempotencyKey: randomUUID(), milestoneIds: [milestones[0]!.id, milestones[1]!.id] };
    const responses = await Promise.all(Array.from({ length: 10 }, () => checkIn(user, body)));
    for (const res of responses) expectOk(res, 201);
    const ids = new Set(responses.map((r) => (r.json as CheckInResponse).checkIn.id));
    expect(ids.size).toBe(1);
    expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(1);
    // The ticks happened once: one event per milestone, both tagged with the check-in.
    const events = await testDb().progressEvent.findMany({ where: { userId: user.id } });
    expect(events.map((e) => [e.toStatus, e.source, e.checkInId])).toEqual([
      ["done", "checkin", [...ids][0]],
      ["done", "checkin", [...ids][0]],
    ]);
  });

  it("ticks the chosen milestones done, shows them on the dashboard, and answers with the pace and the streak", async () => {
    const { user, enrollment, base } = await setUp("ticks");
    const before = milestonesBySlug(await dashboardOf(user, enrollment.id));
    const [a, b] = [...before.values()].filter((m) => m.minDurationDays === null);
    const res = await checkIn(user, {
      ...base,
      hours: 6.5,
      confidence: 4,
      note: "Two done",
      idempotencyKey: randomUUID(),
      milestoneIds: [a!.id, b!.id],
    });
    expectOk(res, 201);
    const body = res.json as CheckInResponse;
    expect(body.checkIn).toMatchObject({ hours: 6.5, confidence: 4, note: "Two done", enrollmentId: enrollment.id });
    expect(body.checkIn.ticked.map((t) => t.skillSlug).sort()).toEqual([a!.skillSlug, b!.skillSlug].sort());
    expect(body.pace.headline.length).toBeGreaterThan(10);
    expect(body.streak).toMatchObject({ weeks: 1, thisWeekDone: true });
    const after = milestonesBySlug(await dashboardOf(user, enrollment.id));
    expect([after.get(a!.slug)!.status, after.get(b!.slug)!.status]).toEqual(["done", "done"]);
    const listed = await call("GET", "/api/checkins", { user });
    expect((listed.json as { checkIns: CheckInView[] }).checkIns.map((c) => c.id)).toEqual([body.checkIn.id]);
  });

  it("refuses the whole check-in, storing nothing, when one tick breaks a time rule", async () => {
    const { user, enrollment, base } = await setUp("time-rule");
    const dashboard = await dashboardOf(user, enrollment.id);
    const all = [...milestonesBySlug(dashboard).values()];
    const timed = all.find((m) => m.minDurationDays !== null)!;
    const plain = all.find((m) => m.minDurationDays === null)!;
    const res = await checkIn(user, { ...base, idempotencyKey: randomUUID(), milestoneIds: [plain.id, timed.id] });
    expect(expectError(res, "conflict").message).toContain(timed.title);
    expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers bad input with 400 and field errors, and an unknown milestone with 404", async () => {
    const { user, base } = await setUp("bad-input");
    const bad = await checkIn(user, { ...base, hours: 81, confidence: 0, note: "x".repeat(2001), idempotencyKey: "short" });
    expect(Object.keys(expectError(bad, "bad_request").fields ?? {}).sort()).toEqual(["confidence", "hours", "idempotencyKey", "note"]);
    const half = await checkIn(user, { ...base, hours: 1.25, idempotencyKey: randomUUID() });
    expect(expectError(half, "bad_request").fields).toHaveProperty("hours");
    const stale = await checkIn(user, { ...base, idempotencyKey: randomUUID(), madeAt: shiftLocalDays(new Date(), -40).toISOString() });
    expect(expectError(stale, "bad_request").fields).toHaveProperty("madeAt");
    expectError(await checkIn(user, { ...base, idempotencyKey: randomUUID(), milestoneIds: ["nosuchmilestone"] }), "not_found");
    expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(0);
  });

  it("edits hours, confidence and note (an absent note is kept), and deletes, keeping the ticks", async () => {
    const { user, enrollment, base } = await setUp("edit");
    const milestone = [...milestonesBySlug(await dashboardOf(user, enrollment.id)).values()][0]!;
    const created = await checkIn(user, { ...base, note: "first words", idempotencyKey: randomUUID(), milestoneIds: [milestone.id] });
    const id = (created.json as CheckInResponse).checkIn.id;

    const edited = await call("PATCH", `/api/checkins/${id}`, { user, body: { hours: 2.5, confidence: 5 } });
    expectOk(edited);
    expect((edited.json as { checkIn: CheckInView }).checkIn).toMatchObject({ hours: 2.5, confidence: 5, note: "first words" });
    const cleared = await call("PATCH", `/api/checkins/${id}`, { user, body: { note: "" } });
    expect((cleared.json as { checkIn: CheckInView }).checkIn.note).toBeNull();
    expect(expectError(await call("PATCH", `/api/checkins/${id}`, { user, body: {} }), "bad_request").fields).toHaveProperty("_");

    const deleted = await call("DELETE", `/api/checkins/${id}`, { user });
    expect(deleted.status).toBe(204);
    expectError(await call("GET", `/api/checkins/${id}`, { user }), "not_found");
    expectError(await call("DELETE", `/api/checkins/${id}`, { user }), "not_found");
    expect(milestonesBySlug(await dashboardOf(user, enrollment.id)).get(milestone.slug)!.status).toBe("done");
  });

  it("files a check-in under the local ISO week of when it was made, in the enrolment's time zone", async () => {
    // Sunday 23:30 in London is already Monday 12:30 in Auckland: one instant, two weeks.
    const madeAt = shiftLocalDays(new Date(), -10);
    const london = await setUp("week-london", { timezone: "Europe/London" });
    const auckland = await setUp("week-auckland", { timezone: "Pacific/Auckland" });
    for (const { user, base } of [london, auckland]) {
      expectOk(await checkIn(user, { ...base, idempotencyKey: randomUUID(), madeAt: madeAt.toISOString() }), 201);
    }
    const weekOf = async (userId: string) => (await testDb().checkIn.findFirstOrThrow({ where: { userId } })).isoWeek;
    expect(await weekOf(london.user.id)).toBe(isoWeekOf(madeAt, "Europe/London"));
    expect(await weekOf(auckland.user.id)).toBe(isoWeekOf(madeAt, "Pacific/Auckland"));
  });

  it("counts the weekly streak across back-dated check-ins, bridging one missed week with the month's freeze", async () => {
    const { user, base } = await setUp("streak", { timezone: "UTC" });
    // This week, last week, and three weeks ago: the week between is frozen if its month has a freeze left.
    for (const daysAgo of [0, 7, 21]) {
      const res = await checkIn(user, {
        ...base,
        idempotencyKey: randomUUID(),
        madeAt: shiftLocalDays(new Date(), -daysAgo, "UTC").toISOString(),
      });
      expectOk(res, 201);
    }
    const last = await checkIn(user, { ...base, idempotencyKey: randomUUID() });
    const streak = (last.json as CheckInResponse).streak;
    const thisWeek = isoWeekOf(new Date(), "UTC");
    expect(streak).toMatchObject({ weeks: 3, thisWeekDone: true, frozen: [previousIsoWeek(previousIsoWeek(thisWeek))] });
  });

  it("refuses a check-in on an enrolment that has ended", async () => {
    const { user, enrollment, base } = await setUp("ended");
    expectOk(await call("PATCH", `/api/enrollments/${enrollment.id}`, { user, body: { action: "abandon" } }));
    expectError(await checkIn(user, { ...base, idempotencyKey: randomUUID() }), "conflict");
  });

  it("lists only the caller's check-ins", async () => {
    const a = await setUp("list-a");
    const b = await setUp("list-b");
    expectOk(await checkIn(a.user, { ...a.base, note: "a's private words", idempotencyKey: randomUUID() }), 201);
    const listed = await call("GET", "/api/checkins", { user: b.user });
    expect((listed.json as { checkIns: CheckInView[] }).checkIns).toEqual([]);
    expect(listed.text).not.toContain("a's private words");
  });
});
