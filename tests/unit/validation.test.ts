import { describe, it, expect } from "vitest";
import { z } from "zod";
import { idSchema, isValidTimeZone, optionalText, slugSchema, timeZoneSchema } from "../../lib/validation/common";
import { enrollmentChangeSchema, enrollmentCreateSchema, TARGET_MONTHS_MAX, TARGET_MONTHS_MIN } from "../../lib/validation/enrollment";
import { fieldErrorsOf } from "../../lib/validation/field-errors";
import type { FieldErrors } from "../../lib/validation/field-errors";
import { milestoneUpdateSchema, NOTE_MAX, PROGRESS_STATUSES } from "../../lib/validation/progress";

/** The field errors a rejected input produces; fails the test if the input was accepted. */
function errorsOf(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return fieldErrorsOf(result.error);
}

const validEnrollment = {
  roadmapSlug: "swe-to-mle",
  startDate: "2026-01-31",
  targetMonths: 12,
  weeklyHours: 10,
  timezone: "America/New_York",
};

describe("fieldErrorsOf", () => {
  it("keys issues by dotted path, '_' for the root, and keeps every message for a field", () => {
    const schema = z
      .object({
        profile: z.object({
          name: z
            .string()
            .min(3, "Too short.")
            .regex(/^[a-z]+$/, "Lowercase only."),
        }),
        tags: z.array(z.string()),
      })
      .strict();
    expect(errorsOf(schema, { profile: { name: "A" }, tags: ["ok", 3], extra: true })).toEqual({
      "profile.name": ["Too short.", "Lowercase only."],
      "tags.1": ["Invalid input: expected string, received number"],
      _: ['Unrecognized key: "extra"'],
    });
  });
});

describe("enrollmentCreateSchema", () => {
  it("accepts a valid enrolment unchanged", () => {
    expect(enrollmentCreateSchema.parse(validEnrollment)).toEqual(validEnrollment);
  });

  it("allows targets from 6 to 18 whole months", () => {
    expect(TARGET_MONTHS_MIN).toBe(6);
    expect(TARGET_MONTHS_MAX).toBe(18);
    expect(enrollmentCreateSchema.safeParse({ ...validEnrollment, targetMonths: 6 }).success).toBe(true);
    expect(enrollmentCreateSchema.safeParse({ ...validEnrollment, targetMonths: 18 }).success).toBe(true);
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, targetMonths: 5 })).toEqual({
      targetMonths: ["The target is at least 6 months."],
    });
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, targetMonths: 19 })).toEqual({
      targetMonths: ["The target is at most 18 months."],
    });
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, targetMonths: 12.5 })).toEqual({
      targetMonths: ["Use whole months."],
    });
  });

  it("does not coerce a numeric string into a target", () => {
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, targetMonths: "12" })).toEqual({
      targetMonths: ["Choose a target in months."],
    });
  });

  it("allows 1 to 80 whole weekly hours", () => {
    expect(enrollmentCreateSchema.safeParse({ ...validEnrollment, weeklyHours: 1 }).success).toBe(true);
    expect(enrollmentCreateSchema.safeParse({ ...validEnrollment, weeklyHours: 80 }).success).toBe(true);
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, weeklyHours: 0 })).toEqual({
      weeklyHours: ["At least 1 hour a week."],
    });
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, weeklyHours: 81 })).toEqual({
      weeklyHours: ["At most 80 hours a week."],
    });
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, weeklyHours: 2.5 })).toEqual({
      weeklyHours: ["Use whole hours."],
    });
  });

  it("rejects start dates that are not real calendar dates", () => {
    for (const startDate of ["2026-02-30", "yesterday", "2027-02-29", "2026-1-31", "2026-01-31T00:00:00Z"]) {
      expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, startDate })).toEqual({
        startDate: ["Use a date like 2026-01-31."],
      });
    }
    expect(enrollmentCreateSchema.safeParse({ ...validEnrollment, startDate: "2028-02-29" }).success).toBe(true);
  });

  it("bounds the start date to 2000–2099, both ends included", () => {
    for (const startDate of ["2000-01-01", "2099-12-31"]) {
      expect(enrollmentCreateSchema.safeParse({ ...validEnrollment, startDate }).success).toBe(true);
    }
    for (const startDate of ["0000-01-01", "0026-03-01", "1999-12-31", "2100-01-01"]) {
      expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, startDate })).toEqual({
        startDate: ["Choose a start date between 2000-01-01 and 2099-12-31."],
      });
    }
  });

  it("accepts IANA time zones and rejects unknown ones", () => {
    expect(enrollmentCreateSchema.safeParse({ ...validEnrollment, timezone: "America/New_York" }).success).toBe(true);
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, timezone: "Mars/Olympus" })).toEqual({
      timezone: ["Unknown time zone."],
    });
  });

  it("rejects a malformed roadmap slug", () => {
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, roadmapSlug: "SWE to MLE" })).toEqual({
      roadmapSlug: ["Invalid slug."],
    });
  });

  it("rejects unknown keys rather than silently dropping them", () => {
    expect(errorsOf(enrollmentCreateSchema, { ...validEnrollment, userId: "someone-else" })).toEqual({
      _: ['Unrecognized key: "userId"'],
    });
  });

  it("reports every missing field under its own name", () => {
    expect(Object.keys(errorsOf(enrollmentCreateSchema, {})).sort()).toEqual([
      "roadmapSlug",
      "startDate",
      "targetMonths",
      "timezone",
      "weeklyHours",
    ]);
  });
});

describe("enrollmentChangeSchema", () => {
  it("accepts pause, resume and abandon with no other fields", () => {
    expect(enrollmentChangeSchema.parse({ action: "pause" })).toEqual({ action: "pause" });
    expect(enrollmentChangeSchema.parse({ action: "resume" })).toEqual({ action: "resume" });
    expect(enrollmentChangeSchema.parse({ action: "abandon" })).toEqual({ action: "abandon" });
  });

  it("accepts replan with a target in range", () => {
    expect(enrollmentChangeSchema.parse({ action: "replan", targetMonths: 9 })).toEqual({ action: "replan", targetMonths: 9 });
  });

  it("requires a valid target for replan", () => {
    expect(errorsOf(enrollmentChangeSchema, { action: "replan" })).toEqual({
      targetMonths: ["Choose a target in months."],
    });
    expect(errorsOf(enrollmentChangeSchema, { action: "replan", targetMonths: 19 })).toEqual({
      targetMonths: ["The target is at most 18 months."],
    });
    expect(errorsOf(enrollmentChangeSchema, { action: "replan", targetMonths: 5 })).toEqual({
      targetMonths: ["The target is at least 6 months."],
    });
  });

  it("rejects an unknown or missing action on the action field", () => {
    expect(errorsOf(enrollmentChangeSchema, { action: "delete" })).toEqual({
      action: ["Choose pause, resume, replan, budget or abandon."],
    });
    expect(errorsOf(enrollmentChangeSchema, {})).toEqual({
      action: ["Choose pause, resume, replan, budget or abandon."],
    });
  });

  it("rejects a target sent with an action that takes none", () => {
    expect(errorsOf(enrollmentChangeSchema, { action: "pause", targetMonths: 9 })).toEqual({
      _: ['Unrecognized key: "targetMonths"'],
    });
  });
});

describe("milestoneUpdateSchema", () => {
  it("accepts each status and fills absent note and link with null", () => {
    expect(PROGRESS_STATUSES).toEqual(["not_started", "in_progress", "done", "skipped"]);
    for (const status of PROGRESS_STATUSES) {
      expect(milestoneUpdateSchema.parse({ status })).toEqual({ status, note: null, evidenceUrl: null });
    }
  });

  it("rejects an unknown status", () => {
    expect(errorsOf(milestoneUpdateSchema, { status: "finished" })).toEqual({
      status: ["Choose not started, in progress, done or skipped."],
    });
    expect(errorsOf(milestoneUpdateSchema, {})).toEqual({
      status: ["Choose not started, in progress, done or skipped."],
    });
  });

  it("accepts a note of exactly 2000 characters and rejects 2001", () => {
    expect(NOTE_MAX).toBe(2000);
    const longest = "a".repeat(2000);
    expect(milestoneUpdateSchema.parse({ status: "done", note: longest }).note).toBe(longest);
    expect(errorsOf(milestoneUpdateSchema, { status: "done", note: "a".repeat(2001) })).toEqual({
      note: ["The note can be at most 2,000 characters."],
    });
  });

  it("trims the note and turns an empty or blank note into null", () => {
    expect(milestoneUpdateSchema.parse({ status: "done", note: "" }).note).toBeNull();
    expect(milestoneUpdateSchema.parse({ status: "done", note: "   \n " }).note).toBeNull();
    expect(milestoneUpdateSchema.parse({ status: "done", note: null }).note).toBeNull();
    expect(milestoneUpdateSchema.parse({ status: "done", note: "  shipped it  " }).note).toBe("shipped it");
  });

  it("rejects a NUL character in the note or the evidence link, which PostgreSQL cannot store", () => {
    expect(
      errorsOf(milestoneUpdateSchema, { status: "done", note: "before\u0000after", evidenceUrl: "https://example.test/a\u0000b" }),
    ).toEqual({
      note: ["The note contains a character that cannot be stored (NUL)."],
      evidenceUrl: ["Use a full http:// or https:// link."],
    });
  });

  it("rejects a note that is not text", () => {
    expect(errorsOf(milestoneUpdateSchema, { status: "done", note: 5 })).toEqual({
      note: ["The note must be text."],
    });
  });

  it("rejects evidence links that are not http(s) URLs", () => {
    for (const evidenceUrl of ["javascript:alert(1)", "ftp://x", "not a url", "http://", "https://exa mple.com", "//example.com/x"]) {
      expect(errorsOf(milestoneUpdateSchema, { status: "done", evidenceUrl })).toEqual({
        evidenceUrl: ["Use a full http:// or https:// link."],
      });
    }
  });

  it("accepts an https link and turns an empty link into null", () => {
    expect(milestoneUpdateSchema.parse({ status: "done", evidenceUrl: "https://example.com/x" }).evidenceUrl).toBe("https://example.com/x");
    expect(milestoneUpdateSchema.parse({ status: "done", evidenceUrl: "  http://example.com/a?b=c  " }).evidenceUrl).toBe(
      "http://example.com/a?b=c",
    );
    expect(milestoneUpdateSchema.parse({ status: "done", evidenceUrl: "" }).evidenceUrl).toBeNull();
  });

  it("rejects unknown keys", () => {
    expect(errorsOf(milestoneUpdateSchema, { status: "done", completedAt: "2020-01-01" })).toEqual({
      _: ['Unrecognized key: "completedAt"'],
    });
  });
});

describe("common schemas", () => {
  it("recognises IANA time zones", () => {
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("timeZoneSchema asks for a zone when none is given", () => {
    expect(timeZoneSchema.parse("Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(errorsOf(timeZoneSchema, undefined)).toEqual({ _: ["Choose a time zone."] });
    expect(errorsOf(timeZoneSchema, "Mars/Olympus")).toEqual({ _: ["Unknown time zone."] });
  });

  it("idSchema allows only letters and digits", () => {
    expect(idSchema.parse("cm9abc123XYZ")).toBe("cm9abc123XYZ");
    expect(errorsOf(idSchema, "abc-123")).toEqual({ _: ["Invalid id."] });
    expect(errorsOf(idSchema, "a".repeat(65))._).toHaveLength(1);
    expect(idSchema.safeParse("").success).toBe(false);
  });

  it("slugSchema allows lowercase kebab-case only", () => {
    expect(slugSchema.parse("swe-to-mle")).toBe("swe-to-mle");
    for (const bad of ["a--b", "-a", "a-", "Swe-to-mle", "swe_to_mle"]) {
      expect(errorsOf(slugSchema, bad)).toEqual({ _: ["Invalid slug."] });
    }
  });

  it("optionalText trims, nulls empties, and names the field in its limit message", () => {
    const schema = optionalText(5, "The title");
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse("  ")).toBeNull();
    expect(schema.parse(" hello ")).toBe("hello");
    expect(errorsOf(schema, "hello!")).toEqual({ _: ["The title can be at most 5 characters."] });
  });
});
