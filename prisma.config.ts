// Used by the Prisma CLI (generate, validate, format, and `migrate deploy` on machines that can
// download Prisma's schema engine). Our own scripts in prisma/scripts don't need the CLI engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/waypoint" },
});
