import { describe, expect, it } from "vitest";
import { normaliseHoursInput, prefillHours, toHoursStep } from "../../lib/checkins/prefill";

describe("toHoursStep", () => {
  it("rounds to the nearest half hour", () => {
    expect([0.2, 0.25, 0.7, 2.74, 2.76, 6, 7.3].map(toHoursStep)).toEqual([0, 0.5, 0.5, 2.5, 3, 6, 7.5]);
  });
  it("keeps within 0 and 80", () => {
    expect([-3, 0, 80.4, 200, Number.NaN, Number.POSITIVE_INFINITY].map(toHoursStep)).toEqual([0, 0, 80, 80, 0, 0]);
  });
});

describe("prefillHours", () => {
  it("offers what the week's plan has left", () => {
    expect(prefillHours({ leftHours: 6 }, 3)).toEqual({ hours: 6, source: "plan" });
    expect(prefillHours({ leftHours: 2.3 }, null)).toEqual({ hours: 2.5, source: "plan" });
  });
  it("falls back to the last check-in when the plan has nothing left", () => {
    expect(prefillHours({ leftHours: 0 }, 4.5)).toEqual({ hours: 4.5, source: "last" });
    // Under a quarter hour left rounds to nothing, which is not worth offering.
    expect(prefillHours({ leftHours: 0.2 }, 3)).toEqual({ hours: 3, source: "last" });
  });
  it("offers nothing without a plan or an earlier check-in", () => {
    expect(prefillHours({ leftHours: 0 }, null)).toEqual({ hours: 0, source: "none" });
    expect(prefillHours({ leftHours: 0 }, 0)).toEqual({ hours: 0, source: "none" });
  });
});

describe("normaliseHoursInput", () => {
  it("drops leading zeros before a digit", () => {
    expect(["08", "007.5", "0", "0.5", "00", "10"].map(normaliseHoursInput)).toEqual(["8", "7.5", "0", "0.5", "0", "10"]);
  });
  it("reads a comma as the decimal point and keeps one point", () => {
    expect(["2,5", "1.5.5", "3..", ",5"].map(normaliseHoursInput)).toEqual(["2.5", "1.55", "3.", ".5"]);
  });
  it("drops what is not a digit or a point", () => {
    expect(["4 h", "-2", "1e3", ""].map(normaliseHoursInput)).toEqual(["4", "2", "13", ""]);
  });
});
