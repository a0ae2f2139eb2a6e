import { describe, expect, it } from "vitest";
import { buildActivityCalendar } from "../../lib/pacing/activity-calendar";

const none = { ticks: [], checkIns: [] };

describe("buildActivityCalendar", () => {
  it("on day 0 is the start's week alone, with only today in it", () => {
    // Wednesday 2 Dec 2026.
    const calendar = buildActivityCalendar({ start: "2026-12-02", today: "2026-12-02", ...none });
    expect(calendar.from).toBe("2026-12-02");
    expect(calendar.weeks).toEqual([
      {
        monday: "2026-11-30",
        days: [null, null, { date: "2026-12-02", ticks: 0, checkIns: 0, hours: 0, level: 0 }, null, null, null, null],
        ticks: 0,
        checkIns: 0,
        hours: 0,
      },
    ]);
    expect(calendar.months).toEqual([{ week: 0, label: "Dec" }]);
    expect(calendar.totals).toEqual({ ticks: 0, checkIns: 0, hours: 0, activeDays: 0, weeksWithCheckIn: 0 });
  });

  it("runs from the enrolment's start, not 26 weeks back, and labels the week where each month begins", () => {
    const calendar = buildActivityCalendar({ start: "2026-11-22", today: "2026-12-02", ...none });
    expect(calendar.weeks.map((w) => w.monday)).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(calendar.weeks[0]!.days.map((d) => d?.date ?? null)).toEqual([null, null, null, null, null, null, "2026-11-22"]);
    expect(calendar.weeks[2]!.days.map((d) => d?.date ?? null)).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", null, null, null, null]);
    expect(calendar.months).toEqual([
      { week: 0, label: "Nov" },
      { week: 2, label: "Dec" },
    ]);
  });

  it("drops the first column's label when the next column starts a month, so they can't overlap", () => {
    const calendar = buildActivityCalendar({ start: "2026-11-29", today: "2026-12-09", ...none });
    expect(calendar.months).toEqual([{ week: 1, label: "Dec" }]);
  });

  it("shows the last 26 weeks of an older plan, this week last", () => {
    const calendar = buildActivityCalendar({ start: "2025-01-01", today: "2026-12-02", ...none });
    expect(calendar.weeks).toHaveLength(26);
    expect(calendar.from).toBe("2026-06-08");
    expect(calendar.weeks.at(0)!.monday).toBe("2026-06-08");
    expect(calendar.weeks.at(-1)!.monday).toBe("2026-11-30");
    expect(calendar.months.map((m) => m.label)).toEqual(["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
    expect(calendar.months.map((m) => m.week)).toEqual([0, 3, 7, 12, 16, 20, 25]);
  });

  it("is this week alone while the start is still to come", () => {
    const calendar = buildActivityCalendar({ start: "2026-12-10", today: "2026-12-02", ...none });
    expect(calendar.from).toBe("2026-12-02");
    expect(calendar.weeks).toHaveLength(1);
  });

  it("counts check-ins and their hours as well as ticks, per day and per week, and shades a check-in day apart from an empty one", () => {
    const calendar = buildActivityCalendar({
      start: "2026-11-22",
      today: "2026-12-02",
      ticks: [
        { date: "2026-11-24", count: 3 },
        { date: "2026-12-01", count: 1 },
        // Before the calendar (a skill done on another roadmap): not shown, not counted.
        { date: "2026-11-01", count: 5 },
      ],
      checkIns: [
        { date: "2026-11-25", count: 1, hours: 2.5 },
        { date: "2026-12-01", count: 2, hours: 1.5 },
        { date: "2026-12-02", count: 1, hours: 0.1 },
        { date: "2026-12-02", count: 1, hours: 0.2 },
      ],
    });
    const [first, second, third] = calendar.weeks;
    expect(first).toMatchObject({ ticks: 0, checkIns: 0, hours: 0 });
    expect(second).toMatchObject({ ticks: 3, checkIns: 1, hours: 2.5 });
    expect(second!.days.map((d) => d?.level)).toEqual([0, 3, 1, 0, 0, 0, 0]);
    expect(third).toMatchObject({ ticks: 1, checkIns: 4, hours: 1.8 });
    expect(third!.days[1]).toEqual({ date: "2026-12-01", ticks: 1, checkIns: 2, hours: 1.5, level: 2 });
    expect(third!.days[2]).toEqual({ date: "2026-12-02", ticks: 0, checkIns: 2, hours: 0.3, level: 1 });
    expect(calendar.totals).toEqual({ ticks: 4, checkIns: 5, hours: 4.3, activeDays: 4, weeksWithCheckIn: 2 });
  });
});
