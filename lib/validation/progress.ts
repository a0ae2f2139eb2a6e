import { z } from "zod";
import { NOTE_MAX } from "./limits";
import { hasNoNul, optionalText } from "./common";

export const PROGRESS_STATUSES = ["not_started", "in_progress", "done", "skipped"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export { NOTE_MAX };

export const evidenceUrlSchema = z
  .string({ error: "The evidence link must be text." })
  .trim()
  .max(2000, "The evidence link is too long.")
  .refine(hasNoNul, "Use a full http:// or https:// link.")
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || (/^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v)), "Use a full http:// or https:// link.");

export const milestoneUpdateSchema = z
  .object({
    status: z.enum(PROGRESS_STATUSES, { error: "Choose not started, in progress, done or skipped." }),
    note: optionalText(NOTE_MAX, "The note"),
    evidenceUrl: evidenceUrlSchema,
  })
  .strict();
export type MilestoneUpdateInput = z.input<typeof milestoneUpdateSchema>;
export type MilestoneUpdate = z.output<typeof milestoneUpdateSchema>;
