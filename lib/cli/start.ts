// `npm start`: one command from a fresh clone to a running Waypoint.
//   - DATABASE_URL unset ⇒ an embedded PostgreSQL under .data/postgres (kept between runs)
//   - migrations applied, catalogue seeded, app built (skip with --no-build), served on PORT (3000)
//   - `--dev` serves with Next's dev server instead of a production build
//   - `--no-migrate` neither migrates nor seeds (a deployment's web instance: its deploy step does
//     both once); it only checks that no migration is pending, and stops if one is
import { spawnSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { prepareLocalEnv, reportFailure } from "./local-env";
import { pendingMigrations } from "../../prisma/scripts/pending-migrations";
import { applyMigrations } from "../../prisma/scripts/schema-engine";
import { seed } from "../../prisma/scripts/seed";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const build = !dev && !args.has("--no-build");
const migrate = !args.has("--no-migrate");
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

const database = await prepareLocalEnv(port).catch((error: unknown) => {
  reportFailure("could not open the database", error);
  process.exit(1);
});
const shutdownTasks: (() => Promise<void>)[] = [database.stop];
// Once: a terminal's Ctrl-C reaches this process and tsx's parent, which relays it again, and a
// second run would exit before the first had left the embedded database.
let shuttingDown: Promise<never> | undefined;
function shutdown(code: number): Promise<never> {
  return (shuttingDown ??= (async () => {
    for (const task of shutdownTasks.reverse()) await task().catch((e: unknown) => console.error(e));
    process.exit(code);
  })());
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  if (migrate) {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");
    const report = await seed(database.url);
    console.log(`catalogue: ${report.roadmaps} roadmaps, ${report.milestones} milestones`);
  } else {
    const pending = await pendingMigrations(database.url);
    if (pending.length)
      throw new Error(
        `--no-migrate, but ${pending.length} migration(s) are not applied (${pending.join(", ")}): run npm run db:migrate and npm run db:seed first`,
      );
    console.log("database schema is up to date (--no-migrate: migrated by the deploy step)");
  }

  if (build) {
    console.log("building…");
    const result = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/next/dist/bin/next"), "build"], {
      cwd: repoRoot,
      stdio: "inherit",
      env: process.env,
    });
    if (result.status !== 0) throw new Error("next build failed");
  }

  const { serve } = await import("./server");
  const server = await serve({ port, hostname, dev });
  shutdownTasks.push(server.close);
  // The background jobs (weekly email, "maintained 3+ months") run in this process unless told
  // otherwise (`npm run worker` runs them apart).
  if (process.env.DIGEST_SCHEDULER !== "off") {
    const { describeCatchUp, startScheduler } = await import("../scheduler");
    const { sendMail } = await import("../mail");
    const scheduler = await startScheduler({ connectionString: database.url, send: sendMail });
    shutdownTasks.push(() => scheduler.stop());
    console.log("background jobs (weekly email, maintained-3-months pass): running in this process");
    console.log(describeCatchUp(await scheduler.catchUp()));
  }
  console.log(
    `Waypoint is running at ${server.url}${process.env.SMTP_URL ? "" : ` (no SMTP_URL: sign-in links go to ${server.url}/dev/outbox and this log)`}`,
  );
} catch (error) {
  console.error(error);
  await shutdown(1);
}
