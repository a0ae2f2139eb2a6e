// What proxy.ts refuses before Next routes a request. Pure (no I/O), so each rule is unit-tested.
//
// - A malformed percent escape in the path (`%ZZ`, `%FF`, `%C0%80`): Next decodes dynamic segments
//   with decodeURIComponent while matching routes, and its own 400 for the DecodeError then fails to
//   render in an App Router app, so the client got a bare 500. Caught here, an /api path gets our
//   400 and a page gets the not-found page.
// - A declared body over the JSON cap: refused from its Content-Length alone, nothing read.

/** The largest request body any route takes (a check-in with a 2,000-character note is ~3 kB). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Next's proxy keeps a copy of each request body (so both the proxy and the handler can read it)
 * up to `experimental.proxyClientMaxBodySize`, silently dropping the rest. The copy's cap is the
 * body cap plus one socket read (Node reads at most 64 KiB at a time): a body that overflows the
 * copy still leaves more than BODY_LIMIT_BYTES in it, so the handler's capped read (lib/http.ts)
 * sees it is too large instead of parsing a truncated prefix.
 */
export const PROXY_BODY_COPY_BYTES = BODY_LIMIT_BYTES + 64 * 1024;

/** True when some percent escape in the raw (undecoded) path can't be decoded as UTF-8. */
export function hasMalformedEscape(rawPath: string): boolean {
  if (!rawPath.includes("%")) return false;
  // Segment by segment, as Next decodes them: an encoded slash (%2F) inside one is fine.
  for (const segment of rawPath.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** A Content-Length over the cap (or not a length at all: Node refuses those before we see them). */
export function declaresTooLargeBody(contentLength: string | null): boolean {
  if (contentLength === null) return false;
  const length = Number(contentLength);
  return !Number.isSafeInteger(length) || length > BODY_LIMIT_BYTES;
}

export type GuardDecision =
  | { action: "pass" }
  /** Answer at once with our JSON error shape. */
  | { action: "refuse"; status: 400 | 413; code: "bad_request" | "payload_too_large"; message: string }
  /** A page address that can't name anything: show the app's not-found page. */
  | { action: "not-found-page" };

export const PAYLOAD_TOO_LARGE_MESSAGE = `The request body is too large (at most ${BODY_LIMIT_BYTES / 1024} kB).`;

export function guardRequest(request: { rawPath: string; contentLength: string | null }): GuardDecision {
  const api = request.rawPath === "/api" || request.rawPath.startsWith("/api/");
  if (hasMalformedEscape(request.rawPath)) {
    return api
      ? { action: "refuse", status: 400, code: "bad_request", message: "The address contains a malformed percent escape." }
      : { action: "not-found-page" };
  }
  if (declaresTooLargeBody(request.contentLength)) {
    return { action: "refuse", status: 413, code: "payload_too_large", message: PAYLOAD_TOO_LARGE_MESSAGE };
  }
  return { action: "pass" };
}
