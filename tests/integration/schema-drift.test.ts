// schema.prisma and the committed migrations say the same thing: the datamodel the migrations were
// written from (prisma/migrations/schema.snapshot.prisma, updated by `npm run db:migration:new`)
// differs from schema.prisma by no SQL at all. An edit to schema.prisma without its migration fails here.
import { describe, expect, it } from "vitest";
import { diffSchemaAgainstSnapshot } from "../../prisma/scripts/schema-engine";

describe("schema.prisma and the migrations", () => {
  it("agree: the diff from the migrations' datamodel to schema.prisma is empty", async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`.");
    const { sql } = await diffSchemaAgainstSnapshot(url);
    const statements = sql
      .split("\n")
      .filter((line) => line.trim() && !line.trim().startsWith("--"))
      .join("\n");
    expect(statements, `schema.prisma has changes without a migration; run npm run db:migration:new -- <name>:\n${sql}`).toBe("");
  });
});
