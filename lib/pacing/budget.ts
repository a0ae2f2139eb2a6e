// What a roadmap's effort means at a weekly hours budget: how long it really takes, the hours a week
// a target needs, and whether its busiest phase fits. Pure; the enrol and replan forms show it live,
// and the verdict's "budget too small" rule is the same comparison on the running plan line.
import { VERDICT_THRESHOLDS } from "./verdict";

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
  /** Whole months the whole effort takes at the budget (rounded up). */
  monthsAtBudget: number;
  /** Whole hours a week the whole effort needs to finish within the target (rounded up). */
  hoursForTarget: number;
  /** The busiest phase on this target: its hours a week (one decimal) and title. */
  peak: { title: string; hoursPerWeek: number } | null;
  /** The shortest whole-month target whose busiest phase fits the budget, or null past `maxMonths`. */
  shortestFittingMonths: number | null;
  /** The plan fits: its busiest phase asks no more than the budget (the verdict's own test). */
  fits: boolean;
  /** "At 8 h a week this takes about 16 months; to finish in 12, plan on 11 h a week. …" */
  sentence: string;
}

const ceil = (n: number) => Math.ceil(n - 1e-9);

export function budgetFit(
  roadmap: { canonicalMonths: number; maxMonths: number; phases: readonly BudgetPhase[] },
  weeklyHours: number,
  targetMonths: number,
): BudgetFit {
  const totalHours = roadmap.phases.reduce((sum, p) => sum + p.effortHours, 0);
  const monthsAtBudget = ceil(totalHours / weeklyHours / WEEKS_PER_MONTH);
  const hoursForTarget = ceil(totalHours / (targetMonths * WEEKS_PER_MONTH));
  // A phase's window scales with the target (target / canonical), its effort spread evenly over it.
  let peak: BudgetFit["peak"] = null;
  let peakRatio = 0;
  for (const p of roadmap.phases) {
    const canonicalWeeks = (p.endMonth - p.startMonth) * WEEKS_PER_MONTH;
    if (canonicalWeeks <= 0 || p.effortHours === 0) continue;
    const perWeek = (p.effortHours / canonicalWeeks) * (roadmap.canonicalMonths / targetMonths);
    if (peak === null || perWeek > peak.hoursPerWeek) {
      peak = { title: p.title, hoursPerWeek: Math.round(perWeek * 10) / 10 };
      peakRatio = perWeek * targetMonths;
    }
  }
  const tolerance = VERDICT_THRESHOLDS.budgetToleranceHours;
  const fits = peak === null || peak.hoursPerWeek <= weeklyHours + tolerance;
  let shortestFittingMonths: number | null = null;
  for (let months = 1; months <= roadmap.maxMonths; months++) {
    if (peakRatio / months <= weeklyHours + tolerance) {
      shortestFittingMonths = months;
      break;
    }
  }

  let sentence = `At ${weeklyHours} h a week this takes about ${monthsAtBudget} months`;
  if (hoursForTarget > weeklyHours) sentence += `; to finish in ${targetMonths}, plan on ${hoursForTarget} h a week.`;
  else sentence += fits ? `, so ${targetMonths} months leaves room.` : `, enough for ${targetMonths} months overall.`;
  if (!fits && peak) {
    sentence += ` Its busiest phase, ${peak.title}, asks about ${ceil(peak.hoursPerWeek)} h a week on a ${targetMonths}-month plan`;
    sentence += shortestFittingMonths !== null && shortestFittingMonths > targetMonths ? `: choose ${shortestFittingMonths} months or more, or more hours.` : ": plan on more hours a week.";
  }
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
