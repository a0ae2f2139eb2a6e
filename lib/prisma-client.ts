// How a Prisma client is built: on the node-postgres driver adapter (Prisma 7 has no built-in
// driver). No environment here, so commands that resolve their own database URL (the seed, tests)
// build theirs the same way; lib/db.ts builds the app's one client from the validated env.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(databaseUrl: string, options: { logQueries?: boolean; poolSize?: number } = {}): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 }),
    log: options.logQueries ? ["query", "warn", "error"] : ["warn", "error"],
  });
}
