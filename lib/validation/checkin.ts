import { z } from "zod";
import { CHECKIN_HOURS_MAX, CHECKIN_NOTE_MAX } from "./limits";

export { CHECKIN_HOURS_MAX, CHECKIN_NOTE_MAX };
import { addProblems, idSchema, optionalText } from "./common";
import { CHECKIN_HOURS_STEP, CONFIDENCE_MESSAGE, confidenceProblems, HOURS_TYPE_MESSAGE, hoursProblems } from "./field-rules";

export { CHECKIN_HOURS_STEP };

export const CHECKIN_TICKS_MAX = 30;
/**
 * How long a check-in may wait on a phone before it is sent: a week offline is a holiday, a month is
 * the most we back-date. Later than now (beyond clock skew) is a wrong clock.
 */
export const MADE_AT_MAX_AGE_DAYS = 31;
export const MADE_AT_MAX_SKEW_MS = 5 * 60_000;

export const hoursSchema = z.number({ error: HOURS_TYPE_MESSAGE }).superRefine((h, ctx) => addProblems(ctx, hoursProblems(h)));

export const confidenceSchema = z.number({ error: CONFIDENCE_MESSAGE }).superRefine((c, ctx) => addProblems(ctx, confidenceProblems(c)));

/** Client-made (crypto.randomUUID()), so a retry or a double tap can be recognised. */
export const idempotencyKeySchema = z
  .string({ error: "Missing idempotency key." })
  .regex(/^[A-Za-z0-9-]{16,64}$/, "The idempotency key must be 16–64 letters, digits or dashes.");

export const checkInCreateSchema = z
  .object({
    enrollmentId: idSchema,
    hours: hoursSchema,
    confidence: confidenceSchema,
    note: optionalText(CHECKIN_NOTE_MAX, "The note"),
    milestoneIds: z
      .array(idSchema, { error: "Milestones must be a list of ids." })
      .max(CHECKIN_TICKS_MAX, `At most ${CHECKIN_TICKS_MAX} milestones in one check-in.`)
      .refine((ids) => new Set(ids).size === ids.length, "A milestone is listed twice.")
      .default([]),
    /** Milestones worked on but not finished: the check-in's hours count towards them too (not a tick). */
    workedOnIds: z
      .array(idSchema, { error: "Milestones must be a list of ids." })
      .max(CHECKIN_TICKS_MAX, `At most ${CHECKIN_TICKS_MAX} milestones in one check-in.`)
      .refine((ids) => new Set(ids).size === ids.length, "A milestone is listed twice.")
      .default([]),
    idempotencyKey: idempotencyKeySchema,
    /** When the user pressed "check in" (it may reach us later, from an offline phone). */
    madeAt: z.iso.datetime({ offset: true, error: "madeAt must be an ISO date-time." }).optional(),
  })
  .strict();
export type CheckInCreateInput = z.input<typeof checkInCreateSchema>;
export type CheckInCreate = z.output<typeof checkInCreateSchema>;

export const checkInUpdateSchema = z
  .object({
    hours: hoursSchema.optional(),
    confidence: confidenceSchema.optional(),
    // Absent keeps the note; null or "" clears it.
    note: optionalText(CHECKIN_NOTE_MAX, "The note").optional(),
  })
  .strict()
  .refine(
    (u) => u.hours !== undefined || u.confidence !== undefined || u.note !== undefined,
    "Change the hours, the confidence or the note.",
  );
export type CheckInUpdateInput = z.input<typeof checkInUpdateSchema>;
export type CheckInUpdate = z.output<typeof checkInUpdateSchema>;
