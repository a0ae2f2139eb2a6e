// The shipped-feature record over HTTP against the real database: validation, ownership,
// persistence, the ticks it makes, the 90-day rule with gaps, export and deletion, and the
// maintenance pass that ticks "maintained 3+ months" (reads never do).
// The app reads real time, so its clock is moved by dating the record (launch N days before today);
// the pass, called here in-process against the same database, takes its clock as an argument.
import { beforeAll, describe, expect, it } from "vitest";
import type { Pacing } from "../../lib/pacing";
import type { ShippedOverview } from "../../lib/shipped";
import { expectError, expectOk, milestoneBySlug, tick } from "../support/api";
import { call, createEnrollment, createShippedRecord, createUser, testDb, type TestUser } from "../support/factories";
import { pointLibAtTestDatabase } from "../support/test-lib";
import { localDaysAgo, shiftLocalDays } from "../support/dates";

/** The date `days` before today in London (the test users' zone). */
const daysAgo = (days: number) => localDaysAgo(days);

const record = (overrides: Record<string, unknown> = {}) => ({
  title: "ticket classifier",
  problem: "Agents sorted every ticket by hand.",
  model: "DistilBERT, fine-tuned",
  approach: "",
  launchDate: daysAgo(30),
  evalUrl: "https://wiki.example.test/eval",
  monitoringUrl: "https://grafana.example.test/d/1",
  outcomeMetric: "manual triage",
  outcomeBefore: 100,
  outcomeAfter: 33,
  outcomeUnit: "%",
  outcomeVolume: "8,000 tickets a week",
  incidents: [],
  ...overrides,
});

const create = (user: TestUser, body: unknown) => call("POST", "/api/shipped-features", { user, body });
const overviewOf = async (user: TestUser) => {
  const res = await call("GET", "/api/shipped-features", { user });
  expectOk(res);
  return res.json as ShippedOverview;
};
const statusOf = async (userId: string, skill: string) =>
  (await testDb().milestoneProgress.findFirst({ where: { userId, skill: { slug: skill } } }))?.status ?? null;
const autoCompletedFor = async (userId: string) =>
  (await testDb().shippedFeature.findUniqueOrThrow({ where: { userId } })).autoCompletedFor?.toISOString().slice(0, 10) ?? null;
const recordEvents = (userId: string) =>
  testDb().progressEvent.findMany({ where: { userId, source: "shipped_record" }, include: { skill: true }, orderBy: { id: "asc" } });

let completeDueMaintenance: typeof import("../../lib/shipped").completeDueMaintenance;
let syncShippedMilestones: typeof import("../../lib/shipped").syncShippedMilestones;

beforeAll(async () => {
  pointLibAtTestDatabase();
  ({ completeDueMaintenance, syncShippedMilestones } = await import("../../lib/shipped"));
});

describe("shipped-feature record: validation", () => {
  it("answers 400 with a field error per bad field, and stores nothing", async () => {
    const user = await createUser("shipped-bad");
    const res = await create(user, {
      ...record(),
      title: "",
      launchDate: "2026-02-30",
      evalUrl: "ftp://example.test/x",
      outcomeBefore: "lots",
      incidents: [{ occurredOn: daysAgo(1), whatHappened: "", whatChanged: "x" }],
    });
    const error = expectError(res, "bad_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["evalUrl", "incidents.0.whatHappened", "launchDate", "outcomeBefore", "title"]);
    expect(await testDb().shippedFeature.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a launch or an incident in the future, an unknown field and a body that isn't JSON", async () => {
    const user = await createUser("shipped-future");
    const future = expectError(await create(user, record({ launchDate: daysAgo(-2) })), "bad_request");
    expect(future.fields).toEqual({ launchDate: ["The launch date can't be in the future."] });
    const incident = expectError(
      await create(user, record({ incidents: [{ occurredOn: daysAgo(-3), whatHappened: "x", whatChanged: "y" }] })),
      "bad_request",
    );
    expect(Object.keys(incident.fields ?? {})).toEqual(["incidents.0.occurredOn"]);
    expectError(await create(user, { ...record(), owner: "someone else" }), "bad_request");
    expectError(await call("POST", "/api/shipped-features", { user, rawBody: "{not json" }), "bad_request");
    expect(await testDb().shippedFeature.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("shipped-feature record: ownership and persistence", () => {
  it("saves, reads back, replaces incidents, one per user; another user's id is a 404", async () => {
    const a = await createUser("shipped-a");
    const b = await createUser("shipped-b");
    const created = await create(
      a,
      record({
        incidents: [
          { occurredOn: daysAgo(20), whatHappened: "Drift after a wording change", whatChanged: "Retrained", featureWasOff: false },
        ],
      }),
    );
    expectOk(created, 201);
    const overview = created.json as ShippedOverview & { id: string };
    expect(overview.id).toMatch(/^c[a-z0-9]+$/);
    expect(overview.record).toMatchObject({
      title: "ticket classifier",
      approach: null,
      launchDate: daysAgo(30),
      outcomeBefore: 100,
      incidents: [{ occurredOn: daysAgo(20), featureWasOff: false }],
    });
    expect(overview.bullets.ml[0]).toBe(
      "Shipped ticket classifier (DistilBERT, fine-tuned) to production, reducing manual triage by 67% (from 100% to 33%) across 8,000 tickets a week.",
    );
    expect(overview.checklist.filter((i) => !i.done).map((i) => i.key)).toEqual(["maintained"]);
    expect((await overviewOf(a)).record).toEqual(overview.record);

    expectError(await create(a, record()), "conflict");

    const replaced = await call("PUT", `/api/shipped-features/${overview.id}`, {
      user: a,
      body: record({
        title: "support classifier",
        incidents: [
          { occurredOn: daysAgo(10), whatHappened: "Queue backlog", whatChanged: "Autoscaling", featureWasOff: false },
          { occurredOn: daysAgo(5), whatHappened: "Bad deploy", whatChanged: "Rollback runbook", featureWasOff: false },
        ],
      }),
    });
    expectOk(replaced);
    expect((replaced.json as ShippedOverview).record?.incidents.map((i) => i.whatHappened)).toEqual(["Queue backlog", "Bad deploy"]);
    expect(await testDb().shippedFeatureIncident.count({ where: { featureId: overview.id } })).toBe(2);

    for (const [method, body] of [
      ["GET", undefined],
      ["PUT", record({ title: "by B" })],
      ["DELETE", undefined],
    ] as const) {
      const res = await call(method, `/api/shipped-features/${overview.id}`, { user: b, body });
      expectError(res, "not_found");
      expect(res.text).not.toContain("support classifier");
    }
    expect((await overviewOf(b)).record).toBeNull();
    expect((await overviewOf(a)).record?.title).toBe("support classifier");

    expectOk(await call("DELETE", `/api/shipped-features/${overview.id}`, { user: a }), 204);
    expect(await testDb().shippedFeatureIncident.count({ where: { featureId: overview.id } })).toBe(0);
    expectError(await call("GET", `/api/shipped-features/${overview.id}`, { user: a }), "not_found");
  });

  it("is in the export, and deleting the account leaves no row of it", async () => {
    const user = await createUser("shipped-gone");
    const created = await create(
      user,
      record({ incidents: [{ occurredOn: daysAgo(3), whatHappened: "x", whatChanged: "y", featureWasOff: true }] }),
    );
    expectOk(created, 201);
    const featureId = (created.json as ShippedOverview).id!;
    const exported = await call("GET", "/api/me/export", { user });
    expectOk(exported);
    expect((exported.json as { shippedFeature: unknown }).shippedFeature).toMatchObject({
      title: "ticket classifier",
      launchDate: daysAgo(30),
      incidents: [{ occurredOn: daysAgo(3), whatHappened: "x", whatChanged: "y", featureWasOff: true }],
    });
    expectOk(await call("DELETE", "/api/me", { user, body: { confirmEmail: user.email } }));
    expect(await testDb().shippedFeature.count({ where: { OR: [{ userId: user.id }, { id: featureId }] } })).toBe(0);
    expect(await testDb().shippedFeatureIncident.count({ where: { featureId } })).toBe(0);
  });
});

describe("shipped-feature record: the milestones it drives", () => {
  it("saving it ticks the ship milestone through the normal path, once", async () => {
    const user = await createUser("shipped-ticks");
    await createEnrollment(user.id);
    expectOk(await create(user, record()), 201);
    expect(await statusOf(user.id, "ship-feature-at-work")).toBe("done");
    const overview = await overviewOf(user);
    expectOk(await call("PUT", `/api/shipped-features/${overview.id}`, { user, body: record({ title: "again" }) }));
    expect((await recordEvents(user.id)).map((e) => [e.skill.slug, e.fromStatus, e.toStatus])).toEqual([
      ["ship-feature-at-work", "not_started", "done"],
    ]);
  });

  it("maintained 3+ months: refused at 89 days, ticked by saving a launch 90 days back, once; a hand-made un-tick stays; a gap restarts the clock", async () => {
    const user = await createUser("shipped-90");
    const enrollment = await createEnrollment(user.id);
    const maintain = await milestoneBySlug("swe-to-mle", "maintain-feature-3-months");
    const created = await create(user, record({ launchDate: daysAgo(89) }));
    expectOk(created, 201);
    const id = (created.json as ShippedOverview).id!;
    expect((created.json as ShippedOverview).clock).toMatchObject({ daysLeft: 1, daysMaintained: 89, due: false, doneFrom: daysAgo(-1) });
    expectError(await tick(user, enrollment.id, maintain.id, { status: "done" }), "conflict");
    expect(await statusOf(user.id, "maintain-feature-3-months")).toBeNull();

    // Pacing reads the same anchor: available tomorrow (launch + 90).
    const pacing = await call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user });
    expect((pacing.json as { pacing: Pacing }).pacing.waiting).toContainEqual({
      id: maintain.id,
      title: maintain.title,
      availableFrom: daysAgo(-1),
    });

    // Saved with a launch 90 days back: saving (a write) ticks it at once, with one event; saving
    // again adds none.
    expectOk(await call("PUT", `/api/shipped-features/${id}`, { user, body: record({ launchDate: daysAgo(90) }) }));
    expect(await statusOf(user.id, "maintain-feature-3-months")).toBe("done");
    expectOk(await call("PUT", `/api/shipped-features/${id}`, { user, body: record({ launchDate: daysAgo(90), title: "again" }) }));
    const events = (await recordEvents(user.id)).filter((e) => e.skill.slug === "maintain-feature-3-months");
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.enrollmentId])).toEqual([["not_started", "done", enrollment.id]]);

    // The user un-ticks it by hand: neither saving again nor the pass overrules them for the same clock.
    expectOk(await tick(user, enrollment.id, maintain.id, { status: "not_started" }));
    expectOk(await call("PUT", `/api/shipped-features/${id}`, { user, body: record({ launchDate: daysAgo(90), title: "once more" }) }));
    await completeDueMaintenance(new Date());
    expect(await statusOf(user.id, "maintain-feature-3-months")).toBe("not_started");
    expect((await overviewOf(user)).maintenanceTick).toBe("open");

    // A gap 10 days ago (the feature was switched off): the clock restarts there, 80 days to go.
    const gap = await call("PUT", `/api/shipped-features/${id}`, {
      user,
      body: record({
        launchDate: daysAgo(90),
        incidents: [
          {
            occurredOn: daysAgo(10),
            whatHappened: "Switched off during a data-pipeline migration",
            whatChanged: "Back on with a canary",
            featureWasOff: true,
          },
        ],
      }),
    });
    expectOk(gap);
    expect((gap.json as ShippedOverview).clock).toMatchObject({ since: daysAgo(10), restarted: true, daysLeft: 80, due: false });
    expectError(await tick(user, enrollment.id, maintain.id, { status: "done" }), "conflict");
    // Pacing reads the same restarted clock: the milestone waits until the gap is 90 days old.
    const paced = await call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user });
    expect((paced.json as { pacing: Pacing }).pacing.waiting).toContainEqual({
      id: maintain.id,
      title: maintain.title,
      availableFrom: daysAgo(-80),
    });
    // …and once that gap is 90 days old, the record ticks it again for the new clock.
    expectOk(
      await call("PUT", `/api/shipped-features/${id}`, {
        user,
        body: record({
          launchDate: daysAgo(200),
          incidents: [{ occurredOn: daysAgo(95), whatHappened: "Switched off", whatChanged: "Back on", featureWasOff: true }],
        }),
      }),
    );
    expect(await statusOf(user.id, "maintain-feature-3-months")).toBe("done");
  });
});

describe("shipped-feature record: reads change nothing, the maintenance pass ticks", () => {
  const MAINTAIN = "maintain-feature-3-months";
  /** Every logged change of the maintenance milestone, whoever made it: [from, to, source]. */
  const maintainEvents = async (userId: string) =>
    (await testDb().progressEvent.findMany({ where: { userId, skill: { slug: MAINTAIN } }, orderBy: { id: "asc" } })).map((e) => [
      e.fromStatus,
      e.toStatus,
      e.source,
    ]);

  it("a due record read through the JSON routes, /shipped and /dashboard stays unticked; one pass ticks it once, a second nothing; an un-tick after it stays", async () => {
    const user = await createUser("shipped-read");
    const enrollment = await createEnrollment(user.id);
    // Saved 70 days ago with a launch 30 days before that: its 90 days came up since.
    const saved = await createShippedRecord(user.id, { launchDate: daysAgo(100) });

    const overview = await overviewOf(user);
    expect(overview.clock).toMatchObject({ due: true, daysMaintained: 100 });
    expect(overview.maintenanceTick).toBe("queued");
    expectOk(await call("GET", `/api/shipped-features/${saved.id}`, { user }));
    const page = await call("GET", "/shipped", { user });
    expectOk(page);
    expect(page.text).toContain("Waypoint ticks the milestone for you within the next 15 minutes.");
    expectOk(await call("GET", "/dashboard", { user }));
    expectOk(await call("GET", `/api/enrollments/${enrollment.id}`, { user }));
    expectOk(await call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user }));
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(0);
    expect(await statusOf(user.id, MAINTAIN)).toBeNull();
    expect(await autoCompletedFor(user.id)).toBeNull();

    const first = await completeDueMaintenance(new Date());
    expect(first.ticked).toBeGreaterThanOrEqual(1);
    expect(await maintainEvents(user.id)).toEqual([["not_started", "done", "shipped_record"]]);
    expect(await autoCompletedFor(user.id)).toBe(daysAgo(100));
    expect((await overviewOf(user)).maintenanceTick).toBe("ticked");
    expect((await call("GET", "/shipped", { user })).text).toContain("Done: 90 days of upkeep, and the milestone is ticked.");

    // Every candidate of the first pass was settled by it: the second finds nothing to tick.
    expect(await completeDueMaintenance(new Date())).toMatchObject({ ticked: 0 });
    expect(await maintainEvents(user.id)).toEqual([["not_started", "done", "shipped_record"]]);

    const maintain = await milestoneBySlug("swe-to-mle", MAINTAIN);
    expectOk(await tick(user, enrollment.id, maintain.id, { status: "not_started" }));
    await completeDueMaintenance(new Date());
    expect(await statusOf(user.id, MAINTAIN)).toBe("not_started");
    expect(await maintainEvents(user.id)).toEqual([
      ["not_started", "done", "shipped_record"],
      ["done", "not_started", "web"],
    ]);
    expect((await overviewOf(user)).maintenanceTick).toBe("open");
  });

  it("leaves a record a day short of 90 alone, and ticks it when the pass's clock reaches the day", async () => {
    const user = await createUser("shipped-89");
    await createEnrollment(user.id);
    await createShippedRecord(user.id, { launchDate: daysAgo(89) });
    const now = new Date();
    await completeDueMaintenance(now);
    expect(await statusOf(user.id, MAINTAIN)).toBeNull();
    expect(await autoCompletedFor(user.id)).toBeNull();

    const tomorrow = shiftLocalDays(now, 1);
    await completeDueMaintenance(tomorrow);
    expect(await maintainEvents(user.id)).toEqual([["not_started", "done", "shipped_record"]]);
    const [event] = await recordEvents(user.id);
    expect(event!.occurredAt).toEqual(tomorrow);
  });

  it("restarts with a gap: not ticked while the gap's 90 days run, ticked once they are up", async () => {
    const user = await createUser("shipped-gap");
    await createEnrollment(user.id);
    await createShippedRecord(user.id, { launchDate: daysAgo(200), gaps: [daysAgo(50)] });
    await completeDueMaintenance(new Date());
    expect(await statusOf(user.id, MAINTAIN)).toBeNull();
    await completeDueMaintenance(shiftLocalDays(new Date(), 40));
    expect(await maintainEvents(user.id)).toEqual([["not_started", "done", "shipped_record"]]);
    expect(await autoCompletedFor(user.id)).toBe(daysAgo(50));
  });

  it("ticks once when two passes run at the same time", async () => {
    const user = await createUser("shipped-race");
    await createEnrollment(user.id);
    await createShippedRecord(user.id, { launchDate: daysAgo(120) });
    const now = new Date();
    await Promise.all([completeDueMaintenance(now), completeDueMaintenance(now), completeDueMaintenance(now)]);
    expect(await maintainEvents(user.id)).toEqual([["not_started", "done", "shipped_record"]]);
  });

  it("ticks once when five passes reach the same record together (the row lock, without the candidate query's timing)", async () => {
    const user = await createUser("shipped-lock");
    await createEnrollment(user.id);
    await createShippedRecord(user.id, { launchDate: daysAgo(120) });
    const now = new Date();
    const ticked = await Promise.all(Array.from({ length: 5 }, () => syncShippedMilestones(user.id, now)));
    expect(ticked.filter(Boolean)).toHaveLength(1);
    expect(await maintainEvents(user.id)).toEqual([["not_started", "done", "shipped_record"]]);
  });
});
