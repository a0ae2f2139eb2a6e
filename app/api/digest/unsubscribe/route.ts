import { NextResponse } from "next/server";
import { unsubscribe } from "@/lib/digest/unsubscribe";
import { AppError } from "@/lib/errors";
import { handle, json, otherMethods } from "@/lib/http";

/**
 * Turns the weekly email off for the user the signed token names. No sign-in: mail clients POST
 * `List-Unsubscribe=One-Click` here (RFC 8058), and the /unsubscribe page's button posts here too.
 * Only POST changes anything; the token works for its own user and nobody else.
 */
export const POST = handle(async (request: Request) => {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const form = (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded") ? await request.formData() : null;
  const fromPage = form?.get("from") === "page";
  const done = token.length > 0 && token.length < 2048 ? await unsubscribe(token) : null;
  if (fromPage) {
    // The page's form: back to the page, which says what happened.
    const target = new URL("/unsubscribe", url);
    target.searchParams.set(done ? "done" : "invalid", "1");
    return NextResponse.redirect(target, 303);
  }
  if (!done) throw new AppError("bad_request", "This unsubscribe link is not valid.");
  return json({ unsubscribed: true });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
