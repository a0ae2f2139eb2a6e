// How a Prisma client is built: on the node-postgres driver adapter (Prisma 7 has no built-in
// driver). No environment here, so commands that resolve their own database URL (the seed, tests)
// build theirs the same way; lib/db.ts builds the app's one client from the validated env.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

/**
 * Every statement is sent as a named prepared statement, so each connection plans it once.
 * Sent unnamed, PostgreSQL plans a statement every time it runs: for the pacing input's one
 * statement that was 1.4 ms of planning for 0.45 ms of running, on every dashboard and pacing read
 * (`npm run bench:load` measures the difference). The name is the text's hash: the same text is
 * the same statement, on whichever connection. The set stays small, as the app's statements are
 * fixed texts; an `in (…)` list makes one per length, bounded by a roadmap's size.
 */
export function statementName(sql: string): string {
  return `wp_${createHash("sha1").update(sql).digest("base64url")}`;
}

export function createPrismaClient(databaseUrl: string, options: { logQueries?: boolean; poolSize?: number } = {}): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: databaseUrl, max: options.poolSize ?? 10 },
      { statementNameGenerator: (query) => statementName(query.sql) },
    ),
    log: options.logQueries ? ["query", "warn", "error"] : ["warn", "error"],
  });
}
