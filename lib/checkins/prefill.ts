// What the check-in form starts from, so a usual week needs no typing. Pure.

import { CHECKIN_HOURS_STEP } from "@/lib/validation/field-rules";
import { CHECKIN_HOURS_MAX } from "@/lib/validation/limits";

export interface HoursPrefill {
  hours: number;
  /** Where the figure came from, said beside the field so a prefilled number is never a surprise. */
  source: "plan" | "last" | "none";
}

/** To the nearest half hour (the form's step), within 0…CHECKIN_HOURS_MAX. */
export function toHoursStep(hours: number): number {
  if (!Number.isFinite(hours) || hours <= 0) return 0;
  const steps = Math.round(hours / CHECKIN_HOURS_STEP);
  return Math.min(CHECKIN_HOURS_MAX, steps * CHECKIN_HOURS_STEP);
}

/**
 * The hours to offer: what this week's plan still has left (the budget minus what was logged), else
 * the last check-in's hours (a week without a budget, or one whose budget is already met, is most
 * likely a week like the last), else nothing.
 */
export function prefillHours(plan: { leftHours: number }, lastCheckInHours: number | null): HoursPrefill {
  const left = toHoursStep(plan.leftHours);
  if (left > 0) return { hours: left, source: "plan" };
  const last = lastCheckInHours === null ? 0 : toHoursStep(lastCheckInHours);
  if (last > 0) return { hours: last, source: "last" };
  return { hours: 0, source: "none" };
}

/**
 * What typing into the hours field leaves there: a leading zero before a digit goes ("08" → "8",
 * "007.5" → "7.5", "0.5" stays), a comma counts as the decimal point (phone keypads in many locales
 * offer only the comma), and anything but digits and one point is dropped.
 */
export function normaliseHoursInput(raw: string): string {
  const dotted = raw.replace(/,/g, ".").replace(/[^\d.]/g, "");
  const firstPoint = dotted.indexOf(".");
  const single = firstPoint === -1 ? dotted : dotted.slice(0, firstPoint + 1) + dotted.slice(firstPoint + 1).replace(/\./g, "");
  return single.replace(/^0+(?=\d)/, "");
}
