import { describe, expect, it } from "vitest";
import { ACCEPTED_TIME_ZONES, canonicalTimeZone, FALLBACK_TIME_ZONE, isAcceptedTimeZone } from "../../lib/time-zones";
import { TIME_ZONE_ALIASES } from "../../lib/time-zones/data";
import { timeZoneSchema } from "../../lib/validation/common";

describe("the accepted time zones", () => {
  it("are canonical IANA names that Intl takes as they are", () => {
    expect(ACCEPTED_TIME_ZONES.length).toBeGreaterThan(400);
    for (const zone of ACCEPTED_TIME_ZONES) {
      expect(zone === "UTC" || /^[A-Z][A-Za-z_-]+\/[A-Za-z0-9_+/-]+$/.test(zone), zone).toBe(true);
      expect(() => new Intl.DateTimeFormat("en-GB", { timeZone: zone }), zone).not.toThrow();
    }
    for (const zone of [
      "Europe/London",
      "America/New_York",
      "Asia/Kolkata",
      "Europe/Kyiv",
      "Australia/Sydney",
      "UTC",
      FALLBACK_TIME_ZONE,
    ]) {
      expect(isAcceptedTimeZone(zone), zone).toBe(true);
    }
  });

  it("leave out legacy IDs, abbreviations and links", () => {
    for (const zone of [
      "AET",
      "IST",
      "BST",
      "CST",
      "US/Pacific",
      "US/Pacific-New",
      "Asia/Calcutta",
      "Etc/UTC",
      "GMT",
      "EST5EDT",
      "Etc/GMT+5",
    ]) {
      expect(isAcceptedTimeZone(zone), zone).toBe(false);
    }
  });

  it("alias only to accepted zones, never to each other", () => {
    for (const [alias, zone] of Object.entries(TIME_ZONE_ALIASES)) {
      expect(isAcceptedTimeZone(zone), `${alias} → ${zone}`).toBe(true);
      expect(isAcceptedTimeZone(alias), alias).toBe(false);
    }
  });
});

describe("canonicalTimeZone", () => {
  it.each([
    ["AET", "Australia/Sydney"],
    ["US/Pacific", "America/Los_Angeles"],
    ["US/Pacific-New", "America/Los_Angeles"],
    ["Canada/East-Saskatchewan", "America/Regina"],
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
    ["America/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["Etc/UTC", "UTC"],
    ["europe/london", "Europe/London"],
    ["  Asia/Tokyo ", "Asia/Tokyo"],
    ["aet", "Australia/Sydney"],
  ])("%s → %s", (input, zone) => {
    expect(canonicalTimeZone(input)).toBe(zone);
  });

  it.each(["IST", "BST", "CST", "PST", "Mars/Olympus", "", "Etc/GMT+5", "+05:30", "Europe/London\u0000", "posix/Europe/London"])(
    "refuses %j",
    (input) => {
      expect(canonicalTimeZone(input)).toBeNull();
    },
  );
});

describe("timeZoneSchema", () => {
  it("stores the canonical name", () => {
    expect(timeZoneSchema.parse("AET")).toBe("Australia/Sydney");
    expect(timeZoneSchema.parse(" Europe/London ")).toBe("Europe/London");
  });

  it("says why an ambiguous legacy ID is refused, and calls the rest unknown", () => {
    const ist = timeZoneSchema.safeParse("IST");
    expect(ist.success).toBe(false);
    expect(ist.error?.issues.map((i) => i.message)).toEqual([
      '"IST" means different zones to different systems. Choose it by region and city, such as Asia/Kolkata or Europe/London.',
    ]);
    expect(timeZoneSchema.safeParse("Mars/Olympus").error?.issues.map((i) => i.message)).toEqual(["Unknown time zone."]);
    expect(timeZoneSchema.safeParse("x".repeat(65)).error?.issues.map((i) => i.message)).toEqual(["Unknown time zone."]);
  });
});
