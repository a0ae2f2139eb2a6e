// MilestoneProgress.doneFlips is what pacing reads instead of the event log; a trigger on the log
// keeps it. These tests hold the trigger to lib/pacing/flips.ts's progressFromEvents over real ticks.
import { describe, expect, it } from "vitest";
import { progressFromEvents } from "../../lib/pacing/flips";
import { dashboardOf, enrollmentBody, expectOk, tick } from "../support/api";
import { call, createUser, testDb } from "../support/factories";

describe("done flips kept by the database", () => {
  it("match the reduction of the user's event log after ticks, unticks, skips and note edits", async () => {
    const user = await createUser("flips");
    const created = await call("POST", "/api/enrollments", { user, body: enrollmentBody() });
    expectOk(created, 201);
    const enrollmentId = (created.json as { enrollment: { id: string } }).enrollment.id;
    const [a, b, c] = (await dashboardOf(user, enrollmentId)).phases[0]!.milestones;

    const steps: [string, Parameters<typeof tick>[3]][] = [
      [a!.id, { status: "in_progress" }],
      [a!.id, { status: "done" }],
      [b!.id, { status: "done" }],
      [a!.id, { status: "done", note: "only the note changes: no flip" }],
      [a!.id, { status: "in_progress" }],
      [b!.id, { status: "skipped" }],
      [a!.id, { status: "done" }],
      [c!.id, { status: "skipped" }],
    ];
    for (const [id, update] of steps) expectOk(await tick(user, enrollmentId, id, update));

    const db = testDb();
    const events = await db.progressEvent.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    const rows = await db.milestoneProgress.findMany({ where: { userId: user.id } });
    const kept = rows.map((r) => ({ skillId: r.skillId, status: r.status, doneFlips: r.doneFlips.map(Number) }));
    const expected = progressFromEvents(events);
    const bySkill = (x: { skillId: string }, y: { skillId: string }) => x.skillId.localeCompare(y.skillId);
    expect(kept.sort(bySkill)).toEqual(expected.sort(bySkill));
    // a: done, undone, done again; b: done then skipped; c: never done.
    expect(kept.map((r) => r.doneFlips.length).sort()).toEqual([0, 2, 3]);
  });

  it("refuses an event for a skill with no progress row rather than lose its flip", async () => {
    const user = await createUser("orphan-event");
    const skill = await testDb().skill.findFirstOrThrow();
    await expect(
      testDb().progressEvent.create({ data: { userId: user.id, skillId: skill.id, fromStatus: "not_started", toStatus: "done" } }),
    ).rejects.toThrow(/no MilestoneProgress row/);
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(0);
  });
});
