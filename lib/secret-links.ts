// Unguessable links that open one user's data without a session: the public progress page
// (/p/<token>) and the private calendar feed (/api/calendar/<token>.ics). One mechanism for both:
// a token of 32 random bytes, of which only the SHA-256 is stored, so the link is shown once, when
// it is made; making a new one or turning the link off makes the old one 404 at once. Every
// function takes the user it acts for, except userOfSecretLink: the token is the only credential.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "./db";
import { notFound } from "./errors";

export type SecretLinkKind = "public_page" | "calendar_feed";

/** 32 random bytes, base64url without padding: exactly 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const isSecretToken = (token: string): boolean => TOKEN_SHAPE.test(token);

/**
 * Only this hash is stored: someone who reads the database (or a backup) can't open anyone's link.
 * A plain SHA-256 is enough, unlike a password's: the token has 256 random bits, nothing to guess.
 */
export const hashSecretToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** A new token and the hash to store for it: the links here, and partner invitations (lib/partners). */
export function makeSecretToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashSecretToken(token) };
}

/** The User columns each kind lives in, written out so Prisma checks every one. */
const columns = {
  public_page: {
    set: (hash: string | null, since: Date | null) => ({ publicTokenHash: hash, publicSince: since }),
    byHash: (hash: string) => ({ publicTokenHash: hash }),
  },
  calendar_feed: {
    set: (hash: string | null, since: Date | null) => ({ calendarTokenHash: hash, calendarSince: since }),
    byHash: (hash: string) => ({ calendarTokenHash: hash }),
  },
} as const;

export interface SecretLinkStatus {
  enabled: boolean;
  /** When the current link was made. */
  since: Date | null;
}

/**
 * Makes a new link of this kind, replacing any earlier one (which stops working at once). The token
 * leaves the server only in this answer: it can't be shown again later.
 */
export async function issueSecretLink(
  userId: string,
  kind: SecretLinkKind,
  now: Date = new Date(),
): Promise<{ token: string; since: Date }> {
  const { token, hash } = makeSecretToken();
  const { count } = await db.user.updateMany({ where: { id: userId }, data: columns[kind].set(hash, now) });
  if (count === 0) throw notFound("No such user.");
  return { token, since: now };
}

/** Turns the link off: it answers 404 from now on. Turning it off twice is not an error. */
export async function revokeSecretLink(userId: string, kind: SecretLinkKind): Promise<void> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: columns[kind].set(null, null) });
  if (count === 0) throw notFound("No such user.");
}

export async function secretLinkStatus(userId: string, kind: SecretLinkKind): Promise<SecretLinkStatus> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { publicTokenHash: true, publicSince: true, calendarTokenHash: true, calendarSince: true },
  });
  if (!user) throw notFound("No such user.");
  return kind === "public_page"
    ? { enabled: user.publicTokenHash !== null, since: user.publicSince }
    : { enabled: user.calendarTokenHash !== null, since: user.calendarSince };
}

/**
 * The user a token opens, or null (never made, turned off, replaced, or not a token's shape — that
 * last without a query). One indexed lookup on the unique hash.
 */
export async function userOfSecretLink(kind: SecretLinkKind, token: string): Promise<string | null> {
  if (!isSecretToken(token)) return null;
  const user = await db.user.findUnique({ where: columns[kind].byHash(hashSecretToken(token)), select: { id: true } });
  return user?.id ?? null;
}
