// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded development database).
import { applyMigrations } from "./schema-engine";
import { resolveDevDatabaseUrl } from "./dev-database";

const { url, stop } = await resolveDevDatabaseUrl();
let code = 1;
try {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  code = 0;
} catch (error) {
  console.error(error instanceof Error ? error : `migration failed: ${String(error)}`);
} finally {
  await stop();
}
// The wasm schema engine leaves its 10 s advisory-lock timer running; nothing else is pending.
process.exit(code);
