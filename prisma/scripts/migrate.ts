// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded development database).
import { applyMigrations } from "./schema-engine";
import { resolveDevDatabaseUrl } from "./dev-database";

const { url, stop } = await resolveDevDatabaseUrl();
try {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await stop();
}
