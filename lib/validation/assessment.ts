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
