/**
 * The roadmap catalogue is shipped as typed data and seeded into the database.
 *
 * Stability rules (the seed relies on them, and so does everyone's progress):
 * - `slug`s never change once shipped: rename a title, never a slug.
 * - A milestone is never deleted from the data: set `retired: true` and it disappears from
 *   roadmaps while any progress on its skill is kept.
 * - Progress is keyed by `skill`, a catalogue-wide slug: two milestones in different roadmaps that
 *   name the same skill are the same learning, done in one means done in the other.
 * - Bump the roadmap's `version` whenever its content changes; the seed records it.
 */

export const MILESTONE_KINDS = ["learn", "build", "ship", "operate", "apply"] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** What a time-based milestone's minimum duration is counted from. */
export const DURATION_ANCHORS = ["enrollment_start", "feature_launch"] as const;
export type DurationAnchor = (typeof DURATION_ANCHORS)[number];

export interface MilestoneDef {
  /** Stable within its roadmap. kebab-case. */
  slug: string;
  /** Stable across the whole catalogue; shared by milestones that are the same skill. kebab-case. */
  skill: string;
  title: string;
  /** One line: why this matters for the pivot. Our own words. */
  why: string;
  kind: MilestoneKind;
  /** Estimated hours of focused work; the pacing model weighs progress by it. Integer, > 0. */
  effortHours: number;
  /** What to link or write as evidence, where one fits. */
  evidencePrompt?: string;
  /** Worth doing only for some roles (e.g. frontier labs); still counted unless skipped. */
  optional?: boolean;
  /** Cannot be completed before this many days have passed since `durationAnchor`. */
  minDurationDays?: number;
  durationAnchor?: DurationAnchor;
  /** Retired milestones stay in the data so their slug is never reused; they are hidden from roadmaps. */
  retired?: boolean;
}

export interface PhaseDef {
  slug: string;
  title: string;
  summary: string;
  /** Window on the roadmap's canonical timeline, in months from the start. */
  startMonth: number;
  endMonth: number;
  milestones: MilestoneDef[];
}

export interface RoadmapDef {
  slug: string;
  /** Increment whenever the roadmap's content changes. */
  version: number;
  title: string;
  summary: string;
  /** The timeline the phase windows are written against (18 for swe-to-mle). */
  canonicalMonths: number;
  /** Allowed target durations, and the default offered at enrolment. */
  minMonths: number;
  maxMonths: number;
  typicalMonths: number;
  /** Shown as the suggested first step for many software engineers. */
  recommendedFirstStep: boolean;
  phases: PhaseDef[];
}
