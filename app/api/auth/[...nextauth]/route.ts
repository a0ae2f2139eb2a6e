import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { AppError, errorResponse } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/peer-header";
import { emailOfSignInRequest, limitSignInEmail } from "@/lib/rate-limit";
import { tooManySignInEmailsMessage } from "@/lib/sign-in-mail";
import { otherMethods } from "@/lib/http";

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

const handler = NextAuth(authOptions);

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  // next-auth takes the action and provider from the first two segments and ignores the rest, so
  // /signin/email/anything sends mail too. Only these requests send mail; nothing else is counted.
  if (nextauth[0] === "signin" && nextauth[1] === "email") {
    // The client address is stamped by lib/cli/server.ts, which overwrites any client-sent value.
    const decision = await limitSignInEmail(await emailOfSignInRequest(request), request.headers.get(CLIENT_ADDRESS_HEADER));
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

export { handler as GET };

// Any other method: a 405 in the one error shape, with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
