import { describe, it, expect } from "vitest";
import { checkCompletion, FEATURE_LAUNCH_SKILL } from "../../lib/pacing/rules";
import type { Anchors, TimedMilestone } from "../../lib/pacing/rules";

const LONDON = "Europe/London";
const enrollmentStart = "2026-01-05";
// 15:30 in London on 10 Mar 2026 (GMT).
const launch = new Date("2026-03-10T15:30:00.000Z");
const afterLaunch: TimedMilestone = { minDurationDays: 90, durationAnchor: "feature_launch" };

describe("checkCompletion", () => {
  it("allows a milestone with no minimum duration at any time", () => {
    const anchors: Anchors = { enrollmentStart, featureLaunch: null };
    const now = new Date("2026-01-05T09:00:00Z");
    expect(checkCompletion({ minDurationDays: null, durationAnchor: null }, anchors, now, LONDON)).toEqual({ ok: true });
    expect(checkCompletion({ minDurationDays: null, durationAnchor: "feature_launch" }, anchors, now, LONDON)).toEqual({ ok: true });
  });

  it("refuses a feature_launch milestone while the launch has not happened, with no date to offer", () => {
    const result = checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: null }, new Date("2030-01-01T00:00:00.000Z"), LONDON);
    expect(result).toEqual({
      ok: false,
      reason: "Mark your shipped feature as done first: this one counts from its launch.",
      availableFrom: null,
    });
  });

  it("counts whole local days: 90 days after a launch on 10 Mar is any time on 8 Jun, not 15:30 on it", () => {
    // 00:00 on 8 Jun in London is 23:00 UTC on 7 Jun (BST).
    expect(checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: launch }, new Date("2026-06-07T23:00:00.000Z"), LONDON)).toEqual({
      ok: true,
    });
    expect(checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: launch }, new Date("2026-06-07T22:59:59.999Z"), LONDON)).toEqual({
      ok: false,
      reason: "This needs 90 days from launch; it can be marked done from 8 Jun 2026.",
      availableFrom: "2026-06-08",
    });
  });

  it("takes the launch's local date in the user's zone: 02:00 UTC on 10 Mar is still 9 Mar in New York", () => {
    const lateLaunch = new Date("2026-03-10T02:00:00.000Z");
    const result = checkCompletion(
      afterLaunch,
      { enrollmentStart, featureLaunch: lateLaunch },
      new Date("2026-03-20T12:00:00Z"),
      "America/New_York",
    );
    expect(!result.ok && result.availableFrom).toBe("2026-06-07");
  });

  it("counts from the launch, not from the enrolment start, for a feature_launch milestone", () => {
    // 90 days after enrolment but only 25 after the launch.
    const result = checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: launch }, new Date("2026-04-05T12:00:00Z"), LONDON);
    expect(!result.ok && result.availableFrom).toBe("2026-06-08");
  });

  it("counts an enrollment_start milestone from the start date", () => {
    const milestone: TimedMilestone = { minDurationDays: 30, durationAnchor: "enrollment_start" };
    const anchors: Anchors = { enrollmentStart, featureLaunch: null };
    const early = checkCompletion(milestone, anchors, new Date("2026-02-03T23:59:59.999Z"), LONDON);
    expect(early).toEqual({
      ok: false,
      reason: "This needs 30 days from the start of your plan; it can be marked done from 4 Feb 2026.",
      availableFrom: "2026-02-04",
    });
    expect(checkCompletion(milestone, anchors, new Date("2026-02-04T00:00:00.000Z"), LONDON)).toEqual({ ok: true });
  });

  it("counts from the start date when a minimum has no anchor", () => {
    const milestone: TimedMilestone = { minDurationDays: 7, durationAnchor: null };
    const anchors: Anchors = { enrollmentStart, featureLaunch: launch };
    expect(checkCompletion(milestone, anchors, new Date("2026-01-11T23:59:59.999Z"), LONDON).ok).toBe(false);
    expect(checkCompletion(milestone, anchors, new Date("2026-01-12T00:00:00.000Z"), LONDON)).toEqual({ ok: true });
  });

  it("names the skill that stands in for the launch", () => {
    expect(FEATURE_LAUNCH_SKILL).toBe("ship-feature-at-work");
  });
});
