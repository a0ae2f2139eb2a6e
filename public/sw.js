// @ts-check
/// <reference lib="webworker" />
// Waypoint's service worker: keeps the check-in screen and the dashboard readable without a
// connection. Hand-written rather than Serwist: it needs three rules (those two pages network-first
// with the last copy seen kept, marked with when it was saved,
// Next's immutable build assets cache-first, everything else untouched) and no build step, while
// Serwist's Turbopack integration adds a route handler and an esbuild pass for precaching we don't use.
// Check-ins themselves never pass through here: the page queues them in IndexedDB and sends them.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

// v2: the dashboard joined the offline pages; a new version activates at once and drops v1's caches.
const VERSION = "v2";
const PAGES = `waypoint-pages-${VERSION}`;
const ASSETS = `waypoint-assets-${VERSION}`;
/** Pages kept for offline use. Signed-in HTML: signing out (and deleting the account) deletes the waypoint-pages-* caches. */
const OFFLINE_PAGES = ["/checkin", "/dashboard"];
/** When a kept copy was saved: a header on the cached response, and a meta tag on the page served from it. */
const SAVED_AT_HEADER = "x-waypoint-saved-at";
const SAVED_AT_META = "waypoint-saved-at";

/**
 * Build assets a page refers to, in its HTML or in the React Server Components payload inlined in it.
 * @param {string} html
 */
function assetUrls(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[\w.~%/-]+/g)) {
    const path = match[0].startsWith("/_next/") ? match[0] : `/_next/${match[0]}`;
    urls.add(path.replace(/\\+$/, ""));
  }
  return [...urls];
}

/**
 * Stores a fresh copy of an offline page and the assets it needs; a redirect (signed out) is not kept.
 * @param {string} path
 * @param {Response} response
 */
async function keepPage(path, response) {
  if (!response.ok || response.redirected) return;
  const html = await response.text();
  // The body is stored decoded, so the encoding and length it came with no longer apply.
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  headers.set(SAVED_AT_HEADER, new Date().toISOString());
  await (await caches.open(PAGES)).put(path, new Response(html, { status: 200, headers }));
  const assets = await caches.open(ASSETS);
  await Promise.all(
    assetUrls(html).map(async (url) => {
      if (await assets.match(url)) return;
      const asset = await fetch(url).catch(() => null);
      if (asset?.ok) await assets.put(url, asset);
    }),
  );
}

/**
 * The kept copy with a meta tag saying when it was saved, for the page to show (the dashboard's
 * SavedCopyNotice). In <head>, where React 19's hydration passes over tags it didn't render.
 * @param {Response} saved
 */
async function markedAsSaved(saved) {
  const at = saved.headers.get(SAVED_AT_HEADER);
  // Our own ISO timestamp, checked before it goes into the markup.
  if (!at || !/^[\d:.TZ-]+$/.test(at)) return saved;
  const html = (await saved.text()).replace(/<head[^>]*>/, (head) => `${head}<meta name="${SAVED_AT_META}" content="${at}">`);
  return new Response(html, { status: 200, headers: saved.headers });
}

sw.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all(
      OFFLINE_PAGES.map((path) =>
        fetch(path, { credentials: "same-origin" })
          .then((r) => keepPage(path, r))
          .catch(() => {}),
      ),
    ).then(() => sw.skipWaiting()),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("waypoint-") && k !== PAGES && k !== ASSETS).map((k) => caches.delete(k))),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;

  // Content-hashed, never change: the cache is always right.
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(
      caches.open(ASSETS).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }

  // An offline page: the live one when the network answers, else the last copy, saying when it was saved.
  if (request.mode === "navigate" && OFFLINE_PAGES.includes(url.pathname)) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          event.waitUntil(keepPage(url.pathname, response.clone()));
          return response;
        })
        .catch(async () => {
          const saved = await caches.match(url.pathname, { cacheName: PAGES });
          return saved ? markedAsSaved(saved) : Response.error();
        }),
    );
  }
});
