import { describe, expect, it } from "vitest";
import { currentEnrollment, hasEnded, isOpen } from "../../lib/enrollment-status";

describe("enrolment status", () => {
  it("is open while active or paused, ended once abandoned or completed", () => {
    expect([isOpen("active"), isOpen("paused"), isOpen("abandoned"), isOpen("completed")]).toEqual([true, true, false, false]);
    expect([hasEnded("active"), hasEnded("paused"), hasEnded("abandoned"), hasEnded("completed")]).toEqual([false, false, true, true]);
  });

  it("makes the first open one in the listing order current, skipping ended ones", () => {
    const listed = [
      { id: "old-completed", status: "completed" as const },
      { id: "newest-active", status: "active" as const },
      { id: "older-active", status: "active" as const },
      { id: "paused", status: "paused" as const },
    ];
    expect(currentEnrollment(listed)?.id).toBe("newest-active");
    expect(currentEnrollment([{ id: "a", status: "abandoned" as const }])).toBeUndefined();
    expect(currentEnrollment<{ id: string; status: "active" }>([])).toBeUndefined();
  });
});
