"use client";

import { useSyncExternalStore } from "react";

/** The meta tag public/sw.js adds to a page it serves from its saved copy, offline. */
export const SAVED_AT_META = "waypoint-saved-at";

const noSubscription = () => () => {};

/**
 * Offline, the service worker answers with the dashboard as last seen, and says when it was saved;
 * this says so on the page. Online (no tag) it renders nothing, so it never moves the page.
 */
export function SavedCopyNotice() {
  // The tag is in the HTML the worker served, never in React's tree, and doesn't change: read after
  // hydration (the server's snapshot is "none"), so server and first client render agree.
  const value = useSyncExternalStore(
    noSubscription,
    () => document.querySelector(`meta[name="${SAVED_AT_META}"]`)?.getAttribute("content") ?? null,
    () => null,
  );
  const savedAt = value ? new Date(value) : null;
  if (!savedAt || Number.isNaN(savedAt.getTime())) return null;
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }).format(savedAt);
  return (
    <p
      role="status"
      data-testid="saved-copy"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong>You&apos;re offline.</strong> This is a saved copy of your dashboard from {when}. Ticks and plan changes need a connection;
      check-ins made now wait on this phone and are sent when you&apos;re back online.
    </p>
  );
}
