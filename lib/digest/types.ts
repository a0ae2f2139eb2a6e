// What one weekly digest is made of. Loading fills it (lib/digest/load.ts, a fixed number of queries
// for any number of users); composing turns it into the email (lib/digest/compose.ts, pure).
import type { Streak } from "../checkins/streak";
import type { Verdict } from "../pacing";
import type { ThisWeekPlan } from "../pacing/this-week";
import type { PivotPace } from "../pivot/pace";

export interface DigestInput {
  user: { name: string | null; email: string };
  /** The user's local ISO week the digest sums up, e.g. "2026-W48". */
  week: string;
  /** Its Monday and Sunday, "YYYY-MM-DD". */
  weekRange: { from: string; to: string };
  roadmapTitle: string;
  /** Week of the plan, 1-based from the enrolment's start, out of the current target's weeks. */
  planWeek: { n: number; of: number };
  pace: {
    /** The one verdict (lib/pacing/verdict.ts): status, label, headline, subject phrase, advice — the dashboard's words. */
    verdict: Verdict;
    /** Positive: ahead. */
    varianceDays: number | null;
    bufferDays: number | null;
    /** "YYYY-MM-DD", or null when there isn't enough data. */
    projectedFinish: string | null;
    finishedOn: string | null;
    targetDate: string;
    /** Effort share done, 0–1. */
    share: number;
  };
  /** Milestones that became done during the week. */
  doneThisWeek: { title: string }[];
  /** The week's check-ins. */
  checkIns: { hours: number; confidence: number }[];
  streak: Streak;
  /** The newest ISO week with a check-in, any enrolment's; null before the first. */
  lastCheckInWeek: string | null;
  /** Kudos and comments partners left during the week, not hidden and from partners not muted (lib/partners). */
  partnerNotes: { from: string; kind: "kudos" | "comment"; body: string | null; on: string }[];
  /** The next three milestones by the plan. */
  next: { title: string; dueDate: string }[];
  /** This week's plan (lib/pacing/this-week.ts) for the week the email is sent in: the dashboard's. */
  thisWeek: ThisWeekPlan;
  /**
   * The pivot phase's pace (lib/pivot/pace.ts) in the week the email is sent in: applications and
   * interviews against the weekly targets the user set on /pivot; null when none is set.
   */
  pivot: PivotPace | null;
  /** The first email (the first whole week after enrolling, lib/digest/timing.ts), or a preview before it. */
  firstWeek: boolean;
  /** Absolute URLs. */
  links: { checkIn: string; dashboard: string; settings: string; unsubscribe: string };
}

export interface ComposedDigest {
  subject: string;
  text: string;
  html: string;
}
