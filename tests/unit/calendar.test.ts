import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarISOWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear } from "date-fns";
import { dateOfIso, dayOfDate, dayOfIso, isoDateOf, isoOfDay, isRealIsoDate, weekdayOfDay } from "../../lib/calendar/days";
import { msDaysBefore } from "../../lib/calendar/instants";
import { isIsoWeek, isoWeekOfDay, isoWeeksBetween, mondayOfIsoWeek, previousIsoWeek } from "../../lib/calendar/iso-weeks";
import { localDayFunction, localDayOf, localToday, zonedWallClock } from "../../lib/calendar/zones";
import { launchAnchor } from "../../lib/pacing/rules";

// lib/calendar computes in day numbers for speed; date-fns (a devDependency, used only by tests) is
// the independent oracle it is checked against, day by day.

const utc = (day: number) => new Date(day * 86_400_000);
/** Noon on the day's civil date in the process's own zone: how date-fns reads a calendar date. */
const localNoon = (day: number) => {
  const [y, m, d] = isoOfDay(day).split("-").map(Number);
  return new Date(y!, m! - 1, d, 12);
};

describe("day numbers", () => {
  it("round-trip every date from 1900 to 2100 and agree with the UTC calendar", () => {
    const first = dayOfIso("1900-01-01");
    const last = dayOfIso("2100-12-31");
    const wrong: string[] = [];
    for (let day = first; day <= last; day++) {
      const iso = isoOfDay(day);
      if (dayOfIso(iso) !== day || iso !== utc(day).toISOString().slice(0, 10) || weekdayOfDay(day) !== (utc(day).getUTCDay() + 6) % 7)
        wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });

  it("read and write PostgreSQL date columns as midnight UTC", () => {
    expect(dateOfIso("2028-02-29").toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(isoDateOf(new Date("2028-02-29T23:59:59.999Z"))).toBe("2028-02-29");
    expect(dayOfDate(dateOfIso("1970-01-02"))).toBe(1);
    expect(dayOfDate(new Date("1969-12-31T12:00:00Z"))).toBe(-1);
  });

  it("accept only dates that exist", () => {
    expect(isRealIsoDate("2028-02-29")).toBe(true);
    expect(isRealIsoDate("2027-02-29")).toBe(false);
    expect(isRealIsoDate("2026-04-31")).toBe(false);
    expect(isRealIsoDate("2026-13-01")).toBe(false);
    expect(isRealIsoDate("2026-00-10")).toBe(false);
    expect(isRealIsoDate("2026-1-10")).toBe(false);
    expect(isRealIsoDate("2026-01-10T00:00")).toBe(false);
  });
});

describe("ISO weeks", () => {
  it("give every day from 1900 to 2100 the week date-fns gives it", () => {
    const first = dayOfIso("1900-01-01");
    const last = dayOfIso("2100-12-31");
    const wrong: string[] = [];
    for (let day = first; day <= last; day++) {
      const date = localNoon(day);
      const expected = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, "0")}`;
      if (isoWeekOfDay(day) !== expected) wrong.push(`${isoOfDay(day)}: ${isoWeekOfDay(day)}, not ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it("know which years have a week 53, and count weeks across years", () => {
    for (let year = 1990; year <= 2060; year++) {
      const weeks = getISOWeeksInYear(new Date(year, 5, 1, 12));
      expect(isIsoWeek(`${year}-W53`)).toBe(weeks === 53);
      expect(previousIsoWeek(`${year + 1}-W01`)).toBe(`${year}-W${weeks}`);
      const monday = localNoon(dayOfIso(mondayOfIsoWeek(`${year}-W01`)));
      expect(isoWeeksBetween("2026-W48", `${year}-W01`)).toBe(differenceInCalendarISOWeeks(monday, localNoon(dayOfIso("2026-11-23"))));
    }
  });
});

describe("zones", () => {
  const zones = [
    "Europe/London",
    "America/New_York",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "Pacific/Chatham",
    "UTC",
  ];

  it("read the local date of instants on both sides of every clock change, as a TZDate does", () => {
    const from = Date.parse("2026-01-01T00:00:00Z");
    const to = Date.parse("2028-01-01T00:00:00Z");
    for (const zone of zones) {
      const localDay = localDayFunction(zone, from, to);
      // Every 37 minutes for two years: lands within the hour around each change.
      const wrong: string[] = [];
      for (let ms = from; ms < to; ms += 37 * 60_000) {
        const wall = new TZDate(ms, zone);
        const expected = dayOfIso(
          `${wall.getFullYear()}-${String(wall.getMonth() + 1).padStart(2, "0")}-${String(wall.getDate()).padStart(2, "0")}`,
        );
        if (localDay(ms) !== expected) wrong.push(`${zone} ${new Date(ms).toISOString()}: ${isoOfDay(localDay(ms))}`);
      }
      expect(wrong).toEqual([]);
      // Outside the table, the slow path answers the same.
      const outside = Date.parse("2031-06-30T23:30:00Z");
      expect(localDay(outside)).toBe(localDayOf(outside, zone));
    }
  });

  it("place a wall-clock time in its zone and read today's date there", () => {
    const instant = (d: Date) => new Date(d.getTime()).toISOString();
    // 01:30 on 29 March 2026 doesn't happen in London (01:00 GMT becomes 02:00 BST): it moves on an hour.
    expect(instant(zonedWallClock("2026-03-29", 1, 30, "Europe/London"))).toBe("2026-03-29T01:30:00.000Z");
    expect(instant(zonedWallClock("2026-07-01", 9, 0, "Europe/London"))).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedWallClock("2026-07-01", 9, 0, "Europe/London").timeZone).toBe("Europe/London");
    expect(localToday(new Date("2026-11-29T23:30:00Z"), "Pacific/Auckland")).toBe("2026-11-30");
    expect(localToday(new Date("2026-11-29T23:30:00Z"), "America/New_York")).toBe("2026-11-29");
    expect(isoOfDay(localDayOf(addDays(new TZDate("2026-10-25T00:30:00", "Europe/London"), 1), "Europe/London"))).toBe("2026-10-26");
  });

  it("measure look-back windows in 24-hour days", () => {
    expect(msDaysBefore(new Date("2026-03-30T12:00:00Z"), 28)).toBe(Date.parse("2026-03-02T12:00:00Z"));
    expect(msDaysBefore(1_000, 0)).toBe(1_000);
  });
});

describe("launchAnchor", () => {
  const ticked = new Date("2026-05-01T10:00:00Z");
  it("takes the record's clock start when there is a record, even if the ship milestone was ticked", () => {
    expect(launchAnchor("2026-04-20", ticked)).toBe("2026-04-20");
  });
  it("falls back to the instant the ship milestone was last ticked done, then to none", () => {
    expect(launchAnchor(null, ticked)).toEqual(ticked);
    expect(launchAnchor(null, ticked.getTime())).toEqual(ticked);
    expect(launchAnchor(null, null)).toBeNull();
  });
});
