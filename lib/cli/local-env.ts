// What the command-line entry points (start, worker, digest, shipped-maintenance) share: a database
// (DATABASE_URL, else the embedded one) and the settings a newcomer shouldn't have to configure.
import "./server-only-outside-next";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot, resolveDevDatabaseUrl, type RunningDatabase } from "../../prisma/scripts/dev-database";

/** A stable local secret, so sessions (and unsubscribe links) survive restarts. */
async function localAuthSecret(): Promise<string> {
  const file = path.join(repoRoot, ".data", "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** Resolves the database and fills DATABASE_URL, NEXTAUTH_URL and NEXTAUTH_SECRET before lib/env is read. */
export async function prepareLocalEnv(port: number): Promise<RunningDatabase> {
  const database = await resolveDevDatabaseUrl();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_SECRET ??= await localAuthSecret();
  return database;
}

/** For a failure at the top of a command: a thrown non-Error (once, a bare `undefined`) still says what failed. */
export function reportFailure(what: string, error: unknown): void {
  if (error instanceof Error) console.error(`${what}: ${error.message}${process.env.DEBUG ? `\n${error.stack}` : ""}`);
  else console.error(`${what}: ${String(error)} (thrown as a ${typeof error}, not an Error)`);
}

/**
 * A command that does one thing and exits: `main` runs with the database ready and returns the exit
 * code; the connections are closed and the embedded database left (stopped if no one else uses it)
 * afterwards, whatever happens.
 */
export async function runOnce(main: () => Promise<number>): Promise<never> {
  let database: RunningDatabase;
  try {
    database = await prepareLocalEnv(Number(process.env.PORT ?? 3000));
  } catch (error) {
    reportFailure("could not open the database", error);
    process.exit(1);
  }
  let left: Promise<void> | undefined;
  const leave = () =>
    (left ??= (async () => {
      const { db } = await import("../db");
      await db.$disconnect();
      await database.stop().catch((error: unknown) => reportFailure("could not leave the embedded database", error));
    })());
  // Interrupted, it still leaves the embedded cluster properly (stopping it if no one else uses it).
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void leave().finally(() => process.exit(130)));
  let exitCode = 1;
  try {
    exitCode = await main();
  } catch (error) {
    if (error instanceof Error) console.error(error);
    else reportFailure("failed", error);
  } finally {
    await leave();
  }
  process.exit(exitCode);
}
