// The three common pivot mistakes, as gentle warnings shown only when they apply. Pure: a function
// of where the user is on their plan, their progress and their self-assessment.
import type { Recommendation } from "../assessment/rules";
import { FEATURE_LAUNCH_SKILL } from "../pacing/rules";
import { addMonths, dayOfIso } from "../calendar/days";

export type PivotWarningCode = "courses_without_shipping" | "pay_without_enjoyment" | "ml_when_ai_fits";

/** When "courses without shipping" starts to apply. */
export const COURSES_WITHOUT_SHIPPING = { fromMonth: 10, learnDone: 8 } as const;

/** The roadmap on which the operational side of ML is the job. */
const ML_ENGINEER_ROADMAP = "swe-to-mle";

export interface WarningInput {
  roadmapSlug: string;
  /** Whole calendar months since the plan started (see monthsIntoPlan). */
  monthsIntoPlan: number;
  milestones: readonly { kind: string; skillSlug: string; status: string }[];
  assessment: { operationalWork: "appeals" | "draining"; recommendation: Recommendation } | null;
}

/**
 * Whole calendar months from the start date to today, both local "YYYY-MM-DD" dates: 1 Sep → 1 Jul
 * is 10, 1 Sep → 30 Jun is 9. Paused spans count too: the calendar keeps moving while courses pile up.
 */
export function monthsIntoPlan(startDate: string, today: string): number {
  const start = dayOfIso(startDate);
  const now = dayOfIso(today);
  if (now < start) return 0;
  let months = 0;
  while (addMonths(start, months + 1) <= now) months++;
  return months;
}

export function pivotWarnings(input: WarningInput): PivotWarningCode[] {
  const warnings: PivotWarningCode[] = [];
  const done = input.milestones.filter((m) => m.status === "done");
  // Shipping: any "ship" milestone done, or the shipped feature itself (the skill the time-based rules anchor on).
  const shipped = done.some((m) => m.kind === "ship" || m.skillSlug === FEATURE_LAUNCH_SKILL);
  const learnDone = done.filter((m) => m.kind === "learn").length;
  if (input.monthsIntoPlan >= COURSES_WITHOUT_SHIPPING.fromMonth && learnDone >= COURSES_WITHOUT_SHIPPING.learnDone && !shipped) {
    warnings.push("courses_without_shipping");
  }
  const onMlRoadmap = input.roadmapSlug === ML_ENGINEER_ROADMAP;
  // Their own answer: the post-mortems sounded draining, yet they are on the ML Engineer path.
  if (onMlRoadmap && input.assessment?.operationalWork === "draining") warnings.push("pay_without_enjoyment");
  // The work appeals, but their answers pointed elsewhere (pay soon, or a stronger senior route).
  else if (onMlRoadmap && input.assessment && input.assessment.recommendation !== "ml_engineer") warnings.push("ml_when_ai_fits");
  return warnings;
}

export const WARNING_TEXT: Record<PivotWarningCode, { title: string; body: string }> = {
  courses_without_shipping: {
    title: "Lots of learning, nothing shipped yet",
    body: "Ten months or more into your plan, eight or more learning milestones done, and nothing shipped yet: this is the most common way pivots stall. Recruiters ask which ML feature you put into production, not which courses you finished. Pick something small at work (a classifier, an anomaly detector, a documentation bot) and put it live before starting another course.",
  },
  pay_without_enjoyment: {
    title: "The pay alone may not carry you",
    body: "In your self-assessment the production post-mortems sounded draining, and on-call for models, drift incidents and eval work are most of this job. The senior pay gap (about +24% in London, JobLabs 2026) rarely makes up for years of work you don't enjoy. The AI Engineer roadmap keeps most of the lift with less of that load.",
  },
  ml_when_ai_fits: {
    title: "Is ML Engineer the right target?",
    body: "Your self-assessment pointed to a different route. Many engineers who pivot end up happier as AI Engineers: more of their current skills carry over and pay sits within 5–10% (JobLabs, 2026). Read an AI Engineer and an ML Engineer job advert side by side before you commit to the harder move.",
  },
};
