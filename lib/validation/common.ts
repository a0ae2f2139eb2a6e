import { z } from "zod";
import { canonicalTimeZone, isAcceptedTimeZone } from "../time-zones";
import { hasNoNul, optionalTextProblems } from "./field-rules";

/** Whether `zone` may be stored as it is: the one rule, lib/time-zones. */
export const isValidTimeZone = isAcceptedTimeZone;

function intlKnows(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A zone name → its canonical IANA spelling (AET → Australia/Sydney), or a field error. */
export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, { message: "Choose a time zone.", abort: true })
  .max(64, { message: "Unknown time zone.", abort: true })
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical) return canonical;
    ctx.addIssue({
      code: "custom",
      // A name Intl takes but the list refuses is a legacy ID read differently elsewhere (IST is
      // India to Intl, Israel to PostgreSQL): say so, rather than calling it unknown.
      message: intlKnows(zone)
        ? `"${zone}" means different zones to different systems. Choose it by region and city, such as Asia/Kolkata or Europe/London.`
        : "Unknown time zone.",
    });
    return z.NEVER;
  });

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/i, "Invalid id.");
export const slugSchema = z
  .string({ error: "Choose a roadmap." })
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Invalid slug.");

export { hasNoNul };

/** Empty strings from form fields mean "nothing". */
export const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .superRefine((value, ctx) => addProblems(ctx, optionalTextProblems(value, max, label)))
    .trim()
    .nullish()
    .transform((v) => (v ? v : null));

/** A rule of field-rules.ts inside a schema: each problem it finds is an issue, in its words. */
export function addProblems(ctx: z.RefinementCtx, problems: readonly string[]): void {
  for (const message of problems) ctx.addIssue({ code: "custom", message });
}
