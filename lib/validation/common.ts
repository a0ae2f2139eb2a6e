import { z } from "zod";

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .min(1, { message: "Choose a time zone.", abort: true })
  .max(64)
  .refine(isValidTimeZone, "Unknown time zone.");

export const idSchema = z.string().min(1).max(64).regex(/^[a-z0-9]+$/i, "Invalid id.");
export const slugSchema = z.string({ error: "Choose a roadmap." }).min(1).max(80).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Invalid slug.");

/** PostgreSQL text cannot hold U+0000, so it is refused here rather than failing at the database. */
export const hasNoNul = (v: string) => !v.includes("\u0000");

/** Empty strings from form fields mean "nothing". */
export const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can be at most ${max.toLocaleString("en-GB")} characters.`)
    .refine(hasNoNul, `${label} contains a character that cannot be stored (NUL).`)
    .nullish()
    .transform((v) => (v ? v : null));
