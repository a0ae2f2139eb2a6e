// Going offline in Playwright with the service worker in play: shared by the check-in and offline specs.
import type { BrowserContext, Page, Route } from "@playwright/test";

// Playwright's offline switch doesn't reach requests a service worker makes (microsoft/playwright#2311);
// with service-worker network events on (playwright.config.ts), those are cut here by hand.
const cutServiceWorker = (route: Route) => (route.request().serviceWorker() ? route.abort("internetdisconnected") : route.continue());

/** Opens /checkin once the service worker has installed, copied the page and its assets, and controls it. */
export async function openControlledCheckIn(page: Page) {
  await page.goto("/checkin");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  });
}

export async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route("**", cutServiceWorker);
}

export async function goOnline(context: BrowserContext) {
  await context.unroute("**", cutServiceWorker);
  await context.setOffline(false);
}
