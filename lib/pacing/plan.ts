// The plan line: how much of the roadmap's effort weight should be done by each day. Pure.
//
// Days are counted from the enrolment's start date (day 0). Each phase's window on the canonical
// timeline (e.g. months 3–6 of 18) is scaled to the target (months 2–4 of 12) and turned into calendar
// days from the start; within its window a phase's weight accrues linearly. Paused days don't count:
// the line is flat across them and everything after shifts later by their number.
import { addFractionalMonths, type DayNumber } from "./calendar";

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
