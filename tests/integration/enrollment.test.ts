// The enrolment lifecycle over HTTP: enrol, pause, resume, replan, abandon, enrol again; and the
// time-based milestone that can't be done before the shipped feature has run for 90 days.
import { describe, expect, it } from "vitest";
import type { Dashboard } from "../../lib/progress";
import { dashboardOf, enrollmentBody, expectError, expectOk, milestoneBySlug, milestonesBySlug, tick } from "../support/api";
import { call, createUser, firstMilestone, seedHistory, testDb } from "../support/factories";
import { localDaysAgo, shiftLocalDays } from "../support/dates";
import type { Pacing } from "../../lib/pacing";
import type { ReplanPreview } from "../../lib/progress/pacing";

interface EnrollmentJson {
  enrollment: { id: string; status: string; targetMonths: number; endedAt: string | null; roadmap?: { slug: string } };
}

async function enrol(user: Awaited<ReturnType<typeof createUser>>, overrides: Record<string, unknown> = {}) {
  return call("POST", "/api/enrollments", { user, body: enrollmentBody(overrides) });
}

const change = (user: Awaited<ReturnType<typeof createUser>>, enrollmentId: string, body: unknown) =>
  call("PATCH", `/api/enrollments/${enrollmentId}`, { user, body });

describe("enrolment lifecycle", () => {
  it("enrols once, pauses, resumes, replans, refuses a bad target, abandons, and re-enrols keeping ticks", async () => {
    const user = await createUser("lifecycle");

    const created = await enrol(user);
    expectOk(created, 201);
    const first = (created.json as EnrollmentJson).enrollment;
    expect(first).toMatchObject({ status: "active", targetMonths: 12, roadmap: { slug: "swe-to-mle" } });

    // At most one open enrolment per roadmap.
    const duplicate = await enrol(user, { targetMonths: 9 });
    expectError(duplicate, "conflict");

    const paused = await change(user, first.id, { action: "pause" });
    expectOk(paused);
    expect((paused.json as EnrollmentJson).enrollment.status).toBe("paused");
    expectError(await change(user, first.id, { action: "pause" }), "conflict");
    // A paused enrolment is still open: enrolling again is refused too.
    expectError(await enrol(user), "conflict");

    const resumed = await change(user, first.id, { action: "resume" });
    expectOk(resumed);
    expect((resumed.json as EnrollmentJson).enrollment.status).toBe("active");

    const replanned = await change(user, first.id, { action: "replan", targetMonths: 9 });
    expectOk(replanned);
    expect((replanned.json as EnrollmentJson).enrollment.targetMonths).toBe(9);

    const tooLong = await change(user, first.id, { action: "replan", targetMonths: 19 });
    const error = expectError(tooLong, "bad_request");
    expect(error.fields?.targetMonths?.length, tooLong.text).toBeGreaterThan(0);

    const history = await testDb().enrollmentChange.findMany({
      where: { enrollmentId: first.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(history.map((c) => [c.kind, c.fromTargetMonths, c.toTargetMonths])).toEqual([
      ["enrolled", null, 12],
      ["paused", null, null],
      ["resumed", null, null],
      ["replanned", 12, 9],
    ]);
    const row = await testDb().enrollment.findUniqueOrThrow({ where: { id: first.id } });
    expect({ status: row.status, targetMonths: row.targetMonths }).toEqual({ status: "active", targetMonths: 9 });
    // The dashboard replays the same history, oldest first.
    const dashboard = await dashboardOf(user, first.id);
    expect(dashboard.enrollment.changes.map((c) => c.kind)).toEqual(["enrolled", "paused", "resumed", "replanned"]);

    const milestone = await firstMilestone();
    expectOk(await tick(user, first.id, milestone.id, { status: "done", note: "finished the first one" }));

    const abandoned = await change(user, first.id, { action: "abandon" });
    expectOk(abandoned);
    expect((abandoned.json as EnrollmentJson).enrollment).toMatchObject({ status: "abandoned", endedAt: expect.any(String) as unknown });
    expectError(await tick(user, first.id, milestone.id, { status: "in_progress" }), "conflict");
    expectError(await change(user, first.id, { action: "resume" }), "conflict");

    // Leaving a roadmap frees it: enrolling again is a new enrolment that keeps the earlier ticks.
    const again = await enrol(user, { targetMonths: 10 });
    expectOk(again, 201);
    const second = (again.json as EnrollmentJson).enrollment;
    expect(second.id).not.toBe(first.id);
    const fresh: Dashboard = await dashboardOf(user, second.id);
    expect(milestonesBySlug(fresh).get(milestone.slug)).toMatchObject({ status: "done", note: "finished the first one" });

    const list = await call("GET", "/api/enrollments", { user });
    expectOk(list);
    const listed = (list.json as { enrollments: { id: string; status: string }[] }).enrollments;
    expect(new Map(listed.map((e) => [e.id, e.status]))).toEqual(
      new Map([
        [first.id, "abandoned"],
        [second.id, "active"],
      ]),
    );
  });

  it("refuses a target outside the roadmap's months when enrolling", async () => {
    const user = await createUser("bad-target");
    for (const targetMonths of [5, 19]) {
      const res = await enrol(user, { targetMonths });
      expect(expectError(res, "bad_request").fields?.targetMonths?.length, res.text).toBeGreaterThan(0);
    }
    expect(await testDb().enrollment.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("replan preview (GET …/replan-preview)", () => {
  it("shows what the replan then gives, changes nothing, and refuses what the replan refuses", async () => {
    const user = await createUser("preview");
    // Four months into a 12-month plan with only the first milestone done: far behind.
    const { id } = await seedHistory(user.id, {
      start: localDaysAgo(122),
      targetMonths: 12,
      weeklyHours: 11,
      ticks: [{ skill: "gradient-descent-intuition", day: 5 }],
    });
    const rows = async () => [
      await testDb().enrollmentChange.count({ where: { enrollmentId: id } }),
      (await testDb().enrollment.findUniqueOrThrow({ where: { id } })).targetMonths,
    ];
    const before = await rows();
    const previewed = await call("GET", `/api/enrollments/${id}/replan-preview?targetMonths=15`, { user });
    expectOk(previewed);
    const { preview } = previewed.json as { preview: ReplanPreview };
    expect(preview).toMatchObject({ targetMonths: 15, weeklyHours: 11 });
    expect(preview.verdict.rule).toBe("just_replanned");
    expect(preview.plans.map((p) => [p.targetMonths, p.superseded])).toEqual([
      [12, true],
      [15, false],
    ]);
    expect(await rows()).toEqual(before);

    // The replan itself: the same target date, verdict and lines as previewed.
    expectOk(await change(user, id, { action: "replan", targetMonths: 15 }));
    const { pacing } = (await call("GET", `/api/enrollments/${id}/pacing`, { user })).json as { pacing: Pacing };
    expect(pacing.targetDate).toBe(preview.targetDate);
    expect(pacing.verdict.headline).toBe(preview.verdict.headline);
    expect(pacing.plans.map((p) => p.endDate)).toEqual(preview.plans.map((p) => p.endDate));

    // Back to 12 right away: the preview says it is judged on the old line again, not "just replanned".
    const back = (await call("GET", `/api/enrollments/${id}/replan-preview?targetMonths=12`, { user })).json as { preview: ReplanPreview };
    expect(back.preview.verdict.rule).not.toMatch(/^just_/);

    for (const query of [
      "targetMonths=5",
      "targetMonths=19",
      "targetMonths=abc",
      "weeklyHours=10",
      "targetMonths=15&weeklyHours=0",
      "targetMonths=15&extra=1",
    ]) {
      const res = await call("GET", `/api/enrollments/${id}/replan-preview?${query}`, { user });
      expectError(res, "bad_request");
    }
    // Someone else's enrolment is not found, like one that doesn't exist.
    expectError(
      await call("GET", `/api/enrollments/${id}/replan-preview?targetMonths=15`, { user: await createUser("other") }),
      "not_found",
    );
  });
});

describe("time-based milestone (maintain the feature for 3 months)", () => {
  it("can't be done before the shipped feature is done, nor within 90 days of its launch", async () => {
    const user = await createUser("maintain");
    const created = await enrol(user);
    expectOk(created, 201);
    const enrollmentId = (created.json as EnrollmentJson).enrollment.id;
    const maintain = await milestoneBySlug("swe-to-mle", "maintain-feature-3-months");
    const ship = await milestoneBySlug("swe-to-mle", "ship-feature-at-work");

    const beforeLaunch = expectError(await tick(user, enrollmentId, maintain.id, { status: "done" }), "conflict");
    expect(beforeLaunch.message).toMatch(/shipped feature/i);
    // Working on it is fine; only "done" waits for the clock.
    expectOk(await tick(user, enrollmentId, maintain.id, { status: "in_progress" }));

    expectOk(await tick(user, enrollmentId, ship.id, { status: "done" }));
    expectError(await tick(user, enrollmentId, maintain.id, { status: "done" }), "conflict");

    const launch = await testDb().milestoneProgress.findUniqueOrThrow({
      where: { userId_skillId: { userId: user.id, skillId: ship.skillId } },
    });
    const launchedDaysAgo = (days: number) =>
      testDb().milestoneProgress.update({ where: { id: launch.id }, data: { completedAt: shiftLocalDays(new Date(), -days) } });

    await launchedDaysAgo(89);
    expectError(await tick(user, enrollmentId, maintain.id, { status: "done" }), "conflict");
    const progress = await testDb().milestoneProgress.findUniqueOrThrow({
      where: { userId_skillId: { userId: user.id, skillId: maintain.skillId } },
    });
    expect(progress.status).toBe("in_progress");

    await launchedDaysAgo(91);
    const done = await tick(user, enrollmentId, maintain.id, { status: "done" });
    expectOk(done);
    expect((done.json as { progress: { status: string } }).progress.status).toBe("done");
  });
});
