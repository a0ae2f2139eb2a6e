// Seeds the roadmap catalogue from lib/roadmaps. Idempotent, in one transaction, and never deletes:
// a milestone that disappears from the data (or is marked retired) is only hidden, and progress is
// keyed by skill, so no one's ticks are lost whatever the edit.
import type { PrismaClient } from "./generated/prisma/client";
import type { RoadmapDef } from "./roadmaps";
import { resourcesForSkill } from "./roadmaps/resources";

export interface SeedReport {
  roadmaps: number;
  milestones: number;
  retired: number;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function seedCatalogue(client: PrismaClient, roadmaps: readonly RoadmapDef[], now = new Date()): Promise<SeedReport> {
  return client.$transaction(
    async (tx) => {
      // Two seeds racing (several instances starting at once) serialise here instead of colliding.
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('waypoint:seed-catalogue'))`;
      const report: SeedReport = { roadmaps: 0, milestones: 0, retired: 0 };
      for (const [position, def] of roadmaps.entries()) {
        await seedRoadmap(tx, def, position, now, report);
        report.roadmaps += 1;
      }
      return report;
    },
    { timeout: 60_000 },
  );
}

async function seedRoadmap(tx: Tx, def: RoadmapDef, position: number, now: Date, report: SeedReport) {
  const fields = {
    catalogueVersion: def.version,
    title: def.title,
    summary: def.summary,
    canonicalMonths: def.canonicalMonths,
    minMonths: def.minMonths,
    maxMonths: def.maxMonths,
    typicalMonths: def.typicalMonths,
    recommendedFirstStep: def.recommendedFirstStep,
    position,
    retiredAt: null,
    seededAt: now,
  };
  const roadmap = await tx.roadmap.upsert({
    where: { slug: def.slug },
    create: { slug: def.slug, ...fields },
    update: fields,
  });

  const livePhaseSlugs: string[] = [];
  const liveMilestoneSlugs: string[] = [];
  for (const [phasePosition, phaseDef] of def.phases.entries()) {
    livePhaseSlugs.push(phaseDef.slug);
    await seedPhase(tx, roadmap.id, phaseDef, phasePosition, now, { report, liveMilestoneSlugs });
  }
  // Anything no longer in the data is retired, not deleted.
  await tx.milestone.updateMany({
    where: { roadmapId: roadmap.id, slug: { notIn: liveMilestoneSlugs }, retiredAt: null },
    data: { retiredAt: now },
  });
  await tx.phase.updateMany({
    where: { roadmapId: roadmap.id, slug: { notIn: livePhaseSlugs }, retiredAt: null },
    data: { retiredAt: now },
  });
}

type PhaseDef = RoadmapDef["phases"][number];

/** Upserts one phase and its milestones, counting them in `report` and adding the live ones' slugs to `liveMilestoneSlugs`. */
async function seedPhase(
  tx: Tx,
  roadmapId: string,
  phaseDef: PhaseDef,
  phasePosition: number,
  now: Date,
  seen: { report: SeedReport; liveMilestoneSlugs: string[] },
) {
  const phaseFields = {
    position: phasePosition,
    title: phaseDef.title,
    summary: phaseDef.summary,
    startMonth: phaseDef.startMonth,
    endMonth: phaseDef.endMonth,
    retiredAt: null,
  };
  const phase = await tx.phase.upsert({
    where: { roadmapId_slug: { roadmapId, slug: phaseDef.slug } },
    create: { roadmapId, slug: phaseDef.slug, ...phaseFields },
    update: phaseFields,
  });
  for (const [milestonePosition, m] of phaseDef.milestones.entries()) {
    await seedMilestone(tx, { roadmapId, phaseId: phase.id }, m, milestonePosition, now);
    if (m.retired) seen.report.retired += 1;
    else {
      seen.liveMilestoneSlugs.push(m.slug);
      seen.report.milestones += 1;
    }
  }
}

/** Upserts one milestone and its skill; a retired one keeps the day it was first retired. */
async function seedMilestone(
  tx: Tx,
  { roadmapId, phaseId }: { roadmapId: string; phaseId: string },
  m: PhaseDef["milestones"][number],
  milestonePosition: number,
  now: Date,
) {
  const skill = await tx.skill.upsert({
    where: { slug: m.skill },
    create: { slug: m.skill, title: m.title },
    update: {},
  });
  const existing = await tx.milestone.findUnique({
    where: { roadmapId_slug: { roadmapId, slug: m.slug } },
    select: { retiredAt: true },
  });
  const milestoneFields = {
    phaseId,
    skillId: skill.id,
    position: milestonePosition,
    title: m.title,
    why: m.why,
    kind: m.kind,
    effortHours: m.effortHours,
    evidencePrompt: m.evidencePrompt ?? null,
    optional: m.optional ?? false,
    minDurationDays: m.minDurationDays ?? null,
    durationAnchor: m.durationAnchor ?? null,
    // Rewritten on every seed: links are catalogue content, not progress.
    resources: resourcesForSkill(m.skill).map((r) => ({ ...r })),
    retiredAt: m.retired ? (existing?.retiredAt ?? now) : null,
  };
  await tx.milestone.upsert({
    where: { roadmapId_slug: { roadmapId, slug: m.slug } },
    create: { roadmapId, slug: m.slug, ...milestoneFields },
    update: milestoneFields,
  });
}
