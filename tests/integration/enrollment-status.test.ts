// "Open" is said once (lib/enrollment-status.ts); raw SQL says it through openStatusSql, and the
// partial unique index of the init migration says it in its own words. Both must agree with isOpen
// for every status, or an ended enrolment would still get weekly email (or block re-enrolling).
import { beforeAll, describe, expect, it } from "vitest";
import { isOpen } from "../../lib/enrollment-status";
import { EnrollmentStatus } from "../../lib/generated/prisma/enums";
import type { Prisma } from "../../lib/generated/prisma/client";
import { testDb } from "../support/factories";
import { pointLibAtTestDatabase } from "../support/test-lib";

const ALL = Object.values(EnrollmentStatus);
let openStatusSql: Prisma.Sql;

beforeAll(async () => {
  pointLibAtTestDatabase();
  ({ openStatusSql } = await import("../../lib/enrollments"));
});

describe("an open enrolment, in SQL", () => {
  it("is what isOpen says, status by status, through openStatusSql", async () => {
    const rows = await testDb().$queryRaw<{ status: EnrollmentStatus; open: boolean }[]>`
      select s.status, s.status in (${openStatusSql}) as open
      from unnest(enum_range(null::"EnrollmentStatus")) as s(status)`;
    expect(rows.map((r) => r.status).sort()).toEqual([...ALL].sort());
    expect(rows.filter((r) => r.open !== isOpen(r.status))).toEqual([]);
  });

  it("is what the one-open-enrolment-per-roadmap index allows once", async () => {
    const [index] = await testDb().$queryRaw<{ predicate: string }[]>`
      select pg_get_expr(i.indpred, i.indrelid) as predicate
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where c.relname = 'enrollment_one_open_per_roadmap'`;
    expect(index).toBeDefined();
    const inIndex = ALL.filter((status) => index?.predicate.includes(`'${status}'`));
    expect(inIndex.sort()).toEqual(ALL.filter(isOpen).sort());
  });
});
