// Holds lib/time-zones/data.ts to the running PostgreSQL: every zone the app stores must be one
// `at time zone` converts, to the same local time Intl gives, or the weekly email's due query and the
// pages would disagree about a user's clock (STACK.md trap 10).
import { describe, expect, it } from "vitest";
import { ACCEPTED_TIME_ZONES } from "../../lib/time-zones";
import { TIME_ZONE_ALIASES } from "../../lib/time-zones/data";
import { testDb } from "../support/factories";

const SAMPLES = [2016, 2026].flatMap((y) => [`${y}-01-15T12:00:00Z`, `${y}-07-15T12:00:00Z`]);

function intlLocal(zone: string, iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

describe("the accepted time zones, against this PostgreSQL", () => {
  it("are all in pg_timezone_names", async () => {
    const rows = await testDb().$queryRaw<{ name: string }[]>`select name from pg_timezone_names`;
    const known = new Set(rows.map((r) => r.name));
    expect(ACCEPTED_TIME_ZONES.filter((zone) => !known.has(zone))).toEqual([]);
  });

  it("read as the same local time by PostgreSQL and by Intl", async () => {
    const rows = await testDb().$queryRaw<{ name: string; at: Date; local: string }[]>`
      select z.name, s.at, to_char(s.at at time zone z.name, 'YYYY-MM-DD HH24:MI') as local
      from unnest(${[...ACCEPTED_TIME_ZONES]}::text[]) as z(name) cross join unnest(${SAMPLES}::timestamptz[]) as s(at)`;
    expect(rows).toHaveLength(ACCEPTED_TIME_ZONES.length * SAMPLES.length);
    const disagreements = rows
      .filter((r) => intlLocal(r.name, r.at.toISOString()) !== r.local)
      .map((r) => `${r.name} at ${r.at.toISOString()}: ${r.local}`);
    expect(disagreements).toEqual([]);
  });

  it("stand in for aliases that PostgreSQL reads, where it knows them, as their zone", async () => {
    const known = new Set((await testDb().$queryRaw<{ name: string }[]>`select name from pg_timezone_names`).map((r) => r.name));
    const pairs = Object.entries(TIME_ZONE_ALIASES).filter(([alias]) => known.has(alias));
    expect(pairs.length).toBeGreaterThan(50);
    const rows = await testDb().$queryRaw<{ alias: string; zone: string }[]>`
      select p.alias, p.zone from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as p(alias, zone)
      cross join unnest(${SAMPLES}::timestamptz[]) as s(at)
      where (s.at at time zone p.alias) <> (s.at at time zone p.zone)`;
    expect(rows).toEqual([]);
  });
});
