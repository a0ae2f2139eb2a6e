// The check-in form checks its fields without zod (lib/validation/field-rules.ts); the server's
// schemas check with the same functions. Both must say the same thing for anything a person types.
import { describe, expect, it } from "vitest";
import { checkInCreateSchema, confidenceSchema, hoursSchema } from "@/lib/validation/checkin";
import { confidenceProblems, hoursProblems, optionalTextProblems } from "@/lib/validation/field-rules";
import { CHECKIN_NOTE_MAX } from "@/lib/validation/limits";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);

describe("check-in field rules", () => {
  it("hours: the form and the schema agree, in the same words", () => {
    for (const h of [Number.NaN, Number.POSITIVE_INFINITY, -1, -0.3, 0, 0.3, 0.5, 7.5, 80, 80.5, 81]) {
      expect(hoursProblems(h), String(h)).toEqual(messages(hoursSchema.safeParse(h)));
    }
    expect(hoursProblems(-0.3)).toEqual(["Hours can't be negative.", "Use whole or half hours."]);
    expect(hoursProblems(81)).toEqual(["At most 80 hours in a check-in."]);
    expect(hoursProblems(Number.NaN)).toEqual(["Enter the hours you spent (0 to 80)."]);
    expect(hoursProblems(7.5)).toEqual([]);
  });

  it("confidence: 1 to 5, whole", () => {
    for (const c of [Number.NaN, 0, 0.5, 1, 3, 4.5, 5, 6]) {
      expect(confidenceProblems(c), String(c)).toEqual(messages(confidenceSchema.safeParse(c)));
    }
    expect(confidenceProblems(3)).toEqual([]);
    expect(confidenceProblems(6)).toEqual(["Choose how confident you feel, 1 to 5."]);
  });

  it("the note: trimmed length and NUL, as the schema stores it", () => {
    const base = { enrollmentId: "e1", hours: 1, confidence: 3, idempotencyKey: "k".repeat(16) };
    for (const note of [
      "",
      "  fine  ",
      "x".repeat(CHECKIN_NOTE_MAX),
      ` ${"x".repeat(CHECKIN_NOTE_MAX)} `,
      "x".repeat(CHECKIN_NOTE_MAX + 1),
      "a\u0000b",
    ]) {
      expect(optionalTextProblems(note, CHECKIN_NOTE_MAX, "The note"), JSON.stringify(note.slice(0, 8))).toEqual(
        messages(checkInCreateSchema.safeParse({ ...base, note })),
      );
    }
    expect(optionalTextProblems("x".repeat(CHECKIN_NOTE_MAX + 1), CHECKIN_NOTE_MAX, "The note")).toEqual([
      "The note can be at most 2,000 characters.",
    ]);
  });
});
