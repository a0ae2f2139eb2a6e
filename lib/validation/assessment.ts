import { z } from "zod";
import { CAREER_STAGES, OPERATIONAL_WORK, PIVOT_GOALS } from "../assessment/rules";

const yesNo = (message: string) => z.boolean({ error: message });

/** PUT /api/me/assessment: all five answers, every time (the rules need each of them). */
export const assessmentAnswersSchema = z
  .object({
    operationalWork: z.enum(OPERATIONAL_WORK, { error: "Say whether the post-mortems sounded interesting or draining." }),
    careerStage: z.enum(CAREER_STAGES, { error: "Choose how many years you have been a software engineer." }),
    goal: z.enum(PIVOT_GOALS, { error: "Choose what you are optimising for." }),
    mlSurfaceAtWork: yesNo("Say whether you could ship an ML feature in your current role."),
    mathsBackground: yesNo("Say whether you have a maths or statistics background."),
  })
  .strict();
export type AssessmentAnswersInput = z.input<typeof assessmentAnswersSchema>;

/**
 * The answers carried in a URL's query: how answers given signed out survive sign-in. They ride in
 * the callbackUrl, which next-auth puts into the sign-in email's link, so they arrive even when the
 * link is opened in another browser than the one the questions were answered in.
 */
export function assessmentQuery(answers: z.output<typeof assessmentAnswersSchema>): string {
  return new URLSearchParams({
    operationalWork: answers.operationalWork,
    careerStage: answers.careerStage,
    goal: answers.goal,
    mlSurfaceAtWork: answers.mlSurfaceAtWork ? "yes" : "no",
    mathsBackground: answers.mathsBackground ? "yes" : "no",
  }).toString();
}

const yesNoParam = z.enum(["yes", "no"]).transform((value) => value === "yes");

/** A page's search params back into answers; anything missing or unknown makes the whole set absent. */
export const assessmentQuerySchema = z.object({
  operationalWork: z.enum(OPERATIONAL_WORK),
  careerStage: z.enum(CAREER_STAGES),
  goal: z.enum(PIVOT_GOALS),
  mlSurfaceAtWork: yesNoParam,
  mathsBackground: yesNoParam,
});
