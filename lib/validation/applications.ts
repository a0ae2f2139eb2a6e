// Job applications, their stage moves and interviews, as the /pivot page and the JSON routes send them.
import { z } from "zod";
import { INTERVIEW_GOAL_MAX, INTERVIEW_GOAL_MIN } from "../pivot/interview-goal";
import { OFFER_LEVELS } from "../pivot/offer-bands";
import { APPLICATION_STAGES } from "../pivot/stages";
import { hasNoNul, idSchema, optionalText } from "./common";
import { evidenceUrlSchema } from "./progress";
import { calendarDateSchema } from "./shipped";

export const APPLICATION_TRACKS = ["ml_engineer", "ai_engineer", "other"] as const;
export const APPLICATION_SOURCES = ["referral", "direct", "recruiter"] as const;
export const INTERVIEW_KINDS = ["screen", "coding", "ml_system_design", "ml_depth", "behavioural", "take_home"] as const;

export const TRACK_LABELS: Record<(typeof APPLICATION_TRACKS)[number], string> = {
  ml_engineer: "ML Engineer",
  ai_engineer: "AI Engineer",
  other: "Other",
};
export const SOURCE_LABELS: Record<(typeof APPLICATION_SOURCES)[number], string> = {
  referral: "Referral",
  direct: "Applied directly",
  recruiter: "Recruiter",
};
export const INTERVIEW_KIND_LABELS: Record<(typeof INTERVIEW_KINDS)[number], string> = {
  screen: "Screen",
  coding: "Coding",
  ml_system_design: "ML system design",
  ml_depth: "ML depth",
  behavioural: "Behavioural",
  take_home: "Take-home",
};

/** A job advert is a few thousand characters; this leaves room for long ones and refuses pasted pages. */
export const JOB_DESCRIPTION_MAX = 20_000;
export const APPLICATION_TEXT_MAX = 2000;
export const INTERVIEW_SKILLS_MAX = 10;

const requiredShort = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(200, `${label} can be at most 200 characters.`)
    .refine(hasNoNul, `${label} contains a character that cannot be stored (NUL).`);

const optionalDate = (label: string) =>
  z
    .union([calendarDateSchema(label), z.literal("")], { error: `${label}: choose a date.` })
    .nullish()
    .transform((v) => (v ? v : null));

const stageSchema = z.enum(APPLICATION_STAGES, {
  error: "Choose a stage: saved, applied, screen, technical, final, offer, rejected or withdrawn.",
});

const offerSchema = {
  offerBaseSalary: z
    .number({ error: "The base salary must be a number of pounds." })
    .int("The base salary must be whole pounds.")
    .min(1, "The base salary must be more than £0.")
    .max(10_000_000, "The base salary is out of range.")
    .nullish()
    .transform((v) => v ?? null),
  offerLevel: z
    .enum(OFFER_LEVELS as [string, ...string[]], { error: `Choose a level: ${OFFER_LEVELS.join(", ")}.` })
    .nullish()
    .transform((v) => v ?? null),
};

const applicationFields = {
  company: requiredShort("The company"),
  roleTitle: requiredShort("The role"),
  track: z.enum(APPLICATION_TRACKS, { error: "Choose ML Engineer, AI Engineer or other." }),
  url: evidenceUrlSchema,
  source: z.enum(APPLICATION_SOURCES, { error: "Choose referral, direct or recruiter." }),
  nextStep: optionalText(200, "The next step"),
  nextStepOn: optionalDate("The next step's date"),
  notes: optionalText(APPLICATION_TEXT_MAX, "The notes"),
  jobDescription: optionalText(JOB_DESCRIPTION_MAX, "The job description"),
  ...offerSchema,
};

export const applicationCreateSchema = z
  .object({
    ...applicationFields,
    // A new application starts on any pipeline stage (one already at screen can be logged late), never closed.
    stage: stageSchema
      .refine((s) => s !== "rejected" && s !== "withdrawn", "A new application can't start rejected or withdrawn.")
      .default("saved"),
    stageOn: optionalDate("The stage's date"),
  })
  .strict();

/** Edits the details; the stage moves only through `stageMoveSchema`, so history is never rewritten. */
export const applicationUpdateSchema = z.object(applicationFields).partial().strict();

export const stageMoveSchema = z
  .object({
    stage: stageSchema,
    /** When it happened; today when left out. Never in the future. */
    on: optionalDate("The date"),
  })
  .strict();

export const interviewSchema = z
  .object({
    heldOn: calendarDateSchema("The interview date"),
    kind: z.enum(INTERVIEW_KINDS, { error: "Choose the kind of interview." }),
    felt: z
      .number({ error: "Say how it felt, 1 to 5." })
      .int("Say how it felt, 1 to 5.")
      .min(1, "Say how it felt, 1 to 5.")
      .max(5, "Say how it felt, 1 to 5."),
    asked: optionalText(APPLICATION_TEXT_MAX, "What they asked"),
    wentBadly: optionalText(APPLICATION_TEXT_MAX, "What went badly"),
    revisitMilestoneIds: z
      .array(idSchema, { error: "Choose skills from your roadmap." })
      .max(INTERVIEW_SKILLS_MAX, `Choose at most ${INTERVIEW_SKILLS_MAX} skills.`)
      .default([])
      .transform((ids) => [...new Set(ids)]),
  })
  .strict();

export const APPLICATIONS_PER_WEEK_MAX = 50;
export const INTERVIEWS_PER_WEEK_MAX = 20;

const weeklyTarget = (what: string, max: number) =>
  z
    .number({ error: `The weekly target for ${what} must be a whole number, or left empty.` })
    .int(`The weekly target for ${what} must be a whole number.`)
    .min(1, `The weekly target for ${what} must be at least 1, or left empty.`)
    .max(max, `The weekly target for ${what} can be at most ${max}.`)
    .nullable();

/** The pivot phase's own numbers; any left out keep their value. */
export const pivotPlanSchema = z
  .object({
    interviewGoal: z
      .number({ error: `Choose ${INTERVIEW_GOAL_MIN} to ${INTERVIEW_GOAL_MAX} interviews.` })
      .int(`Choose ${INTERVIEW_GOAL_MIN} to ${INTERVIEW_GOAL_MAX} interviews.`)
      .min(INTERVIEW_GOAL_MIN, `Choose ${INTERVIEW_GOAL_MIN} to ${INTERVIEW_GOAL_MAX} interviews.`)
      .max(INTERVIEW_GOAL_MAX, `Choose ${INTERVIEW_GOAL_MIN} to ${INTERVIEW_GOAL_MAX} interviews.`),
    applicationsPerWeek: weeklyTarget("applications", APPLICATIONS_PER_WEEK_MAX),
    interviewsPerWeek: weeklyTarget("interviews", INTERVIEWS_PER_WEEK_MAX),
  })
  .partial()
  .strict();

export type PivotPlanUpdate = z.output<typeof pivotPlanSchema>;
export type ApplicationCreate = z.output<typeof applicationCreateSchema>;
export type ApplicationCreateInput = z.input<typeof applicationCreateSchema>;
export type ApplicationUpdate = z.output<typeof applicationUpdateSchema>;
export type StageMove = z.output<typeof stageMoveSchema>;
export type InterviewCreate = z.output<typeof interviewSchema>;
export type InterviewInput = z.input<typeof interviewSchema>;
