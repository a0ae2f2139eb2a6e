import { describe, expect, it } from "vitest";
import { dayOfIso, isoOfDay } from "../../lib/calendar/days";
import { digestWeekAllowed, digestWindow, firstDigestDay, firstDigestWeek, planWeekOf } from "../../lib/digest/timing";

describe("firstDigestWeek", () => {
  it("is the week after the local week the user enrolled in", () => {
    // Wednesday 2 Dec 2026 is in 2026-W49.
    expect(firstDigestWeek(new Date("2026-12-02T15:00:00Z"), "Europe/London")).toBe("2026-W50");
    // Enrolling on a Monday morning still waits a week: that Monday's 08:00 email would come minutes later.
    expect(firstDigestWeek(new Date("2026-11-30T00:05:00Z"), "Europe/London")).toBe("2026-W50");
    expect(firstDigestWeek(new Date("2026-12-06T23:59:00Z"), "Europe/London")).toBe("2026-W50");
  });

  it("reads the enrolment's instant on the user's wall calendar", () => {
    // Sunday 23:30 UTC is already Monday in Tokyo, and still Sunday in New York.
    const at = new Date("2026-12-06T23:30:00Z");
    expect(firstDigestWeek(at, "Asia/Tokyo")).toBe("2026-W51");
    expect(firstDigestWeek(at, "America/New_York")).toBe("2026-W50");
  });

  it("crosses into the next ISO year, after a 53-week year", () => {
    expect(firstDigestWeek(new Date("2026-12-30T12:00:00Z"), "UTC")).toBe("2027-W01");
    expect(firstDigestWeek(new Date("2026-12-27T12:00:00Z"), "UTC")).toBe("2026-W53");
  });
});

describe("digestWeekAllowed", () => {
  const enrolled = new Date("2026-12-02T15:00:00Z");
  it("refuses the enrolment's own week and any before it, allows the next and later ones", () => {
    expect(digestWeekAllowed("2026-W48", enrolled, "Europe/London")).toBe(false);
    expect(digestWeekAllowed("2026-W49", enrolled, "Europe/London")).toBe(false);
    expect(digestWeekAllowed("2026-W50", enrolled, "Europe/London")).toBe(true);
    expect(digestWeekAllowed("2027-W01", enrolled, "Europe/London")).toBe(true);
  });
});

describe("firstDigestDay", () => {
  it("is the chosen weekday of the first digest week", () => {
    const enrolled = new Date("2026-12-02T15:00:00Z");
    expect(isoOfDay(firstDigestDay(enrolled, "Europe/London", 1))).toBe("2026-12-07");
    expect(isoOfDay(firstDigestDay(enrolled, "Europe/London", 7))).toBe("2026-12-13");
  });
});

describe("digestWindow", () => {
  const at = new Date("2026-12-07T08:00:00Z");
  it("is the seven days before the send for an older account", () => {
    expect(digestWindow(at, new Date("2026-01-01T00:00:00Z"))).toEqual({ from: Date.parse("2026-11-30T08:00:00Z"), to: at.getTime() });
  });
  it("starts when the account was made, for one made inside those days", () => {
    expect(digestWindow(at, new Date("2026-12-02T15:00:00Z"))).toEqual({ from: Date.parse("2026-12-02T15:00:00Z"), to: at.getTime() });
  });
  it("is empty, not reversed, for an account made after the moment", () => {
    expect(digestWindow(at, new Date("2026-12-08T00:00:00Z"))).toEqual({ from: at.getTime(), to: at.getTime() });
  });
});

describe("planWeekOf", () => {
  const start = dayOfIso("2026-12-02");
  const twelve = dayOfIso("2027-12-02"); // 365 days
  it("rounds the plan to whole weeks: 12 months are 52 weeks, 6 months 26, 18 months 78", () => {
    expect(planWeekOf(start, twelve, start).of).toBe(52);
    expect(planWeekOf(start, dayOfIso("2027-06-02"), start).of).toBe(26);
    expect(planWeekOf(start, dayOfIso("2028-06-02"), start).of).toBe(78);
  });
  it("counts weeks from the start: days 0–6 are week 1, day 7 starts week 2", () => {
    expect(planWeekOf(start, twelve, start)).toEqual({ n: 1, of: 52 });
    expect(planWeekOf(start, twelve, start + 6)).toEqual({ n: 1, of: 52 });
    expect(planWeekOf(start, twelve, start + 7)).toEqual({ n: 2, of: 52 });
    expect(planWeekOf(start, twelve, start + 363)).toEqual({ n: 52, of: 52 });
  });
  it("stays within the plan up to the target and counts on after it", () => {
    expect(planWeekOf(start, twelve, start + 364)).toEqual({ n: 52, of: 52 });
    expect(planWeekOf(start, twelve, twelve)).toEqual({ n: 52, of: 52 });
    expect(planWeekOf(start, twelve, twelve + 1)).toEqual({ n: 53, of: 52 });
  });
  it("is week 1 before a future start, and at least one week for a very short plan", () => {
    expect(planWeekOf(start, twelve, start - 10)).toEqual({ n: 1, of: 52 });
    expect(planWeekOf(start, start + 2, start)).toEqual({ n: 1, of: 1 });
  });
});
