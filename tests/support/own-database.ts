// A database of a test file's own, on the test server, for tests that act on every user at once
// (the weekly email's scheduler finds all due users): other files' users must not wander in.
// lib/ is pointed at it, and its environment set, before the test imports any lib module.
import pg from "pg";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrismaClient } from "../../lib/prisma-client";
import { applyMigrations } from "../../prisma/scripts/schema-engine";
import { seed } from "../../prisma/scripts/seed";
import { baseUrl } from "./factories";
import { TEST_AUTH_SECRET } from "./stack";

/** `suffix` names it after the suite's own test database ("waypoint_test" → "waypoint_test_digest"), so two suites on one server don't collide. */
export async function ownDatabase(suffix: string): Promise<{ url: string; db: PrismaClient; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`.");
  const name = `${new URL(serverUrl).pathname.slice(1)}_${suffix}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected test database name ${name}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  await seed(url.toString());

  Object.assign(process.env, { DATABASE_URL: url.toString(), NEXTAUTH_SECRET: TEST_AUTH_SECRET, NEXTAUTH_URL: baseUrl() });
  const db = createPrismaClient(url.toString());
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
