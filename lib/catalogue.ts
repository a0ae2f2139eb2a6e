// Reading the catalogue. Public data: no user involved.
import "server-only";
import { db } from "./db";

export async function listRoadmaps() {
  const roadmaps = await db.roadmap.findMany({
    where: { retiredAt: null },
    orderBy: { position: "asc" },
    include: {
      phases: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { slug: true, title: true, startMonth: true, endMonth: true },
      },
      _count: { select: { milestones: { where: { retiredAt: null } } } },
    },
  });
  return roadmaps.map(({ _count, phases, ...r }) => ({
    ...r,
    milestoneCount: _count.milestones,
    phases: phases.map((p) => ({ ...p, startMonth: Number(p.startMonth), endMonth: Number(p.endMonth) })),
  }));
}

export async function getRoadmapBySlug(slug: string) {
  const roadmap = await db.roadmap.findFirst({
    where: { slug, retiredAt: null },
    include: {
      phases: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        include: { milestones: { where: { retiredAt: null }, orderBy: { position: "asc" } } },
      },
    },
  });
  if (!roadmap) return null;
  return {
    ...roadmap,
    phases: roadmap.phases.map((p) => ({ ...p, startMonth: Number(p.startMonth), endMonth: Number(p.endMonth) })),
  };
}
export type RoadmapDetail = NonNullable<Awaited<ReturnType<typeof getRoadmapBySlug>>>;
