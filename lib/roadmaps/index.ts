import type { RoadmapDef } from "./types";
import { sweToMle } from "./swe-to-mle";
import { sweToAiEngineer } from "./swe-to-ai-engineer";

export type { DurationAnchor, MilestoneDef, MilestoneKind, PhaseDef, RoadmapDef } from "./types";
export { DURATION_ANCHORS, MILESTONE_KINDS } from "./types";
export { sweToMle } from "./swe-to-mle";
export { sweToAiEngineer } from "./swe-to-ai-engineer";

/** Every roadmap we ship, in display order. */
export const catalogue: readonly RoadmapDef[] = [sweToMle, sweToAiEngineer];

export function findRoadmapDef(slug: string): RoadmapDef | undefined {
  return catalogue.find((roadmap) => roadmap.slug === slug);
}
