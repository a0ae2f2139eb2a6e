// Sign-in email rate limits (ASVS 6.3.1): a few magic-link requests per address and per client IP in
// each 15-minute window. The counts live in PostgreSQL ("SignInRateLimit", created by a migration),
// so every app instance sees the same ones. The limiter fails closed: when the counts can't be read
// or written, the request is refused rather than let through unlimited.
import { createHmac } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { parseEmailAddress } from "./email-address";
import { env } from "./env";

export const SIGN_IN_LIMIT_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMIT_TABLE = "SignInRateLimit";
/** What a client is told to wait when the limiter's storage is down. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 60;

export type SignInLimitDecision = { ok: true } | { ok: false; reason: "limited" | "unavailable"; retryAfterSeconds: number };

export interface SignInLimiterOptions {
  pool: pg.Pool;
  /** Requests allowed per address, and per client IP, in each window. */
  perAddress: number;
  perIp: number;
  /** Keys the hash that stands in for the address in the table. */
  secret: string;
}

export type SignInLimiter = (email: string | null, ip: string | null) => Promise<SignInLimitDecision>;

export function createSignInLimiter({ pool, perAddress, perIp, secret }: SignInLimiterOptions): SignInLimiter {
  const limiter = (keyPrefix: "addr" | "ip", points: number) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: SIGN_IN_LIMIT_TABLE,
      // The migration made the table; the library must not run DDL from the app at runtime.
      tableCreated: true,
      keyPrefix,
      points,
      duration: SIGN_IN_LIMIT_WINDOW_SECONDS,
    });
  const byAddress = limiter("addr", perAddress);
  const byIp = limiter("ip", perIp);

  // An HMAC, not the address: rows outlive their window by up to an hour and belong to no account
  // (deleting one couldn't find them), and an address may be longer than the 255-character key.
  // The sign-in route passes only addresses parseEmailAddress accepted; anything else is keyed as
  // trimmed lower case, so no spelling of one address gets its own count.
  const addressKey = (email: string) => {
    const parsed = parseEmailAddress(email);
    return createHmac("sha256", secret).update(parsed.ok ? parsed.address.address : email.trim().toLowerCase()).digest("base64url");
  };

  return async (email, ip) => {
    try {
      // The IP first: a client already over its own limit must not go on using up someone's address.
      // Without a client address (not served by lib/cli/server.ts) every such request shares one count.
      await byIp.consume(ip || "unknown");
      if (email && email.trim()) await byAddress.consume(addressKey(email));
      return { ok: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { ok: false, reason: "limited", retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      console.error("[rate-limit] sign-in limiter storage failed; refusing the request", rejection);
      return { ok: false, reason: "unavailable", retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
    }
  };
}

/**
 * A small pool of the limiter's own. A stuck database must refuse sign-in requests within seconds,
 * not hang them: the server cancels a statement after 5 s (a lock wait included), and the client
 * gives up on a connection or an answer that doesn't come.
 */
export function createSignInLimiterPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 5_000,
    query_timeout: 7_000,
  });
  // An idle client's connection dropping is reported here; unhandled, it would end the process.
  pool.on("error", (error) => console.error("[rate-limit] idle connection error", error));
  return pool;
}

// Created on first use (not at import, so `next build` opens nothing), and kept on globalThis so
// Next's development reloads don't open a pool per reload.
const globalForLimiter = globalThis as unknown as { waypointSignInLimiter?: SignInLimiter };

function signInLimiter(): SignInLimiter {
  globalForLimiter.waypointSignInLimiter ??= createSignInLimiter({
    pool: createSignInLimiterPool(env.DATABASE_URL),
    perAddress: env.SIGNIN_LIMIT_PER_ADDRESS,
    perIp: env.SIGNIN_LIMIT_PER_IP,
    secret: env.NEXTAUTH_SECRET,
  });
  return globalForLimiter.waypointSignInLimiter;
}

/** Counts one sign-in email request against `email` and the client `ip`. */
export const limitSignInEmail: SignInLimiter = (email, ip) => signInLimiter()(email, ip);

/**
 * The address a sign-in email request asks for, read as next-auth reads it (a JSON or form-urlencoded
 * body's `email`), from a copy of the request so next-auth can still read the original.
 */
export async function emailOfSignInRequest(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.clone().json();
      const email = typeof body === "object" && body !== null ? (body as { email?: unknown }).email : undefined;
      return typeof email === "string" ? email : null;
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      // The last value, as next-auth takes it (Object.fromEntries): counting the first of two would let
      // `email=decoy&email=victim` past the victim's limit.
      return new URLSearchParams(await request.clone().text()).getAll("email").at(-1) ?? null;
    }
  } catch {
    // An unreadable body: next-auth refuses it too; the request still counts against the IP.
  }
  return null;
}
