// The weekly check-in streak. Pure.

import { isoWeekMonth, isoWeekParts, previousIsoWeek } from "../calendar/week-labels";
import { FREEZES_PER_MONTH } from "./streak-rules";

export { FREEZES_PER_MONTH };

export interface Streak {
  /** Weeks with a check-in in the unbroken run (frozen weeks not counted). */
  weeks: number;
  /** Weeks the run skipped over with a freeze, newest first. */
  frozen: string[];
  /** Whether currentWeek already has a check-in. */
  thisWeekDone: boolean;
  /**
   * Whether a freeze is still unused in currentWeek's month (isoWeekMonth) — i.e. no frozen week of the current run falls in
   * that month.
   */
  freezeLeftThisMonth: boolean;
}

/**
 * The run of weeks with a check-in that reaches currentWeek.
 *
 * - Input weeks may repeat and come in any order; weeks after currentWeek are ignored. Every week,
 *   currentWeek included, must be a valid ISO week ("YYYY-Www"), else a RangeError.
 * - The run is walked back from currentWeek. currentWeek without a check-in neither ends the run (the week
 *   isn't over) nor is counted or frozen; with one it is counted.
 * - An earlier week with a check-in is counted. One without is frozen while its month (isoWeekMonth) has
 *   used fewer than FREEZES_PER_MONTH freezes in this run; otherwise the run ends there.
 * - Freezes only bridge gaps: frozen weeks older than the run's oldest counted week are dropped, so a run
 *   never starts on a frozen week. Frozen weeks between currentWeek and the newest check-in are kept: they
 *   bridge to the open current week. No check-in up to currentWeek ⇒ weeks 0, frozen [].
 * - freezeLeftThisMonth: currentWeek's month has fewer than FREEZES_PER_MONTH weeks in `frozen`.
 */
export function computeStreak(checkInWeeks: readonly string[], currentWeek: string): Streak {
  isoWeekParts(currentWeek);
  const done = pastCheckIns(checkInWeeks, currentWeek);
  const thisWeekDone = done.has(currentWeek);
  const run = walkBack(done, currentWeek, thisWeekDone);
  const month = isoWeekMonth(currentWeek);
  const freezeLeftThisMonth = run.frozen.filter((freeze) => freeze.month === month).length < FREEZES_PER_MONTH;
  return { weeks: run.weeks, frozen: run.frozen.map((freeze) => freeze.week), thisWeekDone, freezeLeftThisMonth };
}

/** The distinct check-in weeks up to and including currentWeek. */
function pastCheckIns(checkInWeeks: readonly string[], currentWeek: string): Set<string> {
  const done = new Set<string>();
  for (const week of checkInWeeks) {
    isoWeekParts(week);
    // Labels are fixed-width, so string order is week order.
    if (week <= currentWeek) done.add(week);
  }
  return done;
}

interface Freeze {
  week: string;
  month: string;
}

function walkBack(done: ReadonlySet<string>, currentWeek: string, thisWeekDone: boolean): { weeks: number; frozen: Freeze[] } {
  if (done.size === 0) return { weeks: 0, frozen: [] };
  // Past the oldest check-in nothing more can be counted, so any freeze there would only be dropped.
  const oldest = [...done].reduce((a, b) => (b < a ? b : a));
  let weeks = thisWeekDone ? 1 : 0;
  const frozen: Freeze[] = [];
  // Freezes since the last counted week: kept only once an older counted week closes the gap.
  let pending: Freeze[] = [];
  const freezesUsed = new Map<string, number>();
  for (let week = previousIsoWeek(currentWeek); week >= oldest; week = previousIsoWeek(week)) {
    if (done.has(week)) {
      weeks += 1;
      frozen.push(...pending);
      pending = [];
      continue;
    }
    const month = isoWeekMonth(week);
    const used = freezesUsed.get(month) ?? 0;
    if (used >= FREEZES_PER_MONTH) break;
    freezesUsed.set(month, used + 1);
    pending.push({ week, month });
  }
  return { weeks, frozen };
}
