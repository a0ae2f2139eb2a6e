import { describe, it, expect } from "vitest";
import {
  isIsoWeek,
  isoWeekMonth,
  isoWeekOf,
  isoWeekParts,
  isoWeeksBetween,
  mondayOfIsoWeek,
  previousIsoWeek,
} from "../../lib/calendar/iso-weeks";

// Expected weeks were read off a calendar (and cross-checked with Python's date.isocalendar), not taken
// from the code. Weekdays: 31 Dec 2026 is a Thursday, 4 Jan 2027 and 30 Dec 2024 are Mondays.

const at = (iso: string) => new Date(iso);

describe("isoWeekOf", () => {
  it("uses the ISO week-numbering year at year boundaries", () => {
    expect(isoWeekOf(at("2026-12-31T12:00:00Z"), "UTC")).toBe("2026-W53");
    // Fri 1 and Sun 3 Jan 2027 still belong to the week of Thursday 31 Dec 2026.
    expect(isoWeekOf(at("2027-01-01T12:00:00Z"), "UTC")).toBe("2026-W53");
    expect(isoWeekOf(at("2027-01-03T23:59:59.999Z"), "UTC")).toBe("2026-W53");
    expect(isoWeekOf(at("2027-01-04T00:00:00Z"), "UTC")).toBe("2027-W01");
    // Mon 30 Dec 2024 starts the week of Thursday 2 Jan 2025.
    expect(isoWeekOf(at("2024-12-29T12:00:00Z"), "UTC")).toBe("2024-W52");
    expect(isoWeekOf(at("2024-12-30T12:00:00Z"), "UTC")).toBe("2025-W01");
    // Mon 29 Dec 2025 starts 2026-W01 (Thursday 1 Jan 2026).
    expect(isoWeekOf(at("2025-12-29T00:00:00Z"), "UTC")).toBe("2026-W01");
  });

  it("zero-pads the week", () => {
    expect(isoWeekOf(at("2026-03-04T12:00:00Z"), "UTC")).toBe("2026-W10");
    expect(isoWeekOf(at("2026-02-25T12:00:00Z"), "UTC")).toBe("2026-W09");
  });

  it("reads the date ahead of UTC in Pacific/Auckland (NZDT, +13 in November and January)", () => {
    // Sun 29 Nov 2026 23:30 UTC is Mon 30 Nov 12:30 in Auckland: already the next week.
    expect(isoWeekOf(at("2026-11-29T23:30:00Z"), "UTC")).toBe("2026-W48");
    expect(isoWeekOf(at("2026-11-29T23:30:00Z"), "Pacific/Auckland")).toBe("2026-W49");
    // Midnight Monday in Auckland is 11:00 UTC on Sunday.
    expect(isoWeekOf(at("2026-11-29T10:59:59.999Z"), "Pacific/Auckland")).toBe("2026-W48");
    expect(isoWeekOf(at("2026-11-29T11:00:00Z"), "Pacific/Auckland")).toBe("2026-W49");
    // Across the year boundary: Sun 3 Jan 2027 11:00 UTC is Mon 4 Jan 00:00 there.
    expect(isoWeekOf(at("2027-01-03T11:00:00Z"), "Pacific/Auckland")).toBe("2027-W01");
  });

  it("reads the date behind UTC in America/Los_Angeles (PST, −8 in November and January)", () => {
    // Mon 30 Nov 2026 07:30 UTC is Sun 29 Nov 23:30 in Los Angeles: still the previous week.
    expect(isoWeekOf(at("2026-11-30T07:30:00Z"), "UTC")).toBe("2026-W49");
    expect(isoWeekOf(at("2026-11-30T07:30:00Z"), "America/Los_Angeles")).toBe("2026-W48");
    expect(isoWeekOf(at("2026-11-30T07:59:59.999Z"), "America/Los_Angeles")).toBe("2026-W48");
    expect(isoWeekOf(at("2026-11-30T08:00:00Z"), "America/Los_Angeles")).toBe("2026-W49");
    // Across the year boundary: Mon 4 Jan 2027 07:59 UTC is still Sun 3 Jan there.
    expect(isoWeekOf(at("2027-01-04T07:59:00Z"), "America/Los_Angeles")).toBe("2026-W53");
  });

  it("follows Europe/London across the spring change (Sun 29 Mar 2026, 01:00 UTC)", () => {
    // BST (+1) from then on, so Monday 30 Mar begins at 23:00 UTC on Sunday.
    expect(isoWeekOf(at("2026-03-29T00:30:00Z"), "Europe/London")).toBe("2026-W13");
    expect(isoWeekOf(at("2026-03-29T22:59:59.999Z"), "Europe/London")).toBe("2026-W13");
    expect(isoWeekOf(at("2026-03-29T23:00:00Z"), "Europe/London")).toBe("2026-W14");
    expect(isoWeekOf(at("2026-03-29T23:00:00Z"), "UTC")).toBe("2026-W13");
  });

  it("follows Europe/London across the autumn change (Sun 25 Oct 2026, 01:00 UTC)", () => {
    // The Monday before the change still starts at 23:00 UTC (BST)…
    expect(isoWeekOf(at("2026-10-18T23:30:00Z"), "Europe/London")).toBe("2026-W43");
    // …the Monday after it at 00:00 UTC (GMT).
    expect(isoWeekOf(at("2026-10-25T23:30:00Z"), "Europe/London")).toBe("2026-W43");
    expect(isoWeekOf(at("2026-10-26T00:00:00Z"), "Europe/London")).toBe("2026-W44");
  });

  it("rejects an unknown zone and an invalid date", () => {
    expect(() => isoWeekOf(at("2026-11-29T12:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => isoWeekOf(new Date(Number.NaN), "UTC")).toThrow(RangeError);
  });
});

describe("isIsoWeek and isoWeekParts", () => {
  it("accepts weeks 01 to the year's last week (52 or 53)", () => {
    expect(isIsoWeek("2026-W01")).toBe(true);
    expect(isIsoWeek("2026-W52")).toBe(true);
    // 2026 starts on a Thursday, so it has 53 weeks; 2020 (leap, starts Wednesday) and 2032 too.
    expect(isIsoWeek("2026-W53")).toBe(true);
    expect(isIsoWeek("2020-W53")).toBe(true);
    expect(isIsoWeek("2032-W53")).toBe(true);
    // 2025 starts on a Wednesday (not leap), 2027 on a Friday: 52 weeks.
    expect(isIsoWeek("2025-W52")).toBe(true);
    expect(isIsoWeek("2025-W53")).toBe(false);
    expect(isIsoWeek("2027-W53")).toBe(false);
    expect(isIsoWeek("2026-W54")).toBe(false);
    expect(isIsoWeek("2026-W00")).toBe(false);
  });

  it("rejects anything but the exact YYYY-Www shape", () => {
    for (const s of ["2026-W1", "2026-w01", "2026W01", "26-W01", "12026-W01", " 2026-W01", "2026-W01 ", "2026-01", "2026-W01-1", ""]) {
      expect(isIsoWeek(s), s).toBe(false);
    }
  });

  it("splits a week into numbers and throws on an invalid one", () => {
    expect(isoWeekParts("2026-W48")).toEqual({ year: 2026, week: 48 });
    expect(isoWeekParts("2027-W01")).toEqual({ year: 2027, week: 1 });
    expect(() => isoWeekParts("2025-W53")).toThrow(RangeError);
    expect(() => isoWeekParts("2026-W1")).toThrow(RangeError);
  });
});

describe("mondayOfIsoWeek", () => {
  it("gives the week's Monday, in the previous calendar year for some week 1s", () => {
    expect(mondayOfIsoWeek("2026-W48")).toBe("2026-11-23");
    expect(mondayOfIsoWeek("2026-W01")).toBe("2025-12-29");
    expect(mondayOfIsoWeek("2026-W53")).toBe("2026-12-28");
    expect(mondayOfIsoWeek("2027-W01")).toBe("2027-01-04");
    expect(mondayOfIsoWeek("2025-W01")).toBe("2024-12-30");
    expect(mondayOfIsoWeek("2020-W53")).toBe("2020-12-28");
    // The London spring-change week starts on the Monday after the change.
    expect(mondayOfIsoWeek("2026-W14")).toBe("2026-03-30");
  });
});

describe("previousIsoWeek", () => {
  it("steps back one week, across year boundaries into a 52- or 53-week year", () => {
    expect(previousIsoWeek("2026-W48")).toBe("2026-W47");
    expect(previousIsoWeek("2026-W10")).toBe("2026-W09");
    expect(previousIsoWeek("2027-W01")).toBe("2026-W53");
    expect(previousIsoWeek("2026-W01")).toBe("2025-W52");
    expect(previousIsoWeek("2021-W01")).toBe("2020-W53");
  });
});

describe("isoWeekMonth", () => {
  it("is the month of the week's Thursday", () => {
    expect(isoWeekMonth("2026-W48")).toBe("2026-11");
    // Mon 29 Jun – Sun 5 Jul 2026, Thursday 2 Jul.
    expect(isoWeekMonth("2026-W27")).toBe("2026-07");
    // Mon 27 Apr – Sun 3 May 2026, Thursday 30 Apr.
    expect(isoWeekMonth("2026-W18")).toBe("2026-04");
    // Mon 30 Nov – Sun 6 Dec 2026, Thursday 3 Dec.
    expect(isoWeekMonth("2026-W49")).toBe("2026-12");
    // Mon 29 Dec 2025 – Sun 4 Jan 2026, Thursday 1 Jan: the month follows the week's year.
    expect(isoWeekMonth("2026-W01")).toBe("2026-01");
    // Mon 28 Dec 2026 – Sun 3 Jan 2027, Thursday 31 Dec.
    expect(isoWeekMonth("2026-W53")).toBe("2026-12");
  });
});

describe("isoWeeksBetween", () => {
  it("counts whole weeks from `from` to `to`, negative backwards", () => {
    expect(isoWeeksBetween("2026-W48", "2026-W48")).toBe(0);
    expect(isoWeeksBetween("2026-W47", "2026-W48")).toBe(1);
    expect(isoWeeksBetween("2026-W48", "2026-W47")).toBe(-1);
    // W52 → W53 → 2027-W01.
    expect(isoWeeksBetween("2026-W52", "2027-W01")).toBe(2);
    expect(isoWeeksBetween("2027-W01", "2026-W52")).toBe(-2);
    expect(isoWeeksBetween("2025-W52", "2026-W01")).toBe(1);
    // Across the London spring change: still one week, not 167 hours' worth.
    expect(isoWeeksBetween("2026-W13", "2026-W14")).toBe(1);
    // 2020 has 53 weeks, 2021–2025 have 52: 53 + 5 · 52 = 313.
    expect(isoWeeksBetween("2020-W01", "2026-W01")).toBe(313);
  });
});
