// Next.js 16's request proxy (the renamed middleware): the security baseline for every response,
// whatever server runs the build — `npm start`'s, plain `next start`, or a standalone build.
//   - a Content-Security-Policy with a fresh nonce per request; Next reads the nonce from the
//     request's copy of the header and puts it on the scripts it renders (a client-sent one is replaced)
//   - the baseline headers (nosniff, framing, referrer, HSTS in production over HTTPS)
//   - a POST/PUT/PATCH/DELETE from another site refused with 403 before any handler runs
//   - lib/request-guard.ts: a malformed percent escape in the path (400 on /api, the not-found page
//     elsewhere) and a declared body over 64 kB (413), before Next routes or reads anything
//   - the client address header: trusted only when our own server stamped it (it alone sees the TCP
//     peer); otherwise worked out from X-Forwarded-For with TRUSTED_PROXY_HOPS, or dropped.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { guardRequest } from "@/lib/request-guard";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/peer-header";
import { baselineHeaders, contentSecurityPolicy, isForeignMutation, routeHeaders } from "@/lib/security";

export function proxy(request: NextRequest): NextResponse {
  const dev = env.NODE_ENV === "development";
  const https = env.NEXTAUTH_URL.startsWith("https:");
  const baseline = baselineHeaders({ production: env.NODE_ENV === "production", https });

  const guard = guardRequest({ rawPath: rawPathOf(request.url), contentLength: request.headers.get("content-length") });
  if (guard.action === "refuse") {
    return NextResponse.json(
      { error: { code: guard.code, message: guard.message } },
      { status: guard.status, headers: { "cache-control": "no-store", ...baseline } },
    );
  }

  const foreign = isForeignMutation({
    method: request.method,
    origin: request.headers.get("origin") ?? undefined,
    host: request.headers.get("host") ?? undefined,
    secFetchSite: request.headers.get("sec-fetch-site") ?? undefined,
  });
  if (foreign) {
    const refused = NextResponse.json(
      { error: { code: "forbidden", message: "This request came from another site and was refused." } },
      { status: 403, headers: { "cache-control": "no-store", ...baseline } },
    );
    return refused;
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev, https });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  forwarded.delete("content-security-policy-report-only");
  if (env.WAYPOINT_CLIENT_ADDRESS !== "stamped") {
    // No server of ours in front: whatever this header says, a client wrote it.
    const address = clientAddress(undefined, request.headers.get("x-forwarded-for") ?? undefined, env.TRUSTED_PROXY_HOPS);
    if (address) forwarded.set(CLIENT_ADDRESS_HEADER, address);
    else forwarded.delete(CLIENT_ADDRESS_HEADER);
  }

  // A path no page can have, so Next answers with the app's not-found page and a 404.
  const response =
    guard.action === "not-found-page"
      ? NextResponse.rewrite(new URL("/_not-found", request.url), { request: { headers: forwarded } })
      : NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries({ ...baseline, ...routeHeaders(request.nextUrl.pathname) })) response.headers.set(name, value);
  return response;
}

/** The path as the client sent it, escapes undecoded (the URL parser keeps even invalid ones). */
function rawPathOf(url: string): string {
  return new URL(url).pathname;
}

export const config = {
  // Everything: pages, route handlers, not-found answers and the build's assets (nosniff matters there).
  matcher: "/:path*",
};
