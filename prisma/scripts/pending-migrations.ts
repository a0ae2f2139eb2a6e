// The committed migrations (prisma/migrations) a database has not applied, read from Prisma's standard
// _prisma_migrations table in one query. `npm start -- --no-migrate` (a web instance of a deployment,
// whose deploy step migrates) checks this instead of running the schema engine: the engine is slow to
// load and holds Prisma's migration lock, on which instances starting together queue and time out.
import { readdir } from "node:fs/promises";
import pg from "pg";
import { migrationsDir } from "./schema-engine";

export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const committed = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query<{ present: boolean }>("select to_regclass('public._prisma_migrations') is not null as present");
    if (!table.rows[0]?.present) return committed;
    const { rows } = await client.query<{ migration_name: string }>(
      "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return committed.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}
