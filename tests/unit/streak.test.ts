import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { FREEZES_PER_MONTH, computeStreak } from "../../lib/checkins/streak";
import { isoWeekMonth, isoWeekOf } from "../../lib/calendar/iso-weeks";

// Weeks in the cases below, with their month (the month of their Thursday), read off a calendar:
//   2026-W40 … W44  October   (W40 = Mon 28 Sep – Sun 4 Oct, Thursday 1 Oct)
//   2026-W45 … W48  November
//   2026-W49 … W53  December  (W49 = Mon 30 Nov – Sun 6 Dec, Thursday 3 Dec)
//   2027-W01, W02   January

const w = (n: number) => `2026-W${String(n).padStart(2, "0")}`;

describe("computeStreak", () => {
  it("allows one freeze per month", () => {
    expect(FREEZES_PER_MONTH).toBe(1);
  });

  it("is empty without check-ins", () => {
    expect(computeStreak([], w(48))).toEqual({ weeks: 0, frozen: [], thisWeekDone: false, freezeLeftThisMonth: true });
  });

  it("counts a check-in this week alone", () => {
    expect(computeStreak([w(48)], w(48))).toEqual({ weeks: 1, frozen: [], thisWeekDone: true, freezeLeftThisMonth: true });
  });

  it("does not break the run for this week while it is still open", () => {
    expect(computeStreak([w(45), w(46), w(47)], w(48))).toEqual({ weeks: 3, frozen: [], thisWeekDone: false, freezeLeftThisMonth: true });
  });

  it("bridges one missed week with that month's freeze", () => {
    // W45 (November) missed; November's freeze is then used, also for the current week's month.
    expect(computeStreak([w(44), w(46), w(47), w(48)], w(48))).toEqual({
      weeks: 4,
      frozen: [w(45)],
      thisWeekDone: true,
      freezeLeftThisMonth: false,
    });
  });

  it("keeps the current month's freeze when the bridged week is in an earlier month", () => {
    // W42 (October) missed; the current week W45 is in November.
    expect(computeStreak([w(41), w(43), w(44), w(45)], w(45))).toEqual({
      weeks: 4,
      frozen: [w(42)],
      thisWeekDone: true,
      freezeLeftThisMonth: true,
    });
  });

  it("ends the run at a second missed week in the same month", () => {
    // W43 and W41 both October: W43 takes the freeze, W41 ends the run, so W40 is not reached.
    expect(computeStreak([w(40), w(42), w(44), w(45)], w(45))).toEqual({
      weeks: 3,
      frozen: [w(43)],
      thisWeekDone: true,
      freezeLeftThisMonth: true,
    });
  });

  it("ends the run at the second of two consecutive missed weeks in one month, dropping the first's freeze", () => {
    // W42 would take October's freeze but W41 ends the run, so W42 bridges nothing.
    expect(computeStreak([w(40), w(43), w(44)], w(44))).toEqual({ weeks: 2, frozen: [], thisWeekDone: true, freezeLeftThisMonth: true });
  });

  it("freezes consecutive missed weeks in two different months", () => {
    // W45 (November) and W44 (October) each use their own month's freeze.
    expect(computeStreak([w(43), w(46), w(47)], w(47))).toEqual({
      weeks: 3,
      frozen: [w(45), w(44)],
      thisWeekDone: true,
      freezeLeftThisMonth: false,
    });
  });

  it("freezes separate missed weeks in different months, newest first", () => {
    // W47 (November) and W41 (October) missed; the current week W49 is in December.
    const checkIns = [w(40), w(42), w(43), w(44), w(45), w(46), w(48), w(49)];
    expect(computeStreak(checkIns, w(49))).toEqual({ weeks: 8, frozen: [w(47), w(41)], thisWeekDone: true, freezeLeftThisMonth: true });
  });

  it("bridges a gap right after the first ever check-in", () => {
    // W44 is the first check-in, W45 missed, W46 checked, W47 still open.
    expect(computeStreak([w(44), w(46)], w(47))).toEqual({ weeks: 2, frozen: [w(45)], thisWeekDone: false, freezeLeftThisMonth: false });
  });

  it("keeps the run alive through a missed last week while this week is open", () => {
    // W45 is the only check-in; W46 (November) is frozen; W47 is open.
    expect(computeStreak([w(45)], w(47))).toEqual({ weeks: 1, frozen: [w(46)], thisWeekDone: false, freezeLeftThisMonth: false });
  });

  it("is broken by two missed weeks in one month since the last check-in", () => {
    // W47 would take November's freeze; W46 (November) ends the run before W45 is reached.
    expect(computeStreak([w(45)], w(48))).toEqual({ weeks: 0, frozen: [], thisWeekDone: false, freezeLeftThisMonth: true });
  });

  it("never freezes weeks before the first check-in", () => {
    expect(computeStreak([w(46)], w(47))).toEqual({ weeks: 1, frozen: [], thisWeekDone: false, freezeLeftThisMonth: true });
    expect(computeStreak([w(46), w(47)], w(47))).toEqual({ weeks: 2, frozen: [], thisWeekDone: true, freezeLeftThisMonth: true });
  });

  it("ignores repeats and order", () => {
    expect(computeStreak([w(47), w(45), w(47), w(46), w(45), w(47)], w(47))).toEqual({
      weeks: 3,
      frozen: [],
      thisWeekDone: true,
      freezeLeftThisMonth: true,
    });
  });

  it("ignores weeks after the current one", () => {
    expect(computeStreak(["2027-W01", w(50), w(46), w(47), w(49)], w(48))).toEqual({
      weeks: 2,
      frozen: [],
      thisWeekDone: false,
      freezeLeftThisMonth: true,
    });
  });

  it("runs across a year boundary, freezing week 53", () => {
    // 2026-W53 (Thursday 31 Dec) is a December week; the current week 2027-W02 is in January.
    expect(computeStreak([w(51), w(52), "2027-W01", "2027-W02"], "2027-W02")).toEqual({
      weeks: 4,
      frozen: [w(53)],
      thisWeekDone: true,
      freezeLeftThisMonth: true,
    });
  });

  it("reports the current month's freeze as used when the open week's predecessor in that month was frozen", () => {
    // W50 and W49 both December: W50 frozen, W49 checked, W51 (December) open.
    expect(computeStreak([w(48), w(49)], w(51))).toEqual({ weeks: 2, frozen: [w(50)], thisWeekDone: false, freezeLeftThisMonth: false });
  });

  it("rejects malformed weeks", () => {
    expect(() => computeStreak([w(46)], "2025-W53")).toThrow(RangeError);
    expect(() => computeStreak(["2026-W7"], w(47))).toThrow(RangeError);
  });
});

describe("computeStreak properties", () => {
  // Mondays 2025-06-02 + n weeks, labelled in UTC: covers the 2025→2026 boundary and 2026-W53.
  const FIRST_MONDAY = Date.parse("2025-06-02T00:00:00Z");
  const WEEK_MS = 7 * 86_400_000;
  const WEEKS = Array.from({ length: 91 }, (_, n) => isoWeekOf(new Date(FIRST_MONDAY + n * WEEK_MS), "UTC"));
  const weekAt = (n: number) => WEEKS[n]!;

  const inputArb = fc.record({
    checkIns: fc.array(fc.integer({ min: 0, max: WEEKS.length - 1 }), { maxLength: 60 }),
    current: fc.integer({ min: 0, max: WEEKS.length - 1 }),
  });

  it("counts no more than the distinct past check-ins, never freezes a check-in week, freezes once per month", () => {
    fc.assert(
      fc.property(inputArb, ({ checkIns, current }) => {
        const weeks = checkIns.map(weekAt);
        const currentWeek = weekAt(current);
        const streak = computeStreak(weeks, currentWeek);
        const past = new Set(weeks.filter((week) => week <= currentWeek));

        expect(streak.weeks).toBeLessThanOrEqual(past.size);
        expect(streak.thisWeekDone).toBe(past.has(currentWeek));
        for (const week of streak.frozen) {
          expect(past.has(week)).toBe(false);
          expect(week < currentWeek).toBe(true);
        }
        const months = streak.frozen.map(isoWeekMonth);
        expect(new Set(months).size).toBe(months.length);
        // Newest first, and only between counted weeks: a freeze needs a counted week older than it.
        expect([...streak.frozen].sort().reverse()).toEqual(streak.frozen);
        if (streak.weeks === 0) expect(streak.frozen).toEqual([]);
        const monthNow = isoWeekMonth(currentWeek);
        expect(streak.freezeLeftThisMonth).toBe(!months.includes(monthNow));
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
