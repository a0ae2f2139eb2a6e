// Response hardening decided in one place, applied by proxy.ts to every response, whatever server
// runs the build. Pure: no I/O, so the policy itself is unit-tested.

/**
 * The Content-Security-Policy for one response. Scripts run only with this response's nonce
 * ('strict-dynamic' lets those load Next's chunks); no plugins, no framing, forms and fetches to
 * ourselves only. Next reads the nonce from the request's copy of this header and puts it on its
 * own scripts. Styles stay 'unsafe-inline': React and the email preview set style attributes.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Next's dev server evaluates modules; never in a production build.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response gets, besides the CSP. HSTS only where it means something: production over HTTPS. */
export function baselineHeaders(options: { production: boolean; https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.production && options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * What one route needs on top of the baseline. The public progress page's URL and the calendar
 * feed's are their only keys: they must not travel in a Referer header, and search engines must
 * not list them.
 */
export function routeHeaders(pathname: string): Record<string, string> {
  // An invitation link is a credential too (lib/partners): it mustn't leave in a Referer.
  if (pathname.startsWith("/p/") || pathname.startsWith("/api/calendar/") || pathname.startsWith("/partners/invite/"))
    return { "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" };
  return {};
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a request that changes state comes from somewhere else [ASVS 3.5.3]. A browser names the
 * page's origin on every cross-origin request that can change state; it must be this host. No
 * Origin at all is a non-browser client (a mail provider's one-click unsubscribe, curl), which a
 * page on another site can't make a browser send.
 */
export function isForeignMutation(request: {
  method: string;
  origin: string | undefined;
  host: string | undefined;
  secFetchSite: string | undefined;
}): boolean {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.secFetchSite === "cross-site") return true;
  if (!request.origin) return false;
  if (request.origin === "null") return true;
  try {
    return new URL(request.origin).host !== request.host;
  } catch {
    return true;
  }
}
