// The one Prisma client. Cached on globalThis so Next's dev reloads don't open a pool per reload.
import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { createPrismaClient } from "./prisma-client";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { waypointDb?: PrismaClient };

export const db: PrismaClient = globalForDb.waypointDb ?? createPrismaClient(env.DATABASE_URL, { logQueries: Boolean(env.LOG_QUERIES) });
if (env.NODE_ENV !== "production") globalForDb.waypointDb = db;
