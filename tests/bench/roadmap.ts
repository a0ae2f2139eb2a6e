// A synthetic roadmap of any size, for the benchmarks.
import type { RoadmapDef } from "../../lib/roadmaps";

export function syntheticRoadmap(milestones: number): RoadmapDef {
  const phases = 4;
  return {
    slug: `bench-${milestones}`,
    version: 1,
    title: `Benchmark roadmap (${milestones})`,
    summary: "Synthetic roadmap for the benchmark.",
    canonicalMonths: 18,
    minMonths: 6,
    maxMonths: 18,
    typicalMonths: 12,
    recommendedFirstStep: false,
    phases: Array.from({ length: phases }, (_, p) => ({
      slug: `phase-${p}`,
      title: `Phase ${p}`,
      summary: "Synthetic.",
      startMonth: (18 / phases) * p,
      endMonth: (18 / phases) * (p + 1),
      milestones: Array.from({ length: Math.floor(milestones / phases) + (p < milestones % phases ? 1 : 0) }, (_, i) => ({
        slug: `m-${p}-${i}`,
        skill: `bench-${milestones}-skill-${p}-${i}`,
        title: `Milestone ${p}.${i}`,
        why: "Synthetic.",
        kind: "learn" as const,
        effortHours: 1 + ((p * 31 + i) % 20),
      })),
    })),
  };
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
