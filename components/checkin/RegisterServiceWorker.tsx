"use client";

import { useEffect } from "react";

/**
 * Registers public/sw.js, which keeps the check-in page working offline. The layout enables it in
 * production only: in development a cache-first worker would serve stale bundles while files change.
 */
export function RegisterServiceWorker({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => {
      console.warn("Offline support is unavailable:", error);
    });
  }, [enabled]);
  return null;
}
