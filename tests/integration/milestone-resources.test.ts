// The curated resources reach the dashboard through the seed, and re-seeding (which rewrites them)
// keeps everyone's progress.
import { describe, expect, it } from "vitest";
import { seedCatalogue } from "../../lib/catalogue-seed";
import { catalogue } from "../../lib/roadmaps";
import { RESOURCES_BY_SKILL } from "../../lib/roadmaps/resources";
import { dashboardOf, expectOk, milestonesBySlug, tick } from "../support/api";
import { createEnrollment, createUser, testDb } from "../support/factories";

describe("milestone resources", () => {
  it("are on each dashboard milestone as the catalogue says, and a re-seed restores them without touching ticks", async () => {
    const user = await createUser("resources");
    const { id: enrollmentId } = await createEnrollment(user.id, "swe-to-mle");
    const before = milestonesBySlug(await dashboardOf(user, enrollmentId));
    const karpathy = before.get("karpathy-zero-to-hero")!;
    expect(karpathy.resources).toEqual(RESOURCES_BY_SKILL["karpathy-zero-to-hero"]);
    expect(karpathy.resources[0]!.url).toBe("https://karpathy.ai/zero-to-hero.html");
    for (const m of before.values()) expect(m.resources.length, m.slug).toBeGreaterThan(0);

    expectOk(await tick(user, enrollmentId, karpathy.id, { status: "done", note: "All the videos", evidenceUrl: null }));
    // A row whose links were lost (or are stale) gets the catalogue's back on the next seed.
    await testDb().milestone.update({ where: { id: karpathy.id }, data: { resources: [] } });
    expect(milestonesBySlug(await dashboardOf(user, enrollmentId)).get("karpathy-zero-to-hero")!.resources).toEqual([]);

    await seedCatalogue(testDb(), catalogue);
    const after = milestonesBySlug(await dashboardOf(user, enrollmentId)).get("karpathy-zero-to-hero")!;
    expect(after.resources).toEqual(RESOURCES_BY_SKILL["karpathy-zero-to-hero"]);
    expect(after.id).toBe(karpathy.id);
    expect(after.status).toBe("done");
    expect(after.note).toBe("All the videos");
  });
});
