// The weekly email's ledger names weeks in SQL (to_char / to_date with ISO_WEEK_SQL_FORMAT) and the
// app names them in TypeScript (lib/calendar/iso-weeks.ts). They must agree on every day, the year
// boundaries above all (29 Dec–4 Jan, 53-week years), or a week's email could be sent twice or never.
import { describe, expect, it } from "vitest";
import { dayOfIso } from "../../lib/calendar/days";
import { ISO_WEEK_PG_FORMAT, isoWeekOfDay, mondayOfIsoWeek } from "../../lib/calendar/iso-weeks";
import { Prisma } from "../../lib/generated/prisma/client";
import { testDb } from "../support/factories";

const ISO_WEEK_SQL_FORMAT = Prisma.raw(`'${ISO_WEEK_PG_FORMAT}'`);

describe("ISO weeks in PostgreSQL and in lib/calendar", () => {
  it("agree on every day from 1950 to 2100: the week's label and its Monday", async () => {
    const rows = await testDb().$queryRaw<{ day: string; week: string; monday: string }[]>`
      select d::date::text as day, to_char(d, ${ISO_WEEK_SQL_FORMAT}) as week,
        to_date(to_char(d, ${ISO_WEEK_SQL_FORMAT}), ${ISO_WEEK_SQL_FORMAT})::text as monday
      from generate_series('1950-01-01'::timestamp, '2100-12-31'::timestamp, interval '1 day') d`;
    expect(rows.length).toBe(55_152);
    const disagreements = rows.filter((r) => isoWeekOfDay(dayOfIso(r.day)) !== r.week || mondayOfIsoWeek(r.week) !== r.monday);
    expect(disagreements.slice(0, 5)).toEqual([]);
    // The sweep covers the cases that differ from the calendar year.
    const byDay = new Map(rows.map((r) => [r.day, r.week]));
    expect(byDay.get("2026-12-31")).toBe("2026-W53");
    expect(byDay.get("2027-01-03")).toBe("2026-W53");
    expect(byDay.get("2024-12-30")).toBe("2025-W01");
    expect(byDay.get("2021-01-03")).toBe("2020-W53");
  });
});
