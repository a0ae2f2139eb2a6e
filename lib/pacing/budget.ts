// What a roadmap's effort means at a weekly hours budget: how long it really takes, the hours a week
// a target needs, and whether the plan finishes by the target at those hours. Pure; the enrol and
// replan forms show it live, with the same budgeted plan line the verdict judges (lib/pacing/plan.ts).
import { addMonths, dayOfIso } from "../calendar/days";
import { BaseCurve, BudgetedLine, PauseCalendar, PlanLine, rateToFinish } from "./plan";

/** Average weeks in a calendar month (Gregorian year / 12 / 7): months here are rough sizes, not dates. */
export const WEEKS_PER_MONTH = 365.2425 / 12 / 7;

export interface BudgetPhase {
  title: string;
  /** On the roadmap's canonical timeline. */
  startMonth: number;
  endMonth: number;
  effortHours: number;
}

export interface BudgetFit {
  totalHours: number;
  weeklyHours: number;
  targetMonths: number;
  /** Whole months the effort takes at the budget (rounded up): past the target, the paced line's finish. */
  monthsAtBudget: number;
  /** Whole hours a week that bring the paced line's finish to the target (rounded up). */
  hoursForTarget: number;
  /** The busiest phase on this target: its hours a week (one decimal) and title. */
  peak: { title: string; hoursPerWeek: number } | null;
  /** The shortest whole-month target the budget finishes by, or null within `maxMonths`. */
  shortestFittingMonths: number | null;
  /** The plan fits: paced at the budget, it finishes by the target (the verdict's own test). */
  fits: boolean;
  /** "At 8 h a week this takes about 16 months; to finish in 12, plan on 11 h a week." */
  sentence: string;
}

const ceil = (n: number) => Math.ceil(n - 1e-9);

/** A form has no start date of its own yet: month lengths from this one (a few days' difference at most). */
const FORM_START = "2026-01-05";

export function budgetFit(
  roadmap: { canonicalMonths: number; maxMonths: number; phases: readonly BudgetPhase[] },
  weeklyHours: number,
  targetMonths: number,
  startDate: string = FORM_START,
): BudgetFit {
  const totalHours = roadmap.phases.reduce((sum, p) => sum + p.effortHours, 0);
  const start = dayOfIso(startDate);
  const pauses = new PauseCalendar([], 0);
  const windows = roadmap.phases.map((p) => ({
    startMonth: p.startMonth,
    endMonth: p.endMonth,
    weight: totalHours > 0 ? p.effortHours / totalHours : 0,
  }));
  const steps = [
    { fromDay: Number.NEGATIVE_INFINITY, sharePerDay: totalHours > 0 ? weeklyHours / 7 / totalHours : Number.POSITIVE_INFINITY },
  ];
  const lineFor = (months: number) => {
    const raw = new PlanLine(new BaseCurve(start, windows, roadmap.canonicalMonths, months, pauses), 0, 0);
    return { raw, paced: new BudgetedLine(raw, "enrolled", steps, pauses, []) };
  };
  const { raw, paced } = lineFor(targetMonths);
  const fits = paced.endDay <= raw.endDay;
  // Within the target the line can't finish before it, so the time the hours take is the effort over
  // the budget; past it, the paced line's own finish (a front-loaded roadmap's may be later).
  let monthsAtBudget = 0;
  if (fits) monthsAtBudget = ceil(totalHours / weeklyHours / WEEKS_PER_MONTH);
  else while (addMonths(start, monthsAtBudget) - start < paced.endDay) monthsAtBudget++;
  const hoursForTarget = ceil((rateToFinish(raw, pauses, 0, 0) ?? 0) * totalHours * 7);
  // A phase's window scales with the target (target / canonical), its effort spread evenly over it.
  let peak: BudgetFit["peak"] = null;
  for (const p of roadmap.phases) {
    const canonicalWeeks = (p.endMonth - p.startMonth) * WEEKS_PER_MONTH;
    if (canonicalWeeks <= 0 || p.effortHours === 0) continue;
    const perWeek = (p.effortHours / canonicalWeeks) * (roadmap.canonicalMonths / targetMonths);
    if (peak === null || perWeek > peak.hoursPerWeek) peak = { title: p.title, hoursPerWeek: Math.round(perWeek * 10) / 10 };
  }
  let shortestFittingMonths: number | null = fits ? targetMonths : null;
  for (let m = targetMonths + 1; !fits && m <= roadmap.maxMonths; m++) {
    const line = lineFor(m);
    if (line.paced.endDay <= line.raw.endDay) {
      shortestFittingMonths = m;
      break;
    }
  }

  let sentence = `At ${weeklyHours} h a week this takes about ${monthsAtBudget} months`;
  if (!fits) {
    sentence += `; to finish in ${targetMonths}, plan on ${hoursForTarget} h a week`;
    sentence += shortestFittingMonths !== null ? `, or choose ${shortestFittingMonths} months.` : ".";
  } else if (peak && peak.hoursPerWeek > weeklyHours) {
    // Front-loaded: the busy phase runs past its window at this budget and the lighter ones catch up.
    sentence += `, enough for ${targetMonths} months: ${peak.title} (about ${ceil(peak.hoursPerWeek)} h a week on this plan) runs past its window, and the lighter phases after it make up the time.`;
  } else sentence += `, so ${targetMonths} months leaves room.`;
  return { totalHours, weeklyHours, targetMonths, monthsAtBudget, hoursForTarget, peak, shortestFittingMonths, fits, sentence };
}

const months = (n: number) => String(Math.round(n * 10) / 10);

/**
 * A phase's window on the user's own plan, as the plan line scales it (target / canonical):
 * "months 8–12 of 12" on a 12-month plan, not the canonical "months 12–18 of 18".
 */
export function scaledPhaseMonths(phase: { startMonth: number; endMonth: number }, canonicalMonths: number, targetMonths: number): string {
  const scale = targetMonths / canonicalMonths;
  return `months ${months(phase.startMonth * scale)}–${months(phase.endMonth * scale)} of ${targetMonths}`;
}
