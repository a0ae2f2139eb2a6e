// The caller's self-assessment: one row per user. Every function takes the user it acts for.
import "server-only";
import { db } from "../db";
import { ASSESSMENT_RULES_VERSION, assessPivot, type AssessmentAnswers, type ReasonCode, type Recommendation } from "./rules";

export interface SavedAssessment {
  answers: AssessmentAnswers;
  recommendation: Recommendation;
  roadmapSlug: string;
  bracket: { minMonths: number; maxMonths: number };
  suggestedMonths: number;
  reasons: ReasonCode[];
  rulesVersion: number;
  updatedAt: string;
}

type Row = NonNullable<Awaited<ReturnType<typeof db.assessment.findUnique>>>;

function toSaved(row: Row): SavedAssessment {
  return {
    answers: {
      operationalWork: row.operationalWork,
      careerStage: row.careerStage,
      goal: row.goal,
      mlSurfaceAtWork: row.mlSurfaceAtWork,
      mathsBackground: row.mathsBackground,
    },
    recommendation: row.recommendation,
    roadmapSlug: row.suggestedRoadmapSlug,
    bracket: { minMonths: row.bracketMinMonths, maxMonths: row.bracketMaxMonths },
    suggestedMonths: row.suggestedMonths,
    // Written by saveAssessment from ReasonCode values only.
    reasons: row.reasons as ReasonCode[],
    rulesVersion: row.rulesVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Null until the user has taken it. */
export async function getAssessment(userId: string): Promise<SavedAssessment | null> {
  const row = await db.assessment.findUnique({ where: { userId } });
  return row ? toSaved(row) : null;
}

/** Saves the answers and what the rules make of them now; taking it again replaces both. */
export async function saveAssessment(userId: string, answers: AssessmentAnswers): Promise<SavedAssessment> {
  const result = assessPivot(answers);
  const data = {
    ...answers,
    recommendation: result.recommendation,
    suggestedRoadmapSlug: result.roadmapSlug,
    suggestedMonths: result.suggestedMonths,
    bracketMinMonths: result.bracket.minMonths,
    bracketMaxMonths: result.bracket.maxMonths,
    reasons: result.reasons,
    rulesVersion: ASSESSMENT_RULES_VERSION,
  };
  const row = await db.assessment.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return toSaved(row);
}
