import { describe, it, expect } from "vitest";
import { formatPercent, progressShare } from "../../lib/progress/summary";
import type { WeightedItem } from "../../lib/progress/summary";

describe("progressShare", () => {
  it("returns all zeros for an empty list", () => {
    expect(progressShare([])).toEqual({
      doneWeight: 0,
      totalWeight: 0,
      share: 0,
      done: 0,
      inProgress: 0,
      skipped: 0,
      count: 0,
    });
  });

  it("takes a skipped milestone out of both the numerator and the denominator", () => {
    const withoutSkip: WeightedItem[] = [
      { effortHours: 10, status: "done" },
      { effortHours: 30, status: "not_started" },
    ];
    const withSkip: WeightedItem[] = [...withoutSkip, { effortHours: 60, status: "skipped" }];

    const result = progressShare(withSkip);
    expect(result.doneWeight).toBe(10);
    expect(result.totalWeight).toBe(40);
    expect(result.share).toBe(0.25);
    expect(result.skipped).toBe(1);
    expect(result.count).toBe(3);
    // Skipping must neither help nor hurt the share.
    expect(result.share).toBe(progressShare(withoutSkip).share);
  });

  it("does not count a skipped milestone as done even though it is finished with", () => {
    const result = progressShare([
      { effortHours: 20, status: "skipped" },
      { effortHours: 5, status: "done" },
      { effortHours: 15, status: "in_progress" },
    ]);
    expect(result.done).toBe(1);
    expect(result.doneWeight).toBe(5);
    expect(result.totalWeight).toBe(20);
    expect(result.share).toBe(0.25);
  });

  it("has share 0 (not NaN) when every milestone is skipped", () => {
    expect(
      progressShare([
        { effortHours: 8, status: "skipped" },
        { effortHours: 12, status: "skipped" },
      ]),
    ).toEqual({ doneWeight: 0, totalWeight: 0, share: 0, done: 0, inProgress: 0, skipped: 2, count: 2 });
  });

  it("weighs by effort hours, not by milestone count, across mixed statuses", () => {
    const result = progressShare([
      { effortHours: 40, status: "done" },
      { effortHours: 10, status: "done" },
      { effortHours: 20, status: "in_progress" },
      { effortHours: 30, status: "not_started" },
      { effortHours: 25, status: "skipped" },
      { effortHours: 50, status: "not_started" },
    ]);
    expect(result).toEqual({
      doneWeight: 50,
      totalWeight: 150,
      share: 50 / 150,
      done: 2,
      inProgress: 1,
      skipped: 1,
      count: 6,
    });
  });

  it("gives in-progress work no credit in the share", () => {
    const result = progressShare([
      { effortHours: 10, status: "in_progress" },
      { effortHours: 10, status: "in_progress" },
    ]);
    expect(result.share).toBe(0);
    expect(result.inProgress).toBe(2);
    expect(result.totalWeight).toBe(20);
  });

  it("is 1 when everything that counts is done", () => {
    const result = progressShare([
      { effortHours: 7, status: "done" },
      { effortHours: 3, status: "skipped" },
    ]);
    expect(result.share).toBe(1);
    expect(formatPercent(result.share)).toBe("100%");
  });
});

describe("formatPercent", () => {
  it("formats the ends of the range", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("rounds down, so nearly done never shows as 100%", () => {
    expect(formatPercent(0.999)).toBe("99%");
    expect(formatPercent(0.995)).toBe("99%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(0.129)).toBe("12%");
    expect(formatPercent(0.0049)).toBe("0%");
  });

  it("shows a whole percentage exactly, without floating-point error pulling it down a point", () => {
    // 0.29 * 100 === 28.999999999999996 in IEEE doubles; a bare Math.floor shows 28%.
    expect(formatPercent(0.29)).toBe("29%");
    expect(formatPercent(0.57)).toBe("57%");
    expect(formatPercent(0.58)).toBe("58%");
  });

  it("shows 58% for 29 of 50 effort hours done", () => {
    const result = progressShare([
      { effortHours: 29, status: "done" },
      { effortHours: 21, status: "not_started" },
    ]);
    expect(formatPercent(result.share)).toBe("58%");
  });
});
