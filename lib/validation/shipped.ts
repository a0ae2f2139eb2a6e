// The shipped-feature record, as the form and PUT /api/me/shipped-feature send it.
import { z } from "zod";
import { hasNoNul, optionalText } from "./common";
import { evidenceUrlSchema } from "./progress";
import { isRealIsoDate } from "../calendar/days";

export const SHIPPED_TEXT_MAX = 2000;
export const SHIPPED_SHORT_MAX = 200;
export const INCIDENTS_MAX = 20;

const requiredText = (max: number, label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} can be at most ${max.toLocaleString("en-GB")} characters.`)
    .refine(hasNoNul, `${label} contains a character that cannot be stored (NUL).`);

/** A calendar date, "YYYY-MM-DD", that exists (no 31 Feb). */
export const calendarDateSchema = (label: string) =>
  z
    .string({ error: `${label}: choose a date.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: choose a date.`)
    .refine((v) => isRealIsoDate(v) && v >= "2000-01-01", `${label}: choose a real date from 2000 on.`);

const outcomeNumber = (label: string) =>
  z
    // zod 4's number() refuses Infinity and NaN by itself.
    .number({ error: `${label} must be a number.` })
    .min(-1e12, `${label} is out of range.`)
    .max(1e12, `${label} is out of range.`)
    .nullish()
    .transform((v) => v ?? null);

export const incidentSchema = z
  .object({
    occurredOn: calendarDateSchema("The incident date"),
    whatHappened: requiredText(SHIPPED_TEXT_MAX, "What happened"),
    whatChanged: requiredText(SHIPPED_TEXT_MAX, "What changed"),
    featureWasOff: z.boolean({ error: "Say whether the feature was off." }).default(false),
  })
  .strict();

export const shippedFeatureSchema = z
  .object({
    title: requiredText(SHIPPED_SHORT_MAX, "The feature's name"),
    problem: requiredText(SHIPPED_TEXT_MAX, "The problem"),
    model: requiredText(SHIPPED_SHORT_MAX, "The model"),
    approach: optionalText(SHIPPED_TEXT_MAX, "The approach"),
    launchDate: calendarDateSchema("The launch date"),
    evalUrl: evidenceUrlSchema,
    monitoringUrl: evidenceUrlSchema,
    outcomeMetric: optionalText(SHIPPED_SHORT_MAX, "The metric"),
    outcomeBefore: outcomeNumber("Before"),
    outcomeAfter: outcomeNumber("After"),
    outcomeUnit: optionalText(40, "The unit"),
    outcomeVolume: optionalText(SHIPPED_SHORT_MAX, "The volume"),
    incidents: z
      .array(incidentSchema, { error: "Incidents must be a list." })
      .max(INCIDENTS_MAX, `At most ${INCIDENTS_MAX} incidents.`)
      .default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    // An incident can't predate the launch it happened to.
    v.incidents.forEach((incident, i) => {
      if (incident.occurredOn < v.launchDate) {
        ctx.addIssue({ code: "custom", path: ["incidents", i, "occurredOn"], message: "An incident can't be before the launch date." });
      }
    });
  });
export type ShippedFeatureInput = z.input<typeof shippedFeatureSchema>;
export type ShippedFeatureUpdate = z.output<typeof shippedFeatureSchema>;
export type IncidentInput = z.output<typeof incidentSchema>;
