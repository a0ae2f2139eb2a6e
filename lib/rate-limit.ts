// Rate limits, counted in PostgreSQL by rate-limiter-flexible so every app instance sees the same
// counts, and failing closed: when the counts can't be read or written, the request is refused
// rather than let through unlimited.
// - Sign-in emails (ASVS 6.3.1): a few magic-link requests per address and per client IP in each
//   15-minute window ("SignInRateLimit", created by a migration).
// - The costly signed-in actions, per user (USER_LIMITS, "UserRateLimit").
import { createHmac } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "./errors";
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
    return createHmac("sha256", secret)
      .update(parsed.ok ? parsed.address.address : email.trim().toLowerCase())
      .digest("base64url");
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
const globalForLimiter = globalThis as unknown as {
  waypointSignInLimiter?: SignInLimiter;
  waypointLimiterPool?: pg.Pool;
  waypointUserLimiter?: UserLimiter;
};

function limiterPool(): pg.Pool {
  globalForLimiter.waypointLimiterPool ??= createSignInLimiterPool(env.DATABASE_URL);
  return globalForLimiter.waypointLimiterPool;
}

function signInLimiter(): SignInLimiter {
  globalForLimiter.waypointSignInLimiter ??= createSignInLimiter({
    pool: limiterPool(),
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

// ---------- per-user limits on the costly signed-in actions ----------

export const USER_LIMIT_TABLE = "UserRateLimit";

/**
 * Each costly action's allowance per user and window: several times what a person does (a check-in
 * or two a day; an export now and then), far below what a script does (the unlimited routes ran
 * 45–180 requests a second).
 */
export const USER_LIMITS = {
  /** GET /api/me/export: the whole account as JSON. */
  export: { points: 10, durationSeconds: 60 * 60, message: "data exports" },
  /** POST /api/checkins: check-ins stored (replays of a stored one and refused ones don't count). */
  checkIn: { points: 30, durationSeconds: 60 * 60, message: "check-ins" },
  /** The /digest page: composes this week's email. */
  digestPreview: { points: 60, durationSeconds: 60 * 60, message: "email previews" },
  /** POST /api/me/public-page: a new public link. */
  publicLink: { points: 10, durationSeconds: 60 * 60, message: "new public links" },
  /** POST /api/me/calendar-feed: a new calendar feed link. */
  calendarLink: { points: 10, durationSeconds: 60 * 60, message: "new calendar links" },
  /** POST /api/me/partners/invitations: an email to someone else's address. */
  partnerInvite: { points: 10, durationSeconds: 60 * 60, message: "partner invitations" },
  /** POST /api/following/[ownerId]/notes: kudos and comments left for someone. */
  partnerNote: { points: 60, durationSeconds: 60 * 60, message: "kudos and comments" },
} as const;

export type UserLimitName = keyof typeof USER_LIMITS;

export type UserLimitDecision = { ok: true } | { ok: false; reason: "limited" | "unavailable"; retryAfterSeconds: number };

export interface UserLimiter {
  consume(name: UserLimitName, userId: string): Promise<UserLimitDecision>;
  /** Gives back one point: the request turned out not to cost what was counted. */
  refund(name: UserLimitName, userId: string): Promise<void>;
}

export function createUserLimiter(
  pool: pg.Pool,
  limits: Record<UserLimitName, { points: number; durationSeconds: number }> = USER_LIMITS,
): UserLimiter {
  const limiters = new Map(
    (Object.keys(limits) as UserLimitName[]).map((name) => [
      name,
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: USER_LIMIT_TABLE,
        // The migration made the table; the library must not run DDL from the app at runtime.
        tableCreated: true,
        keyPrefix: name,
        points: limits[name].points,
        duration: limits[name].durationSeconds,
      }),
    ]),
  );
  const limiter = (name: UserLimitName) => limiters.get(name)!;
  return {
    async consume(name, userId) {
      try {
        await limiter(name).consume(userId);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { ok: false, reason: "limited", retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        console.error(`[rate-limit] ${name} limiter storage failed; refusing the request`, rejection);
        return { ok: false, reason: "unavailable", retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
      }
    },
    async refund(name, userId) {
      try {
        await limiter(name).reward(userId, 1);
      } catch (error) {
        // The user keeps one point less until the window ends; not worth failing their request.
        console.error(`[rate-limit] ${name} refund failed`, error);
      }
    },
  };
}

function userLimiter(): UserLimiter {
  globalForLimiter.waypointUserLimiter ??= createUserLimiter(limiterPool());
  return globalForLimiter.waypointUserLimiter;
}

/** The limiter's keys for one user, as rate-limiter-flexible writes them (deleted with the account). */
export const userLimitKeys = (userId: string): string[] => (Object.keys(USER_LIMITS) as UserLimitName[]).map((name) => `${name}:${userId}`);

/** Minutes, rounded up, for a person to read. */
const inMinutes = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
};

/** What the user is told when refused: 429 (or 503 when the counts can't be read), with Retry-After. */
export function userLimitError(name: UserLimitName, decision: Exclude<UserLimitDecision, { ok: true }>): AppError {
  const headers = { "retry-after": String(decision.retryAfterSeconds) };
  if (decision.reason === "unavailable")
    return new AppError("unavailable", "This can't be done just now. Try again in a minute.", undefined, headers);
  return new AppError(
    "rate_limited",
    `Too many ${USER_LIMITS[name].message} for now. Try again in ${inMinutes(decision.retryAfterSeconds)}.`,
    undefined,
    headers,
  );
}

/** Counts one `name` action for the user; refused past the limit. For pages, which show the refusal themselves. */
export const consumeUserLimit = (name: UserLimitName, userId: string): Promise<UserLimitDecision> => userLimiter().consume(name, userId);

/**
 * Runs `action` as one `name` action of the user's, refused with a 429 past the limit. A failed
 * action, or one `counts` says cost nothing (a replayed check-in), is given back.
 */
export async function withUserLimit<T>(
  name: UserLimitName,
  userId: string,
  action: () => Promise<T>,
  counts: (result: T) => boolean = () => true,
): Promise<T> {
  const limiter = userLimiter();
  const decision = await limiter.consume(name, userId);
  if (!decision.ok) throw userLimitError(name, decision);
  let result: T;
  try {
    result = await action();
  } catch (error) {
    await limiter.refund(name, userId);
    throw error;
  }
  if (!counts(result)) await limiter.refund(name, userId);
  return result;
}
