import { z } from "zod";
import { optionalText, timeZoneSchema } from "./common";

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export const settingsUpdateSchema = z
  .object({
    // Absent keeps the name; "" or null clears it.
    name: optionalText(80, "Your name").optional(),
    timezone: timeZoneSchema.optional(),
    // With a new zone: move the open (active or paused) enrolments to it as well.
    moveOpenEnrollments: z.boolean({ error: "Choose yes or no." }).optional(),
    digestEnabled: z.boolean({ error: "Choose on or off." }).optional(),
    digestWeekday: z.number({ error: "Choose a day." }).int("Choose a day.").min(1, "Choose a day.").max(7, "Choose a day.").optional(),
    digestHour: z
      .number({ error: "Choose an hour." })
      .int("Choose a whole hour.")
      .min(0, "Choose an hour from 0 to 23.")
      .max(23, "Choose an hour from 0 to 23.")
      .optional(),
  })
  .strict();
export type SettingsUpdateInput = z.input<typeof settingsUpdateSchema>;
export type SettingsUpdate = z.output<typeof settingsUpdateSchema>;

export const accountDeleteSchema = z
  .object({ confirmEmail: z.string({ error: "Type your email address to confirm." }).max(320, "That is longer than any email address.") })
  .strict();
