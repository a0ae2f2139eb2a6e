// next-auth (v4): Prisma adapter, database sessions, email magic links; GitHub/Google when configured.
import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { cache } from "react";
import { db } from "./db";
import { normalizeEmailAddress, parseEmailAddress } from "./email-address";
import { env } from "./env";
import { unauthenticated } from "./errors";
import { sameOriginPath } from "./same-origin-path";
import { sendMail } from "./mail";
import { confirmLinkFor, magicLinkMail } from "./sign-in-mail";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;
/** A session lasts 30 days from its last extension; it is extended at most once a day. */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;
const useSecureCookies = env.NEXTAUTH_URL.startsWith("https://");
/** next-auth's own name for the session cookie (we don't rename it). */
const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

const providers: AuthOptions["providers"] = [
  EmailProvider({
    // Links are single-use (the adapter deletes the token when it is used) and short-lived.
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
    from: env.EMAIL_FROM,
    normalizeIdentifier: normalizeEmailAddress,
    // The email links to the confirmation page, which a mail scanner can open without using the link.
    sendVerificationRequest: async ({ identifier, url }) => {
      // identifier has been through normalizeIdentifier already; parsed again for the address type.
      const to = parseEmailAddress(identifier);
      if (!to.ok) throw new Error(to.message);
      await sendMail({ to: to.address, ...magicLinkMail(confirmLinkFor(url), new URL(env.NEXTAUTH_URL).host) });
    },
  }),
];
if (env.GITHUB_ID && env.GITHUB_SECRET) {
  providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
}
if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
  providers.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
}

export const authOptions: AuthOptions = {
  // @auth/prisma-adapter speaks the same adapter protocol as next-auth v4 (and their types now agree).
  adapter: PrismaAdapter(db),
  providers,
  secret: env.NEXTAUTH_SECRET,
  // Under HTTPS the session cookie is Secure and "__Secure-" prefixed; it is HttpOnly and SameSite=Lax always.
  useSecureCookies,
  // Database sessions: signing out deletes the row, so an old cookie is worthless afterwards.
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  callbacks: {
    session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
    // Every callbackUrl next-auth follows (after sign-in, in the email's link, after sign-out): a
    // path on this site. Its default keeps any value that merely starts with "/", "/\evil.example" too.
    redirect: ({ url, baseUrl }) => `${baseUrl}${sameOriginPath(url, baseUrl, "/")}`,
  },
};

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The signed-in user for this request, or null. Cached per request (within a page render).
 *
 * next-auth's getServerSession does the same for a database session but costs this process about
 * twice as much on every request (it copies every header and cookie, builds its whole options and
 * a CSRF token for a GET), and every signed-in route and page starts here. The rules are next-auth's
 * (core/routes/session.js): a session past its expiry is deleted and counts as none; one extended
 * more than SESSION_UPDATE_AGE_SECONDS ago is extended to SESSION_MAX_AGE_SECONDS from now. Signing
 * in and out stay next-auth's.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  // One statement: Prisma reads a relation with a second one, and this runs on every signed-in request.
  const [session] = await db.$queryRaw<{ expires: Date; id: string; email: string; name: string | null }[]>`
    select s.expires, u.id, u.email, u.name from "Session" s join "User" u on u.id = s."userId"
    where s."sessionToken" = ${token}`;
  if (!session) return null;
  const now = Date.now();
  if (session.expires.getTime() < now) {
    await db.session.deleteMany({ where: { sessionToken: token } });
    return null;
  }
  if (session.expires.getTime() - SESSION_MAX_AGE_SECONDS * 1000 + SESSION_UPDATE_AGE_SECONDS * 1000 <= now) {
    await db.session.updateMany({ where: { sessionToken: token }, data: { expires: new Date(now + SESSION_MAX_AGE_SECONDS * 1000) } });
  }
  return { id: session.id, email: session.email, name: session.name };
});

/** For route handlers: the signed-in user, or an AppError that becomes a 401. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}

/** Where a signed-out visitor goes to sign in and come back to `path`. */
export function signInPath(path: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(path)}`;
}

/** For pages: the signed-in user, or a redirect to sign in that comes back to `path`. */
export async function requirePageUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(path));
  return user;
}

export const oauthProviders = {
  github: Boolean(env.GITHUB_ID && env.GITHUB_SECRET),
  google: Boolean(env.GOOGLE_ID && env.GOOGLE_SECRET),
};
