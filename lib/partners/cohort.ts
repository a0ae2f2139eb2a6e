// The cohort list: everyone a partner follows, one row each, whoever needs attention first. Pure.
import type { PacingStatus, VerdictTone } from "../pacing";
import type { ShareField } from "./share";

export interface CohortRow {
  ownerId: string;
  name: string | null;
  role: string;
  /** Null when pace isn't shared or the person is on no roadmap. */
  verdict: { status: PacingStatus; label: string; tone: VerdictTone } | null;
  bufferDays: number | null;
  /** Null when the streak isn't shared. */
  streakWeeks: number | null;
  lastCheckInWeek: string | null;
  /** Null when this week's plan isn't shared or there is none. */
  thisWeek: { loggedHours: number; budgetHours: number } | null;
}

export const COHORT_SORTS = ["attention", "name", "buffer", "streak"] as const;
export type CohortSort = (typeof COHORT_SORTS)[number];

/** Lower is more urgent. A verdict the partner can't see sorts with the quiet ones: nothing to act on. */
const URGENCY: Record<PacingStatus, number> = { off_track: 0, at_risk: 1, paused: 2, just_started: 3, upcoming: 4, on_track: 5, done: 6 };
const HIDDEN = 4.5;

const byName = (a: CohortRow, b: CohortRow) => (a.name ?? "").localeCompare(b.name ?? "") || a.ownerId.localeCompare(b.ownerId);
/** Smallest buffer first; an unknown one after every known one. */
const byBuffer = (a: CohortRow, b: CohortRow) => (a.bufferDays ?? Infinity) - (b.bufferDays ?? Infinity);

export function sortCohort(rows: readonly CohortRow[], sort: CohortSort): CohortRow[] {
  const compare: Record<CohortSort, (a: CohortRow, b: CohortRow) => number> = {
    attention: (a, b) =>
      (a.verdict ? URGENCY[a.verdict.status] : HIDDEN) - (b.verdict ? URGENCY[b.verdict.status] : HIDDEN) || byBuffer(a, b) || byName(a, b),
    name: byName,
    buffer: (a, b) => byBuffer(a, b) || byName(a, b),
    // Shortest streak first: a lapsing habit is the thing to ask about.
    streak: (a, b) => (a.streakWeeks ?? Infinity) - (b.streakWeeks ?? Infinity) || byName(a, b),
  };
  return [...rows].sort(compare[sort]);
}

/** One cohort row from what was read, keeping only what `shares` allows (the view's rule, for one line). */
export function cohortRow(
  base: { ownerId: string; name: string | null; role: string; shares: readonly ShareField[] },
  read: {
    verdict: CohortRow["verdict"];
    bufferDays: number | null;
    streakWeeks: number;
    lastCheckInWeek: string | null;
    thisWeek: CohortRow["thisWeek"];
  } | null,
): CohortRow {
  const may = new Set(base.shares);
  return {
    ownerId: base.ownerId,
    name: base.name,
    role: base.role,
    verdict: may.has("pace") ? (read?.verdict ?? null) : null,
    bufferDays: may.has("pace") ? (read?.bufferDays ?? null) : null,
    streakWeeks: may.has("streak") ? (read?.streakWeeks ?? 0) : null,
    lastCheckInWeek: may.has("streak") ? (read?.lastCheckInWeek ?? null) : null,
    thisWeek: may.has("this_week") ? (read?.thisWeek ?? null) : null,
  };
}
