// The plan line: how much of the roadmap's effort weight should be done by each day. Pure.
//
// Days are counted from the enrolment's start date (day 0). Each phase's window on the canonical
// timeline (e.g. months 3–6 of 18) is scaled to the target (months 2–4 of 12) and turned into calendar
// days from the start; within its window a phase's weight accrues linearly. Paused days don't count:
// the line is flat across them and everything after shifts later by their number.
import { addFractionalMonths, type DayNumber } from "../calendar/days";

export interface PhaseWindow {
  /** On the roadmap's canonical timeline, in months from the start. */
  startMonth: number;
  endMonth: number;
  /** Share of the roadmap's counted effort weight in this phase; the shares sum to 1. */
  weight: number;
}

/** A span of paused days, [from, to) in days since the start; `to` is null while still paused. */
export interface PauseSpan {
  from: number;
  to: number | null;
}

/**
 * Paused days, made concrete for a given `today`: a pause still running counts up to today, as if
 * the user resumed now (so the plan ahead of today is what resuming would give).
 */
export class PauseCalendar {
  private readonly spans: { from: number; to: number }[];

  constructor(spans: readonly PauseSpan[], today: number) {
    this.spans = spans
      .map((s) => ({ from: s.from, to: s.to ?? Math.max(s.from, today + 1) }))
      .filter((s) => s.to > s.from)
      .sort((a, b) => a.from - b.from);
  }

  /** Days before `day` that were not paused: the plan's clock. */
  activeDaysBefore(day: number): number {
    let paused = 0;
    for (const s of this.spans) {
      if (s.from >= day) break;
      paused += Math.min(s.to, day) - s.from;
    }
    return day - paused;
  }

  /** The first day whose active-day count reaches `active`: the inverse of activeDaysBefore. */
  dayOfActive(active: number): number {
    let day = active;
    for (const s of this.spans) {
      if (s.from >= day) break;
      day += s.to - s.from;
    }
    return day;
  }

  /** Pause boundaries: where the plan line bends. */
  boundaries(): number[] {
    return this.spans.flatMap((s) => [s.from, s.to]);
  }
}

/** One phase window scaled to a target, in active days from the start. */
interface ScaledWindow {
  from: number;
  to: number;
  weight: number;
}

/** The planned share done by a day, for one target, before any replan anchoring. */
export class BaseCurve {
  readonly windows: ScaledWindow[];
  /** Active days from the start to the target date. */
  readonly length: number;

  constructor(
    startDay: DayNumber,
    phases: readonly PhaseWindow[],
    canonicalMonths: number,
    readonly targetMonths: number,
    private readonly pauses: PauseCalendar,
  ) {
    const scale = targetMonths / canonicalMonths;
    const offset = (months: number) => addFractionalMonths(startDay, months * scale) - startDay;
    this.windows = phases.map((p) => ({ from: offset(p.startMonth), to: offset(p.endMonth), weight: p.weight }));
    this.length = offset(canonicalMonths);
  }

  at(day: number): number {
    const active = this.pauses.activeDaysBefore(day);
    let share = 0;
    for (const w of this.windows) {
      if (active >= w.to) share += w.weight;
      else if (active > w.from) share += (w.weight * (active - w.from)) / (w.to - w.from);
    }
    return Math.min(share, 1);
  }

  /** The calendar day the target is reached, pauses included. */
  get endDay(): number {
    return this.pauses.dayOfActive(this.length);
  }

  /** The calendar day phase `index`'s window closes, pauses included. */
  endDayOfWindow(index: number): number {
    return this.pauses.dayOfActive(this.windows[index]!.to);
  }

  /** Days where the line may bend: window ends and pause boundaries. */
  bends(): number[] {
    return [...this.windows.flatMap((w) => [this.pauses.dayOfActive(w.from), this.pauses.dayOfActive(w.to)]), ...this.pauses.boundaries()];
  }
}

/**
 * A plan line. The first starts at 0 on day 0. A replan on day `fromDay` starts a new line from the
 * share actually done that day and spreads the rest over the new target's remaining windows; before
 * `fromDay` the new line is the same curve scaled down to meet that share, so it is one monotone
 * line from day 0 (which the "date the plan reached today's actual" needs when a user unticks).
 */
export class PlanLine {
  private readonly baseAtFrom: number;

  constructor(
    readonly base: BaseCurve,
    readonly fromDay: number,
    readonly fromShare: number,
  ) {
    this.baseAtFrom = base.at(fromDay);
  }

  get targetMonths(): number {
    return this.base.targetMonths;
  }

  get endDay(): number {
    return this.base.endDay;
  }

  at(day: number): number {
    if (this.fromDay === 0 && this.fromShare === 0) return this.base.at(day);
    const b = this.base.at(day);
    if (day <= this.fromDay) {
      return this.baseAtFrom > 1e-12 ? (this.fromShare * b) / this.baseAtFrom : day < this.fromDay ? 0 : this.fromShare;
    }
    if (this.baseAtFrom >= 1 - 1e-12) return 1;
    return this.fromShare + ((1 - this.fromShare) * (b - this.baseAtFrom)) / (1 - this.baseAtFrom);
  }

  /** The first day the line reaches `share` (never before day 0). Assumes share ≤ 1. */
  firstDayReaching(share: number): number {
    let lo = 0;
    // One past the later of the end and the start: a replan to a target already passed ends on the
    // day it starts, and the line is 100% only after it.
    let hi = Math.max(this.endDay, this.fromDay) + 1;
    if (this.at(lo) >= share - 1e-9) return lo;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) >= share - 1e-9) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** The last day the line is still at or below `share`: -1 if even day 0 is above it. Assumes share < 1. */
  lastDayAtOrBelow(share: number): number {
    if (this.at(0) > share + 1e-9) return -1;
    let lo = 0;
    let hi = Math.max(this.endDay, this.fromDay) + 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) <= share + 1e-9) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Days where the line bends, within [first, last]. Between two of them it is straight. */
  bends(first: number, last: number): number[] {
    const days = new Set([first, last, this.fromDay, ...this.base.bends()]);
    return [...days].filter((d) => d >= first && d <= last).sort((a, b) => a - b);
  }
}

/** A weekly hours budget in force from a day on (the first step from the start), as a share of the counted effort per active day. */
export interface BudgetStep {
  fromDay: number;
  sharePerDay: number;
}

/** How far past its target a budgeted line is followed (then taken as never finishing): 15 years. */
const BUDGETED_HORIZON_DAYS = 15 * 366;

/**
 * The plan line at the weekly hours budget: the phase-window line rate-limited by the budget, one
 * day at a time, P(d) = min(line(d), P(d−1) + budget per active day), flat while paused. A person
 * ticking exactly their budget's hours stays on it; where a front-loaded phase asks more than the
 * budget the line runs behind its window and catches up where a later phase asks less. When it
 * reaches 100% after the target, the budget is too small for the target.
 *
 * `floors`: earlier lines of this enrolment (under the same budget) ending no sooner than this one.
 * The line never runs below them, so a replan can't show a better standing than a line the user had
 * for an easier target: 12 → 15 → 12 months gives back the 12-month line, and its standing.
 *
 * Held as one value per day from day 0 to the day it reaches 100%: a few hundred numbers, then every
 * question (its value, the day it reaches a share) is an array look-up or a binary search.
 */
export class BudgetedLine {
  private readonly values: number[];
  /** The line starts afresh from its own share on its first day (no earlier line holds it up). */
  readonly fresh: boolean;
  /** Where the line the user is judged on began: this one's start, or that of the earlier line holding it up. */
  readonly origin: { kind: "enrolled" | "replanned"; day: number };

  constructor(
    readonly raw: PlanLine,
    kind: "enrolled" | "replanned",
    steps: readonly BudgetStep[],
    readonly pauses: PauseCalendar,
    floors: readonly BudgetedLine[],
  ) {
    const from = raw.fromDay;
    const horizon = Math.max(raw.endDay, from) + BUDGETED_HORIZON_DAYS;
    const values: number[] = [];
    let own = 0;
    let step = 0;
    let activeBefore = pauses.activeDaysBefore(0);
    let ownAtFrom = 0;
    for (let d = 0; ; d++) {
      const active = pauses.activeDaysBefore(d);
      if (d <= from) own = raw.at(d);
      else if (active > activeBefore) {
        // The budget in force on day d − 1 moves the line from d − 1 to d.
        while (step + 1 < steps.length && steps[step + 1]!.fromDay <= d - 1) step++;
        const rate = steps[step]?.sharePerDay ?? Number.POSITIVE_INFINITY;
        own = Math.min(raw.at(d), own + rate);
      }
      activeBefore = active;
      if (d === from) ownAtFrom = own;
      let value = own;
      for (const f of floors) value = Math.max(value, f.at(d));
      values.push(value);
      if ((value >= 1 - 1e-12 && d >= Math.max(from, raw.endDay)) || d >= horizon) break;
    }
    this.values = values;
    const holding = floors.reduce<BudgetedLine | null>(
      (best, f) => (f.at(from) > ownAtFrom + 1e-9 && (!best || f.at(from) > best.at(from)) ? f : best),
      null,
    );
    this.fresh = holding === null;
    this.origin = holding ? holding.origin : { kind, day: from };
  }

  get fromDay(): number {
    return this.raw.fromDay;
  }

  get targetMonths(): number {
    return this.raw.targetMonths;
  }

  /** The day the line reaches 100% at the budget, never before the target's day (which it is when the budget suffices). */
  get endDay(): number {
    const last = this.values.length - 1;
    return this.values[last]! >= 1 - 1e-12 ? last : last + 1;
  }

  at(day: number): number {
    if (day <= 0) return this.values[0]!;
    const d = Math.floor(day);
    return d < this.values.length
      ? this.values[d]!
      : this.values[this.values.length - 1]! >= 1 - 1e-12
        ? 1
        : this.values[this.values.length - 1]!;
  }

  /** The first day the line reaches `share` (never before day 0); one past its end if it never does. */
  firstDayReaching(share: number): number {
    const v = this.values;
    if (v[0]! >= share - 1e-9) return 0;
    if (v[v.length - 1]! < share - 1e-9) return v.length;
    let lo = 0;
    let hi = v.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! >= share - 1e-9) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** The last day the line is still at or below `share`: -1 if even day 0 is above it. Assumes share < 1. */
  lastDayAtOrBelow(share: number): number {
    const v = this.values;
    if (v[0]! > share + 1e-9) return -1;
    let lo = 0;
    let hi = v.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! <= share + 1e-9) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Days where the line bends, within [first, last] (straight between two of them): the chart's points. */
  bends(first: number, last: number): number[] {
    const days: number[] = [first];
    const to = Math.min(last, this.values.length - 1);
    for (let d = Math.max(first + 1, 1); d < to; d++) {
      if (Math.abs(this.at(d + 1) - 2 * this.at(d) + this.at(d - 1)) > 1e-12) days.push(d);
    }
    if (last > first) days.push(last);
    return days;
  }
}

/**
 * The least effort a week (as a share of the counted effort per active day) that, from `share` on
 * `day` and along the phase-window line's shape, reaches 100% by its end: max over the line's bends
 * s ≥ day of (1 − line(s)) / (active days from s to the end), with `share` standing for the line on
 * `day` (between two bends the ratio is monotone, so the bends are enough). Null once the end has passed.
 * The budget that puts a budgeted line back on its target, and the catch-up from the actual share.
 */
export function rateToFinish(raw: PlanLine, pauses: PauseCalendar, day: number, share: number): number | null {
  const end = raw.endDay;
  if (end <= day) return null;
  const endActive = pauses.activeDaysBefore(end);
  const left = (d: number) => endActive - pauses.activeDaysBefore(d);
  if (left(day) <= 0) return null;
  let best = Math.max(0, 1 - share) / left(day);
  for (const b of raw.bends(day, end)) {
    if (b <= day || b >= end || left(b) <= 0) continue;
    best = Math.max(best, (1 - Math.max(raw.at(b), share)) / left(b));
  }
  return best;
}
