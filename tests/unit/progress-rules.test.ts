import { describe, it, expect } from "vitest";
import { checkCompletion, FEATURE_LAUNCH_SKILL } from "../../lib/progress/rules";
import type { Anchors, TimedMilestone } from "../../lib/progress/rules";

const DAY_MS = 24 * 60 * 60 * 1000;
const enrollmentStart = new Date("2026-01-05T00:00:00.000Z");
const launch = new Date("2026-03-10T15:30:00.000Z");
// 90 days after the launch above.
const ninetyDaysAfterLaunch = new Date("2026-06-08T15:30:00.000Z");

const afterLaunch: TimedMilestone = { minDurationDays: 90, durationAnchor: "feature_launch" };

describe("checkCompletion", () => {
  it("allows a milestone with no minimum duration at any time", () => {
    const anchors: Anchors = { enrollmentStart, featureLaunch: null };
    expect(checkCompletion({ minDurationDays: null, durationAnchor: null }, anchors, enrollmentStart)).toEqual({ ok: true });
    expect(
      checkCompletion({ minDurationDays: null, durationAnchor: "feature_launch" }, anchors, enrollmentStart),
    ).toEqual({ ok: true });
  });

  it("refuses a feature_launch milestone while the launch has not happened, with no date to offer", () => {
    const result = checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: null }, new Date("2030-01-01T00:00:00.000Z"));
    expect(result).toEqual({
      ok: false,
      reason: "Mark your shipped feature as done first: this one counts from its launch.",
      availableFrom: null,
    });
  });

  it("allows a feature_launch milestone exactly 90 days after the launch", () => {
    expect(ninetyDaysAfterLaunch.getTime() - launch.getTime()).toBe(90 * DAY_MS);
    expect(checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: launch }, ninetyDaysAfterLaunch)).toEqual({ ok: true });
  });

  it("refuses it one millisecond earlier and says from when it is allowed", () => {
    const now = new Date(ninetyDaysAfterLaunch.getTime() - 1);
    const result = checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: launch }, now);
    expect(result).toEqual({
      ok: false,
      reason: "This needs 90 days from launch; it can be marked done from 2026-06-08.",
      availableFrom: ninetyDaysAfterLaunch,
    });
  });

  it("counts from the launch, not from the enrollment start, for a feature_launch milestone", () => {
    // 90 days after enrolment but only 25 after the launch.
    const now = new Date(enrollmentStart.getTime() + 90 * DAY_MS);
    const result = checkCompletion(afterLaunch, { enrollmentStart, featureLaunch: launch }, now);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.availableFrom).toEqual(ninetyDaysAfterLaunch);
  });

  it("counts an enrollment_start milestone from the enrollment start and ignores a missing launch", () => {
    const milestone: TimedMilestone = { minDurationDays: 30, durationAnchor: "enrollment_start" };
    const anchors: Anchors = { enrollmentStart, featureLaunch: null };
    const availableFrom = new Date("2026-02-04T00:00:00.000Z");

    const early = checkCompletion(milestone, anchors, new Date(availableFrom.getTime() - 1));
    expect(early.ok).toBe(false);
    expect(early.ok === false && early.availableFrom).toEqual(availableFrom);
    expect(early.ok === false && early.reason).toContain("2026-02-04");

    expect(checkCompletion(milestone, anchors, availableFrom)).toEqual({ ok: true });
  });

  it("counts from the enrollment start when a minimum has no anchor", () => {
    const milestone: TimedMilestone = { minDurationDays: 7, durationAnchor: null };
    const anchors: Anchors = { enrollmentStart, featureLaunch: launch };
    const result = checkCompletion(milestone, anchors, new Date("2026-01-11T23:59:59.999Z"));
    expect(result.ok === false && result.availableFrom).toEqual(new Date("2026-01-12T00:00:00.000Z"));
    expect(checkCompletion(milestone, anchors, new Date("2026-01-12T00:00:00.000Z"))).toEqual({ ok: true });
  });

  it("does not tell the user an enrollment_start wait is counted from a launch", () => {
    const milestone: TimedMilestone = { minDurationDays: 30, durationAnchor: "enrollment_start" };
    const result = checkCompletion(milestone, { enrollmentStart, featureLaunch: null }, enrollmentStart);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).not.toMatch(/launch/i);
  });

  it("names the skill that stands in for the launch", () => {
    expect(FEATURE_LAUNCH_SKILL).toBe("ship-feature-at-work");
  });
});
