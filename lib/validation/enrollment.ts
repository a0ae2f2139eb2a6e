import { z } from "zod";
import { slugSchema, timeZoneSchema } from "./common";

export const TARGET_MONTHS_MIN = 6;
export const TARGET_MONTHS_MAX = 18;

export const targetMonthsSchema = z
  .number({ error: "Choose a target in months." })
  .int("Use whole months.")
  .min(TARGET_MONTHS_MIN, `The target is at least ${TARGET_MONTHS_MIN} months.`)
  .max(TARGET_MONTHS_MAX, `The target is at most ${TARGET_MONTHS_MAX} months.`);

/** Start dates outside this range are typos (0026 for 2026), and year 0000 cannot be stored at all. */
export const START_DATE_MIN = "2000-01-01";
export const START_DATE_MAX = "2099-12-31";

export const startDateSchema = z.iso
  .date({ error: "Use a date like 2026-01-31.", abort: true })
  .refine((d) => d >= START_DATE_MIN && d <= START_DATE_MAX, `Choose a start date between ${START_DATE_MIN} and ${START_DATE_MAX}.`);

export const WEEKLY_HOURS_MIN = 1;
export const WEEKLY_HOURS_MAX = 80;

export const weeklyHoursSchema = z
  .number({ error: "Enter your weekly hours." })
  .int("Use whole hours.")
  .min(WEEKLY_HOURS_MIN, `At least ${WEEKLY_HOURS_MIN} hour a week.`)
  .max(WEEKLY_HOURS_MAX, `At most ${WEEKLY_HOURS_MAX} hours a week.`);

export const enrollmentCreateSchema = z
  .object({
    roadmapSlug: slugSchema,
    startDate: startDateSchema,
    targetMonths: targetMonthsSchema,
    weeklyHours: weeklyHoursSchema,
    timezone: timeZoneSchema,
  })
  .strict();
export type EnrollmentCreateInput = z.infer<typeof enrollmentCreateSchema>;

export const enrollmentChangeSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("pause") }).strict(),
    z.object({ action: z.literal("resume") }).strict(),
    z.object({ action: z.literal("abandon") }).strict(),
    // A replan may change the weekly budget with the target; "budget" changes the budget alone.
    z.object({ action: z.literal("replan"), targetMonths: targetMonthsSchema, weeklyHours: weeklyHoursSchema.optional() }).strict(),
    z.object({ action: z.literal("budget"), weeklyHours: weeklyHoursSchema }).strict(),
  ],
  { error: "Choose pause, resume, replan, budget or abandon." },
);
export type EnrollmentChangeInput = z.infer<typeof enrollmentChangeSchema>;

/** GET …/replan-preview?targetMonths=15&weeklyHours=10: query values arrive as text. */
export const replanPreviewQuerySchema = z
  .object({
    targetMonths: z.coerce.number({ error: "Choose a target in months." }).pipe(targetMonthsSchema),
    weeklyHours: z.coerce.number({ error: "Enter your weekly hours." }).pipe(weeklyHoursSchema).optional(),
  })
  .strict();
export type ReplanPreviewQuery = z.infer<typeof replanPreviewQuerySchema>;
