// Editing a roadmap and re-seeding must never lose anyone's progress: titles change, milestones move,
// appear, retire or vanish from the data, and every tick stays where it was.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../lib/catalogue-seed";
import type { MilestoneDef, RoadmapDef } from "../../lib/roadmaps";
import { dashboardOf, expectError, expectOk, milestoneBySlug, milestonesBySlug, tick } from "../support/api";
import { createEnrollment, createUser, testDb, type TestUser } from "../support/factories";

const run = randomUUID().slice(0, 8);
const roadmapSlug = `edit-test-${run}`;
const skill = (name: string) => `edit-test-${run}-${name}`;

function milestone(name: string, overrides: Partial<MilestoneDef> = {}): MilestoneDef {
  return {
    slug: name,
    skill: skill(name),
    title: `Milestone ${name}`,
    why: `Why ${name} matters.`,
    kind: "learn",
    effortHours: 10,
    ...overrides,
  };
}

function roadmap(version: number, phases: { basics: MilestoneDef[]; advanced: MilestoneDef[] }): RoadmapDef {
  return {
    slug: roadmapSlug,
    version,
    title: `Edit test ${run}`,
    summary: "A synthetic roadmap for catalogue-edit tests.",
    canonicalMonths: 12,
    minMonths: 6,
    maxMonths: 12,
    typicalMonths: 9,
    recommendedFirstStep: false,
    phases: [
      { slug: "basics", title: "Basics", summary: "First.", startMonth: 0, endMonth: 6, milestones: phases.basics },
      { slug: "advanced", title: "Advanced", summary: "Then.", startMonth: 6, endMonth: 12, milestones: phases.advanced },
    ],
  };
}

const v1 = roadmap(1, {
  basics: [milestone("renamed"), milestone("re-estimated"), milestone("retired")],
  advanced: [milestone("removed"), milestone("moved"), milestone("untouched")],
});

// v2: a title changes, an estimate changes, one milestone is new, one is marked retired, one is gone
// from the data altogether, and one moves to the other phase.
const v2 = roadmap(2, {
  basics: [
    milestone("renamed", { title: "Milestone renamed, new title" }),
    milestone("re-estimated", { effortHours: 25 }),
    milestone("retired", { retired: true }),
    milestone("moved"),
  ],
  advanced: [milestone("untouched"), milestone("added")],
});

// v3: the retired milestone comes back.
const v3 = roadmap(3, {
  basics: [...v2.phases[0]!.milestones.map((m) => (m.slug === "retired" ? { ...m, retired: false } : m))],
  advanced: v2.phases[1]!.milestones,
});

async function catalogueRows() {
  const db = testDb();
  const where = { roadmap: { slug: roadmapSlug } };
  const [phases, milestones, skills] = await Promise.all([
    db.phase.findMany({ where, orderBy: { id: "asc" } }),
    db.milestone.findMany({ where, orderBy: { id: "asc" } }),
    db.skill.findMany({ where: { slug: { startsWith: `edit-test-${run}-` } }, orderBy: { id: "asc" } }),
  ]);
  return { phases, milestones, skills };
}

async function progressRows(userId: string) {
  return testDb().milestoneProgress.findMany({ where: { userId }, orderBy: { id: "asc" } });
}

describe("editing a roadmap and re-seeding", () => {
  let user: TestUser;
  let enrollmentId: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    await seedCatalogue(testDb(), [v1]);
    user = await createUser("catalogue-edit");
    enrollmentId = (await createEnrollment(user.id, roadmapSlug, { targetMonths: 9 })).id;
    for (const m of v1.phases.flatMap((p) => p.milestones)) ids.set(m.slug, (await milestoneBySlug(roadmapSlug, m.slug)).id);
  });

  // Keep the synthetic roadmap out of the public catalogue for whatever runs after this file.
  afterAll(async () => {
    await testDb().roadmap.updateMany({ where: { slug: roadmapSlug }, data: { retiredAt: new Date() } });
  });

  const id = (slug: string) => {
    const value = ids.get(slug);
    if (!value) throw new Error(`no milestone ${slug} in v1`);
    return value;
  };

  it("keeps every tick through an edit, hides retired and removed milestones, and is idempotent", async () => {
    const ticks = [
      ["renamed", { status: "done", note: "renamed: done" }],
      ["re-estimated", { status: "skipped", note: "re-estimated: skipped" }],
      ["retired", { status: "done", note: "retired: done" }],
      ["removed", { status: "in_progress", note: "removed: half way" }],
      ["moved", { status: "in_progress", note: "moved: half way", evidenceUrl: "https://example.test/moved" }],
    ] as const;
    for (const [slug, update] of ticks) expectOk(await tick(user, enrollmentId, id(slug), update));

    const progressBefore = await progressRows(user.id);
    expect(progressBefore).toHaveLength(ticks.length);
    const eventsBefore = await testDb().progressEvent.count({ where: { userId: user.id } });

    await seedCatalogue(testDb(), [v2]);

    // The rows themselves are untouched: same ids, statuses, notes, dates.
    expect(await progressRows(user.id)).toEqual(progressBefore);
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(eventsBefore);

    const shown = milestonesBySlug(await dashboardOf(user, enrollmentId));
    expect([...shown.keys()].sort()).toEqual(["added", "moved", "re-estimated", "renamed", "untouched"]);
    expect(shown.get("renamed")).toMatchObject({
      id: id("renamed"),
      title: "Milestone renamed, new title",
      status: "done",
      note: "renamed: done",
    });
    expect(shown.get("re-estimated")).toMatchObject({
      id: id("re-estimated"),
      effortHours: 25,
      status: "skipped",
      note: "re-estimated: skipped",
    });
    expect(shown.get("moved")).toMatchObject({
      id: id("moved"),
      phaseSlug: "basics",
      status: "in_progress",
      note: "moved: half way",
      evidenceUrl: "https://example.test/moved",
    });
    expect(shown.get("untouched")).toMatchObject({ phaseSlug: "advanced", status: "not_started", note: null });
    expect(shown.get("added")).toMatchObject({ phaseSlug: "advanced", status: "not_started", note: null, completedAt: null });

    // Retired and removed milestones stay in the database, hidden, and can't be ticked.
    const rows = new Map((await catalogueRows()).milestones.map((m) => [m.slug, m]));
    expect(rows.get("retired")?.retiredAt).toBeInstanceOf(Date);
    expect(rows.get("removed")?.retiredAt).toBeInstanceOf(Date);
    expect(rows.get("moved")?.retiredAt).toBeNull();
    expectError(await tick(user, enrollmentId, id("retired"), { status: "not_started" }), "not_found");
    expectError(await tick(user, enrollmentId, id("removed"), { status: "done" }), "not_found");

    // Seeding the same data again, later, changes nothing (not even when things were retired).
    const catalogueBefore = await catalogueRows();
    const progressAfterV2 = await progressRows(user.id);
    await seedCatalogue(testDb(), [v2], new Date(Date.now() + 60_000));
    expect(await catalogueRows()).toEqual(catalogueBefore);
    expect(await progressRows(user.id)).toEqual(progressAfterV2);
    expect(milestonesBySlug(await dashboardOf(user, enrollmentId)).size).toBe(5);
  });

  it("brings a re-added milestone back with its progress", async () => {
    const retiredBefore = (await catalogueRows()).milestones.find((m) => m.slug === "retired");
    expect(retiredBefore?.retiredAt).toBeInstanceOf(Date);

    await seedCatalogue(testDb(), [v3]);

    const shown = milestonesBySlug(await dashboardOf(user, enrollmentId));
    expect(shown.get("retired")).toMatchObject({ id: id("retired"), phaseSlug: "basics", status: "done", note: "retired: done" });
    expect(shown.has("removed")).toBe(false);
    const row = (await catalogueRows()).milestones.find((m) => m.slug === "retired");
    expect(row?.retiredAt).toBeNull();
    expectOk(await tick(user, enrollmentId, id("retired"), { status: "done", note: "retired: done, still" }));
  });
});

describe("a skill shared by two roadmaps", () => {
  it("shows a tick made through one roadmap as done in the other", async () => {
    const user = await createUser("shared-skill");
    const mle = await createEnrollment(user.id, "swe-to-mle");
    const ai = await createEnrollment(user.id, "swe-to-ai-engineer", { targetMonths: 9 });
    const inMle = await milestoneBySlug("swe-to-mle", "basic-eval-pipeline");
    const inAi = await testDb().milestone.findFirstOrThrow({
      where: { roadmap: { slug: "swe-to-ai-engineer" }, skillId: inMle.skillId, retiredAt: null },
    });
    expect(inAi.id).not.toBe(inMle.id);

    expectOk(await tick(user, mle.id, inMle.id, { status: "done", note: "eval harness in CI" }));

    const aiView = milestonesBySlug(await dashboardOf(user, ai.id));
    expect(aiView.get(inAi.slug)).toMatchObject({ skillSlug: "basic-eval-pipeline", status: "done", note: "eval harness in CI" });
    // One skill, one row, one event: the tick isn't duplicated per roadmap.
    expect(await testDb().milestoneProgress.count({ where: { userId: user.id, skillId: inMle.skillId } })).toBe(1);
    expect(await testDb().progressEvent.findMany({ where: { userId: user.id }, select: { enrollmentId: true, toStatus: true } })).toEqual([
      { enrollmentId: mle.id, toStatus: "done" },
    ]);
  });
});
