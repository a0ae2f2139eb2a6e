import { describe, expect, it } from "vitest";
import { ACCEPTED_TIME_ZONES } from "../../lib/time-zones";
import { searchTimeZones, utcOffsetLabel } from "../../lib/time-zones/search";

describe("searchTimeZones", () => {
  it("finds a city typed as a person types it", () => {
    expect(searchTimeZones("New York")[0]).toBe("America/New_York");
    expect(searchTimeZones("new_york")[0]).toBe("America/New_York");
    expect(searchTimeZones("  tokyo ")).toEqual(["Asia/Tokyo"]);
    expect(searchTimeZones("london")[0]).toBe("Europe/London");
  });

  it("puts a city that starts with the query before a zone that merely contains it", () => {
    expect(searchTimeZones("par")).toEqual(["America/Paramaribo", "Europe/Paris"]);
    const ams = searchTimeZones("am");
    // Amman and Amsterdam's cities start with "am": they come before the many America/… zones that only share a word start.
    expect(ams.slice(0, 2)).toEqual(["Asia/Amman", "Europe/Amsterdam"]);
    expect(ams.indexOf("Europe/Amsterdam")).toBeLessThan(ams.indexOf("America/Chicago"));
  });

  it("finds a zone by its legacy name, and only ever returns accepted zones", () => {
    expect(searchTimeZones("US/Pacific")).toContain("America/Los_Angeles");
    expect(searchTimeZones("calcutta")).toEqual(["Asia/Kolkata"]);
    const accepted = new Set<string>(ACCEPTED_TIME_ZONES);
    for (const q of ["a", "us", "gmt", "europe", "IST"]) for (const zone of searchTimeZones(q)) expect(accepted.has(zone)).toBe(true);
  });

  it("gives every zone for an empty query and none for nonsense", () => {
    expect(searchTimeZones("")).toHaveLength(ACCEPTED_TIME_ZONES.length);
    expect(searchTimeZones("qqqzzz")).toEqual([]);
  });
});

describe("utcOffsetLabel", () => {
  it("reads the offset at that instant, clock changes included", () => {
    expect(utcOffsetLabel("Europe/London", new Date("2026-01-15T12:00:00Z"))).toBe("UTC");
    expect(utcOffsetLabel("Europe/London", new Date("2026-07-15T12:00:00Z"))).toBe("UTC+01:00");
    expect(utcOffsetLabel("America/New_York", new Date("2026-01-15T12:00:00Z"))).toBe("UTC−05:00");
    expect(utcOffsetLabel("Asia/Kolkata", new Date("2026-01-15T12:00:00Z"))).toBe("UTC+05:30");
  });
});
