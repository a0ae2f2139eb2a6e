// Where the app may send someone after signing in or out: a path on this site, never another origin.
// Pure, for every callbackUrl (the sign-in page, the email's link, sign-out, next-auth's redirect
// callback). Browsers resolve a Location the WHATWG way, so the value is resolved the same way and
// judged by the origin that comes out, not by how it starts: "/\evil.example", "/\t/evil.example"
// and " //evil.example" all begin with "/" and all lead to evil.example.

/** The longest callbackUrl taken; a longer one is not a path this app makes. */
const MAX_LENGTH = 2048;

/** `value` as a same-origin path ("/dashboard?x#y") if it resolves to `origin`, else `fallback`. */
export function sameOriginPath(value: unknown, origin: string, fallback: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return fallback;
  // "/.//evil.example" resolves on this origin to the path "//evil.example", which, sent on as a bare
  // path, a browser reads as another host.
  if (url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
