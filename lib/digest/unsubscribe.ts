// Unsubscribe links: a signed token naming the user, so the link works without signing in and only
// ever for that user. No expiry: an unsubscribe link in a months-old email must still work.
import "server-only";
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import { db } from "../db";
import { env } from "../env";

const PURPOSE = "digest-unsubscribe";
// A key of its own, derived from the app secret, so a token made here is useless anywhere else.
const secret = `${env.NEXTAUTH_SECRET}:${PURPOSE}`;
// node:crypto's signing key, made once: given the string, createHmac would import it for every token.
const signingKey = createSecretKey(Buffer.from(secret));

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256" })).toString("base64url");

/**
 * A compact HS256 JWT, {"purpose", "sub"}: byte for byte what jose's SignJWT makes (a test holds it to
 * that, and to jose's verification), made and checked with node:crypto's HMAC. Every weekly email
 * carries one, and jose's asynchronous WebCrypto signing cost a digest batch more than composing
 * its emails.
 */
export function unsubscribeToken(userId: string): string {
  const signingInput = `${HEADER}.${base64url(JSON.stringify({ purpose: PURPOSE, sub: userId }))}`;
  return `${signingInput}.${signatureOf(signingInput).toString("base64url")}`;
}

const base64url = (text: string) => Buffer.from(text).toString("base64url");
const signatureOf = (signingInput: string) => createHmac("sha256", signingKey).update(signingInput).digest();

/**
 * The user id a token was made for, or null for anything forged, altered or made for another purpose.
 * Only this file's own header is accepted (so no other algorithm can be asked for), and each part must
 * be canonical base64url: Node's decoder skips stray characters, which would let altered text pass.
 */
export function userOfUnsubscribeToken(token: string): Promise<string | null> {
  // A promise still, as when WebCrypto checked it: the callers need not care how it is checked.
  return Promise.resolve(verifiedUser(token));
}

function verifiedUser(token: string): string | null {
  const [header, payload, signature, ...rest] = token.split(".");
  if (header !== HEADER || !payload || !signature || rest.length > 0) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = signatureOf(`${header}.${payload}`);
  if (given.toString("base64url") !== signature || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.toString("base64url") !== payload) return null;
  try {
    const claims = JSON.parse(bytes.toString("utf8")) as { purpose?: unknown; sub?: unknown } | null;
    return claims?.purpose === PURPOSE && typeof claims.sub === "string" ? claims.sub : null;
  } catch {
    return null;
  }
}

/** Turns the digest off for the token's user; false when the token is not valid (or the user is gone). */
export async function unsubscribe(token: string): Promise<{ email: string } | null> {
  const userId = await userOfUnsubscribeToken(token);
  if (!userId) return null;
  const updated = await db.user.updateMany({ where: { id: userId }, data: { digestEnabled: false } });
  if (updated.count === 0) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return user;
}

/** Who a token is for, to show on the confirmation page before anything changes. */
export async function unsubscribeTarget(token: string): Promise<{ email: string; digestEnabled: boolean } | null> {
  const userId = await userOfUnsubscribeToken(token);
  if (!userId) return null;
  return db.user.findUnique({ where: { id: userId }, select: { email: true, digestEnabled: true } });
}
