import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** zod issues → { "field.path": ["message", …] }, the `fields` of our error shape. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
