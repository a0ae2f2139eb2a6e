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

export const enrollmentCreateSchema = z
  .object({
    roadmapSlug: slugSchema,
    startDate: startDateSchema,
    targetMonths: targetMonthsSchema,
    weeklyHours: z
      .number({ error: "Enter your weekly hours." })
      .int("Use whole hours.")
      .min(1, "At least 1 hour a week.")
      .max(80, "At most 80 hours a week."),
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
    z.object({ action: z.literal("replan"), targetMonths: targetMonthsSchema }).strict(),
  ],
  { error: "Choose pause, resume, replan or abandon." },
);
export type EnrollmentChangeInput = z.infer<typeof enrollmentChangeSchema>;
