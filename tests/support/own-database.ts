// A database of a test file's own, on the test server, for tests that act on every user at once
// (the weekly email's scheduler finds all due users): other files' users must not wander in.
// lib/ is pointed at it, and its environment set, before the test imports any lib module.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { applyMigrations } from "../../prisma/scripts/schema-engine";
import { seed } from "../../prisma/scripts/seed";
import { baseUrl } from "./factories";
import { TEST_AUTH_SECRET } from "./stack";

export async function ownDatabase(base: string): Promise<{ url: string; db: PrismaClient; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`.");
  // Named after the run's test database too: two runs on one server (each with its own
  // TEST_DATABASE_URL) would otherwise drop each other's database mid-test.
  const name = `${base}_${new URL(serverUrl).pathname.slice(1)}`.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 63);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  await seed(url.toString());

  Object.assign(process.env, { DATABASE_URL: url.toString(), NEXTAUTH_SECRET: TEST_AUTH_SECRET, NEXTAUTH_URL: baseUrl() });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  (globalThis as unknown as { waypointDb?: PrismaClient }).waypointDb = db;
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
