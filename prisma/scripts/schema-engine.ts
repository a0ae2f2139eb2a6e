// Migrations without Prisma's downloadable schema-engine binary (these machines can't fetch it):
// we drive Prisma's own WebAssembly schema engine through the pg driver adapter. It reads and writes
// the standard prisma/migrations layout and _prisma_migrations table, so `prisma migrate deploy`
// stays interchangeable on a machine that does have the binary.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine as SchemaEngineType } from "@prisma/schema-engine-wasm";

export const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");

const require = createRequire(import.meta.url);

// The package's entry point imports the .wasm file as an ES module, which Node 20 can't do without
// a flag; instantiate it ourselves against the package's JS glue instead.
async function loadSchemaEngineClass(): Promise<typeof SchemaEngineType> {
  // The engine reports Rust panics through this global before it aborts.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => console.error(`schema engine panic: ${message}`),
  };
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import(gluePath)) as Record<string, unknown> & {
    __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
    SchemaEngine: typeof SchemaEngineType;
  };
  const wasmBytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": glue as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  let lockContent: string | null;
  try {
    lockContent = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8");
  } catch {
    lockContent = null;
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

type PgFactory = PrismaPg;
type PgAdapter = Awaited<ReturnType<PgFactory["connect"]>>;

// adapter-pg's executeScript splits a migration on every ";", which breaks dollar-quoted function
// bodies (our append-only trigger). PostgreSQL's simple query protocol runs a multi-statement script
// as one implicit transaction, so send it whole: a failing migration then leaves nothing half-applied.
function sendScriptWhole(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string) => {
    await (adapter.underlyingDriver() as pg.Pool | pg.PoolClient).query(script);
  };
  return adapter;
}

// Discrete fields, not a connectionString: adapter-pg opens the shadow database by overriding
// `database`, and pg lets a connectionString win over it (it would "shadow" the real database).
function poolConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    // The embedded cluster counts who still uses it by this tag (prisma/scripts/dev-database.ts).
    application_name: url.searchParams.get("application_name") ?? undefined,
  };
}

// `opened` collects every pool the engine opens: engine.free() doesn't close them, and an idle one
// keeps the process alive for pg's 10 s idle timeout while still holding the engine's session-level
// advisory lock, which made a second migration run time out waiting for it (P1002).
function wholeScriptAdapterFactory(databaseUrl: string, opened: PgAdapter[]): PgFactory {
  const factory = new PrismaPg(poolConfig(databaseUrl));
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  const track = (adapter: PgAdapter) => (opened.push(adapter), sendScriptWhole(adapter));
  factory.connect = async () => track(await connect());
  factory.connectToShadowDb = async () => track(await connectToShadowDb());
  return factory;
}

const noFilter = { externalTables: [], externalEnums: [] };

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngineType) => Promise<T>): Promise<T> {
  const SchemaEngine = await loadSchemaEngineClass();
  const schema = await readFile(schemaPath, "utf8");
  const opened: PgAdapter[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapterFactory(databaseUrl, opened));
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, (log: string) => logs.push(log), adapter);
  try {
    return await run(engine);
  } catch (error) {
    if (logs.length > 0) console.error(logs.slice(-3).join("\n").slice(0, 4000));
    throw error;
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

/** Applies every pending migration; returns the names applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/**
 * The datamodel the committed migrations produce, written next to them each time a migration is
 * created. New migrations are the diff from it to schema.prisma. (Diffing against a replay of the
 * migrations in a shadow database would need the engine to introspect PostgreSQL, and
 * @prisma/adapter-pg 7.10 can't read the catalogue's internal "char" columns.)
 */
export const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");

/** SQL that takes a database built from the committed migrations to the current schema.prisma. */
export async function diffSchemaAgainstSnapshot(databaseUrl: string): Promise<{ sql: string; schema: string }> {
  const schema = await readFile(schemaPath, "utf8");
  let snapshot: string | null = null;
  try {
    snapshot = await readFile(snapshotPath, "utf8");
  } catch {
    snapshot = null;
  }
  const sql = await withEngine(databaseUrl, async (engine) => {
    const out = await engine.diff({
      from: snapshot === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: snapshot }] },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return out.stdout ?? "";
  });
  return { sql, schema };
}
