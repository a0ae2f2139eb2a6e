// The rules for what a person types into the check-in form, as plain functions: the phone checks
// its fields with them before it stores a check-in (without loading zod, 31 kB of the page's
// JavaScript), and the server's schemas (checkin.ts, common.ts) check with the same functions, so
// both say the same thing in the same words. Each returns the field's problems, none when it is fine.
import { CHECKIN_HOURS_MAX } from "./limits";

/** The stepper moves in half hours; the column keeps one decimal. */
export const CHECKIN_HOURS_STEP = 0.5;
export const HOURS_TYPE_MESSAGE = `Enter the hours you spent (0 to ${CHECKIN_HOURS_MAX}).`;
export const CONFIDENCE_MESSAGE = "Choose how confident you feel, 1 to 5.";

/** PostgreSQL text cannot hold U+0000, so it is refused here rather than failing at the database. */
export const hasNoNul = (v: string) => !v.includes("\u0000");

export function hoursProblems(hours: number): string[] {
  if (!Number.isFinite(hours)) return [HOURS_TYPE_MESSAGE];
  const problems: string[] = [];
  if (hours < 0) problems.push("Hours can't be negative.");
  if (hours > CHECKIN_HOURS_MAX) problems.push(`At most ${CHECKIN_HOURS_MAX} hours in a check-in.`);
  if (!Number.isInteger(hours / CHECKIN_HOURS_STEP)) problems.push("Use whole or half hours.");
  return problems;
}

export function confidenceProblems(confidence: number): string[] {
  return Number.isInteger(confidence) && confidence >= 1 && confidence <= 5 ? [] : [CONFIDENCE_MESSAGE];
}

/** Free text that may be left empty, as stored: trimmed, at most `max` characters, no NUL. */
export function optionalTextProblems(value: string, max: number, label: string): string[] {
  const trimmed = value.trim();
  const problems: string[] = [];
  if (trimmed.length > max) problems.push(`${label} can be at most ${max.toLocaleString("en-GB")} characters.`);
  if (!hasNoNul(trimmed)) problems.push(`${label} contains a character that cannot be stored (NUL).`);
  return problems;
}
