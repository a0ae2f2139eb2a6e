// The one Prisma client. Cached on globalThis so Next's dev reloads don't open a pool per reload.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string = env.DATABASE_URL): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    log: env.LOG_QUERIES ? ["query", "warn", "error"] : ["warn", "error"],
  });
}

const globalForDb = globalThis as unknown as { waypointDb?: PrismaClient };

export const db: PrismaClient = globalForDb.waypointDb ?? createPrismaClient();
if (env.NODE_ENV !== "production") globalForDb.waypointDb = db;
