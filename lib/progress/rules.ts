// When a milestone may be marked done. Pure.
import type { DurationAnchor } from "../roadmaps";

export interface TimedMilestone {
  minDurationDays: number | null;
  durationAnchor: DurationAnchor | null;
}

export interface Anchors {
  enrollmentStart: Date;
  /** When the user's shipped ML feature launched (for now: when "ship a feature at work" was done). */
  featureLaunch: Date | null;
}

export type CompletionCheck = { ok: true } | { ok: false; reason: string; availableFrom: Date | null };

const DAY_MS = 24 * 60 * 60 * 1000;

export function checkCompletion(milestone: TimedMilestone, anchors: Anchors, now: Date): CompletionCheck {
  if (!milestone.minDurationDays) return { ok: true };
  const anchor = milestone.durationAnchor === "feature_launch" ? anchors.featureLaunch : anchors.enrollmentStart;
  if (!anchor) {
    return { ok: false, reason: "Mark your shipped feature as done first: this one counts from its launch.", availableFrom: null };
  }
  const availableFrom = new Date(anchor.getTime() + milestone.minDurationDays * DAY_MS);
  if (now < availableFrom) {
    const from = milestone.durationAnchor === "feature_launch" ? "launch" : "the start of your plan";
    return {
      ok: false,
      reason: `This needs ${milestone.minDurationDays} days from ${from}; it can be marked done from ${availableFrom.toISOString().slice(0, 10)}.`,
      availableFrom,
    };
  }
  return { ok: true };
}

/** The skill whose completion date stands in for the feature's launch date. */
export const FEATURE_LAUNCH_SKILL = "ship-feature-at-work";
