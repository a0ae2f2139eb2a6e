// When a time-based milestone may be marked done ("maintained 3+ months after launch"). Pure.
// Counted in whole local days in the enrolment's time zone, like the rest of pacing: a milestone
// that needs 90 days after a launch on 10 Mar may be ticked any time on 8 Jun, wherever the user is.
import type { DurationAnchor } from "../roadmaps/types";
import { dayOfIso, formatDay, isoOfDay } from "../calendar/days";
import { localDayFunction } from "../calendar/zones";

export { FEATURE_LAUNCH_SKILL, MAINTAIN_FEATURE_SKILL } from "./skills";

export interface TimedMilestone {
  minDurationDays: number | null;
  durationAnchor: DurationAnchor | null;
}

export interface Anchors {
  /** "YYYY-MM-DD", the enrolment's local start date. */
  enrollmentStart: string;
  /**
   * When the maintenance clock of the user's shipped feature started: a local date ("YYYY-MM-DD")
   * from the shipped-feature record (its launch, or the last day it was back after a gap), else the
   * instant "ship a feature at work" was ticked done. See lib/shipped/anchor.ts.
   */
  featureLaunch: Date | string | null;
}

/** `availableFrom` is the local date ("YYYY-MM-DD") from which it may be done; null until the anchor happens. */
export type CompletionCheck = { ok: true } | { ok: false; reason: string; availableFrom: string | null };

export function checkCompletion(milestone: TimedMilestone, anchors: Anchors, now: Date, timeZone: string): CompletionCheck {
  if (!milestone.minDurationDays) return { ok: true };
  const fromLaunch = milestone.durationAnchor === "feature_launch";
  if (fromLaunch && !anchors.featureLaunch) {
    return { ok: false, reason: "Mark your shipped feature as done first: this one counts from its launch.", availableFrom: null };
  }
  const launch = anchors.featureLaunch;
  const localDay = localDayFunction(timeZone, launch instanceof Date ? launch.getTime() : now.getTime(), now.getTime());
  const anchorDay = !fromLaunch
    ? dayOfIso(anchors.enrollmentStart)
    : typeof launch === "string"
      ? dayOfIso(launch)
      : localDay(launch!.getTime());
  const availableDay = anchorDay + milestone.minDurationDays;
  if (localDay(now.getTime()) < availableDay) {
    const from = fromLaunch ? "launch" : "the start of your plan";
    return {
      ok: false,
      reason: `This needs ${milestone.minDurationDays} days from ${from}; it can be marked done from ${formatDay(availableDay)}.`,
      availableFrom: isoOfDay(availableDay),
    };
  }
  return { ok: true };
}

/**
 * The anchor of the "feature_launch" milestones ("maintained 3+ months after launch"), the one rule
 * the tick (lib/shipped/anchor.ts), pacing (lib/pacing/index.ts) and so the email and the phone all
 * follow: the shipped-feature record's clock start (a local date: its launch, or its latest gap on or
 * before today; `recordClockStart` in lib/shipped/rules.ts) when there is a record, else the instant
 * FEATURE_LAUNCH_SKILL was last ticked done, else none yet.
 */
export function launchAnchor(recordClockStart: string | null, shipDoneAt: Date | number | null): string | Date | null {
  if (recordClockStart !== null) return recordClockStart;
  return shipDoneAt === null ? null : new Date(shipDoneAt);
}
