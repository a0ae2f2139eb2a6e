import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { parseEmailAddress } from "@/lib/email-address";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/peer-header";
import { emailOfSignInRequest, limitSignInEmail } from "@/lib/rate-limit";
import { sameOriginPath } from "@/lib/same-origin-path";
import { confirmInsteadOfCallback, tooManySignInEmailsMessage } from "@/lib/sign-in-mail";
import { otherMethods } from "@/lib/http";

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

// next-auth v4 types its App Router handler as `any`; this is the shape it is called with.
const handler = NextAuth(authOptions) as (request: NextRequest, context: Context) => Promise<Response>;

/** The email callback signs in: only from this site's own confirmation page (lib/sign-in-mail.ts). */
function refuseCrossSiteEmailCallback(request: NextRequest, nextauth: string[]): Response | null {
  if (nextauth[0] !== "callback" || nextauth[1] !== "email") return null;
  const confirm = confirmInsteadOfCallback(request);
  return confirm ? new Response(null, { status: 303, headers: { location: confirm, "cache-control": "no-store" } }) : null;
}

/**
 * The request with its query's callbackUrl made a same-origin path (lib/same-origin-path.ts) before
 * next-auth reads it: next-auth answers 500 to one it can't parse ("javascript:…", " //host"), and its
 * redirect callback (lib/auth.ts) checks only what it goes on to follow.
 */
async function withSameOriginCallback(request: NextRequest): Promise<NextRequest> {
  const value = request.nextUrl.searchParams.get("callbackUrl");
  if (value === null) return request;
  const safe = sameOriginPath(value, env.NEXTAUTH_URL, "/");
  if (safe === value && request.nextUrl.searchParams.getAll("callbackUrl").length === 1) return request;
  const url = new URL(request.nextUrl.href);
  url.searchParams.set("callbackUrl", safe);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

export async function GET(original: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  const request = await withSameOriginCallback(original);
  return refuseCrossSiteEmailCallback(request, nextauth) ?? handler(request, context);
}

export async function POST(original: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  const request = await withSameOriginCallback(original);
  const refused = refuseCrossSiteEmailCallback(request, nextauth);
  if (refused) return refused;
  // next-auth takes the action and provider from the first two segments and ignores the rest, so
  // /signin/email/anything sends mail too. Only these requests send mail; nothing else is counted.
  if (nextauth[0] === "signin" && nextauth[1] === "email") {
    // One plain address, checked before anything counts or sends: a list, a display name or CR/LF
    // would otherwise reach the limiter as one key and the mailer as several recipients. next-auth
    // reads the same field (the last of repeated ones) and normalises it with the same rule.
    const address = parseEmailAddress(await emailOfSignInRequest(request));
    if (!address.ok) {
      const response = errorResponse(new AppError("bad_request", address.message, { email: [address.message] }));
      response.headers.set("cache-control", "no-store");
      return response;
    }
    // The client address is stamped by lib/cli/server.ts, which overwrites any client-sent value.
    const decision = await limitSignInEmail(address.address.address, request.headers.get(CLIENT_ADDRESS_HEADER));
    if (!decision.ok) {
      const response = errorResponse(
        decision.reason === "limited"
          ? new AppError("rate_limited", tooManySignInEmailsMessage(decision.retryAfterSeconds))
          : new AppError("unavailable", "Sign-in emails can't be sent just now. Try again in a minute."),
      );
      response.headers.set("retry-after", String(decision.retryAfterSeconds));
      response.headers.set("cache-control", "no-store");
      return response;
    }
  }
  return handler(request, context);
}

// Any other method: a 405 in the one error shape, with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
