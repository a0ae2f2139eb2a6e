// @ts-check
/// <reference lib="webworker" />
// Waypoint's service worker: keeps the check-in screen usable without a connection. Hand-written
// rather than Serwist: it needs three rules (the check-in page network-first with a cached copy,
// Next's immutable build assets cache-first, everything else untouched) and no build step, while
// Serwist's Turbopack integration adds a route handler and an esbuild pass for precaching we don't use.
// Check-ins themselves never pass through here: the page queues them in IndexedDB and sends them.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const VERSION = "v1";
const PAGES = `waypoint-pages-${VERSION}`;
const ASSETS = `waypoint-assets-${VERSION}`;
/** Pages kept for offline use. Signed-in HTML: the sign-out button deletes the waypoint-pages-* caches. */
const OFFLINE_PAGES = ["/checkin"];

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
  const html = await response.clone().text();
  await (await caches.open(PAGES)).put(path, response);
  const assets = await caches.open(ASSETS);
  await Promise.all(
    assetUrls(html).map(async (url) => {
      if (await assets.match(url)) return;
      const asset = await fetch(url).catch(() => null);
      if (asset?.ok) await assets.put(url, asset);
    }),
  );
}

sw.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all(OFFLINE_PAGES.map((path) => fetch(path, { credentials: "same-origin" }).then((r) => keepPage(path, r)).catch(() => {}))).then(() =>
      sw.skipWaiting(),
    ),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("waypoint-") && k !== PAGES && k !== ASSETS).map((k) => caches.delete(k))))
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

  // The check-in page: the live one when the network answers, else the last copy.
  if (request.mode === "navigate" && OFFLINE_PAGES.includes(url.pathname)) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          event.waitUntil(keepPage(url.pathname, response.clone()));
          return response;
        })
        .catch(async () => (await caches.match(url.pathname, { cacheName: PAGES })) ?? Response.error()),
    );
  }
});
