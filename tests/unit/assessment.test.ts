// The self-assessment rules, every combination of answers (2 × 3 × 2 × 2 × 2 = 48) with its expected
// result written out by hand from the rules' intent, not computed by the same logic.
import { describe, expect, it } from "vitest";
import {
  assessPivot,
  CAREER_STAGES,
  OPERATIONAL_WORK,
  PIVOT_GOALS,
  REASON_TEXT,
  type AssessmentAnswers,
  type ReasonCode,
  type Recommendation,
} from "@/lib/assessment/rules";
import { sweToAiEngineer } from "@/lib/roadmaps/swe-to-ai-engineer";
import { sweToMle } from "@/lib/roadmaps/swe-to-mle";

const ML: Recommendation = "ml_engineer";
const AI: Recommendation = "ai_engineer_first";
const STAY: Recommendation = "stay_senior_track";
const MLE = "swe-to-mle";
const AIE = "swe-to-ai-engineer";
const ST = "short_term_pay";
const LT = "long_term_compounding";

// Reason lists that recur in the table.
const DRAINED_SENIOR: ReasonCode[] = ["ops_draining", "senior_track_pays_similar"];
const DRAINED: ReasonCode[] = ["ops_draining", "ai_uses_your_skills", "ml_later"];
const SENIOR_SHORT: ReasonCode[] = ["senior_track_pays_similar", "senior_short_term"];
const SENIOR_NO_SURFACE: ReasonCode[] = ["senior_track_pays_similar", "senior_no_ml_surface"];
const SENIOR_ML: ReasonCode[] = ["ops_appeals", "senior_lift_widest", "long_term_compounds"];
const SHORT: ReasonCode[] = ["short_term_gentler", "ai_uses_your_skills", "ml_later"];
const EARLY_ML: ReasonCode[] = ["ops_appeals", "early_career_benefit", "long_term_compounds"];
const MID_ML: ReasonCode[] = ["ops_appeals", "mid_career_benefit", "long_term_compounds"];

type Row = [
  operationalWork: AssessmentAnswers["operationalWork"],
  careerStage: AssessmentAnswers["careerStage"],
  goal: AssessmentAnswers["goal"],
  mlSurfaceAtWork: boolean,
  mathsBackground: boolean,
  recommendation: Recommendation,
  roadmap: string,
  bracketMin: number,
  bracketMax: number,
  suggestedMonths: number,
  pathReasons: ReasonCode[],
  durationReason: ReasonCode,
];

// prettier-ignore
const TABLE: Row[] = [
  // post-mortems sound draining, 0–3 years
  ["draining", "early", ST, true, true, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "early", ST, true, false, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "early", ST, false, true, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  ["draining", "early", ST, false, false, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  ["draining", "early", LT, true, true, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "early", LT, true, false, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "early", LT, false, true, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  ["draining", "early", LT, false, false, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  // draining, 3–7 years
  ["draining", "mid", ST, true, true, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "mid", ST, true, false, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "mid", ST, false, true, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  ["draining", "mid", ST, false, false, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  ["draining", "mid", LT, true, true, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "mid", LT, true, false, AI, AIE, 6, 9, 9, DRAINED, "duration_ai_ship_at_work"],
  ["draining", "mid", LT, false, true, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  ["draining", "mid", LT, false, false, AI, AIE, 9, 12, 12, DRAINED, "duration_ai_no_surface"],
  // draining, 7+ years
  ["draining", "senior", ST, true, true, STAY, AIE, 6, 9, 9, DRAINED_SENIOR, "duration_ai_ship_at_work"],
  ["draining", "senior", ST, true, false, STAY, AIE, 6, 9, 9, DRAINED_SENIOR, "duration_ai_ship_at_work"],
  ["draining", "senior", ST, false, true, STAY, AIE, 9, 12, 12, DRAINED_SENIOR, "duration_ai_no_surface"],
  ["draining", "senior", ST, false, false, STAY, AIE, 9, 12, 12, DRAINED_SENIOR, "duration_ai_no_surface"],
  ["draining", "senior", LT, true, true, STAY, AIE, 6, 9, 9, DRAINED_SENIOR, "duration_ai_ship_at_work"],
  ["draining", "senior", LT, true, false, STAY, AIE, 6, 9, 9, DRAINED_SENIOR, "duration_ai_ship_at_work"],
  ["draining", "senior", LT, false, true, STAY, AIE, 9, 12, 12, DRAINED_SENIOR, "duration_ai_no_surface"],
  ["draining", "senior", LT, false, false, STAY, AIE, 9, 12, 12, DRAINED_SENIOR, "duration_ai_no_surface"],
  // post-mortems sound interesting, 0–3 years
  ["appeals", "early", ST, true, true, AI, AIE, 6, 9, 9, SHORT, "duration_ai_ship_at_work"],
  ["appeals", "early", ST, true, false, AI, AIE, 6, 9, 9, SHORT, "duration_ai_ship_at_work"],
  ["appeals", "early", ST, false, true, AI, AIE, 9, 12, 12, SHORT, "duration_ai_no_surface"],
  ["appeals", "early", ST, false, false, AI, AIE, 9, 12, 12, SHORT, "duration_ai_no_surface"],
  ["appeals", "early", LT, true, true, ML, MLE, 6, 9, 9, EARLY_ML, "duration_ship_with_maths"],
  ["appeals", "early", LT, true, false, ML, MLE, 9, 12, 12, EARLY_ML, "duration_ship_without_maths"],
  ["appeals", "early", LT, false, true, ML, MLE, 12, 18, 15, EARLY_ML, "duration_no_ml_surface"],
  ["appeals", "early", LT, false, false, ML, MLE, 12, 18, 15, EARLY_ML, "duration_no_ml_surface"],
  // interesting, 3–7 years
  ["appeals", "mid", ST, true, true, AI, AIE, 6, 9, 9, SHORT, "duration_ai_ship_at_work"],
  ["appeals", "mid", ST, true, false, AI, AIE, 6, 9, 9, SHORT, "duration_ai_ship_at_work"],
  ["appeals", "mid", ST, false, true, AI, AIE, 9, 12, 12, SHORT, "duration_ai_no_surface"],
  ["appeals", "mid", ST, false, false, AI, AIE, 9, 12, 12, SHORT, "duration_ai_no_surface"],
  ["appeals", "mid", LT, true, true, ML, MLE, 6, 9, 9, MID_ML, "duration_ship_with_maths"],
  ["appeals", "mid", LT, true, false, ML, MLE, 9, 12, 12, MID_ML, "duration_ship_without_maths"],
  ["appeals", "mid", LT, false, true, ML, MLE, 12, 18, 15, MID_ML, "duration_no_ml_surface"],
  ["appeals", "mid", LT, false, false, ML, MLE, 12, 18, 15, MID_ML, "duration_no_ml_surface"],
  // interesting, 7+ years
  ["appeals", "senior", ST, true, true, STAY, AIE, 6, 9, 9, SENIOR_SHORT, "duration_ai_ship_at_work"],
  ["appeals", "senior", ST, true, false, STAY, AIE, 6, 9, 9, SENIOR_SHORT, "duration_ai_ship_at_work"],
  ["appeals", "senior", ST, false, true, STAY, AIE, 9, 12, 12, SENIOR_SHORT, "duration_ai_no_surface"],
  ["appeals", "senior", ST, false, false, STAY, AIE, 9, 12, 12, SENIOR_SHORT, "duration_ai_no_surface"],
  ["appeals", "senior", LT, true, true, ML, MLE, 6, 9, 9, SENIOR_ML, "duration_ship_with_maths"],
  ["appeals", "senior", LT, true, false, ML, MLE, 9, 12, 12, SENIOR_ML, "duration_ship_without_maths"],
  ["appeals", "senior", LT, false, true, STAY, AIE, 9, 12, 12, SENIOR_NO_SURFACE, "duration_ai_no_surface"],
  ["appeals", "senior", LT, false, false, STAY, AIE, 9, 12, 12, SENIOR_NO_SURFACE, "duration_ai_no_surface"],
];

const key = (a: AssessmentAnswers) => [a.operationalWork, a.careerStage, a.goal, a.mlSurfaceAtWork, a.mathsBackground].join("/");

describe("assessPivot", () => {
  it("the table lists every combination of answers exactly once", () => {
    const all: string[] = [];
    for (const operationalWork of OPERATIONAL_WORK)
      for (const careerStage of CAREER_STAGES)
        for (const goal of PIVOT_GOALS)
          for (const mlSurfaceAtWork of [true, false])
            for (const mathsBackground of [true, false])
              all.push(key({ operationalWork, careerStage, goal, mlSurfaceAtWork, mathsBackground }));
    const listed = TABLE.map(([operationalWork, careerStage, goal, mlSurfaceAtWork, mathsBackground]) =>
      key({ operationalWork, careerStage, goal, mlSurfaceAtWork, mathsBackground }),
    );
    expect(all).toHaveLength(48);
    expect([...listed].sort()).toEqual([...all].sort());
  });

  it.each(TABLE)(
    "%s / %s / %s / ships at work %s / maths %s ⇒ %s on %s, %i–%i months (pre-filled %i)",
    (
      operationalWork,
      careerStage,
      goal,
      mlSurfaceAtWork,
      mathsBackground,
      recommendation,
      roadmap,
      min,
      max,
      months,
      pathReasons,
      durationReason,
    ) => {
      expect(assessPivot({ operationalWork, careerStage, goal, mlSurfaceAtWork, mathsBackground })).toEqual({
        recommendation,
        roadmapSlug: roadmap,
        bracket: { minMonths: min, maxMonths: max },
        suggestedMonths: months,
        reasons: [...pathReasons, durationReason],
      });
    },
  );

  it("always suggests a target the roadmap allows, inside its bracket", () => {
    const ranges = new Map([sweToMle, sweToAiEngineer].map((r) => [r.slug, r]));
    for (const [, , , , , , roadmap, min, max, months] of TABLE) {
      const r = ranges.get(roadmap)!;
      expect(months).toBeGreaterThanOrEqual(Math.max(min, r.minMonths));
      expect(months).toBeLessThanOrEqual(Math.min(max, r.maxMonths));
    }
  });

  it("gives every figure in a reason its source and year", () => {
    for (const [code, text] of Object.entries(REASON_TEXT)) {
      if (/£|%|\d+\+? years|\d–\d+ months/.test(text) && !/^duration_ai_|^senior_(short_term|no_ml_surface)$/.test(code)) {
        expect(text, code).toContain("(JobLabs, 2026)");
      }
    }
  });
});
