// Unsubscribe links: a signed token naming the user, so the link works without signing in and only
// ever for that user. No expiry: an unsubscribe link in a months-old email must still work.
import { jwtVerify, SignJWT } from "jose";
import { db } from "../db";
import { env } from "../env";

const PURPOSE = "digest-unsubscribe";
// A key of its own, derived from the app secret, so a token made here is useless anywhere else.
// Imported once as a CryptoKey: given raw bytes, jose imports them again for every token.
const key = crypto.subtle.importKey("raw", new TextEncoder().encode(`${env.NEXTAUTH_SECRET}:${PURPOSE}`), { name: "HMAC", hash: "SHA-256" }, false, [
  "sign",
  "verify",
]);

export async function unsubscribeToken(userId: string): Promise<string> {
  return new SignJWT({ purpose: PURPOSE }).setProtectedHeader({ alg: "HS256" }).setSubject(userId).sign(await key);
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
