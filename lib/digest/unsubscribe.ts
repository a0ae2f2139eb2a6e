// Unsubscribe links: a signed token naming the user, so the link works without signing in and only
// ever for that user. No expiry: an unsubscribe link in a months-old email must still work.
import "server-only";
import { createHmac, createSecretKey } from "node:crypto";
import { jwtVerify } from "jose";
import { db } from "../db";
import { env } from "../env";

const PURPOSE = "digest-unsubscribe";
// A key of its own, derived from the app secret, so a token made here is useless anywhere else.
const secret = `${env.NEXTAUTH_SECRET}:${PURPOSE}`;
// node:crypto's signing key, made once: given the string, createHmac would import it for every token.
const signingKey = createSecretKey(Buffer.from(secret));
// Imported once as a CryptoKey for jose's verification: given raw bytes, jose imports them every time.
const key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256" })).toString("base64url");

/**
 * A compact HS256 JWT, {"purpose", "sub"}: byte for byte what jose's SignJWT makes (a unit test holds
 * it to that), signed synchronously with node:crypto. Every weekly email carries one, and jose's
 * asynchronous WebCrypto signing cost a digest batch more than composing its emails.
 */
export function unsubscribeToken(userId: string): string {
  const signingInput = `${HEADER}.${Buffer.from(JSON.stringify({ purpose: PURPOSE, sub: userId })).toString("base64url")}`;
  return `${signingInput}.${createHmac("sha256", signingKey).update(signingInput).digest("base64url")}`;
}

/** The user id a token was made for, or null for anything forged, altered or made for another purpose. */
export async function userOfUnsubscribeToken(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, await key, { algorithms: ["HS256"] });
    return payload.purpose === PURPOSE && typeof payload.sub === "string" ? payload.sub : null;
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
