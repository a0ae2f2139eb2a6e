"use client";

import { useEffect, useState } from "react";

/** Chromium's install event; not in TypeScript's DOM types, as no standard defines it. */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

const DISMISSED_KEY = "waypoint:install-hint-dismissed";

/**
 * On a phone whose browser can install the app (it fires `beforeinstallprompt`: Chrome, Edge,
 * Samsung Internet), a one-line offer at the end of the page; elsewhere nothing. Placed after the
 * content, so appearing late moves nothing the user is reading. "Not now" is remembered on this device.
 */
export function InstallHint() {
  const [deferred, setDeferred] = useState<BeforeInstallPromptEvent | null>(null);

  useEffect(() => {
    const phone = window.matchMedia("(max-width: 639px), (pointer: coarse)");
    function onPrompt(event: Event) {
      if (!phone.matches || localStorage.getItem(DISMISSED_KEY)) return;
      // Keeps the browser's own mini-infobar away, so the offer is made once, in our words.
      event.preventDefault();
      setDeferred(event as BeforeInstallPromptEvent);
    }
    const onInstalled = () => setDeferred(null);
    window.addEventListener("beforeinstallprompt", onPrompt);
    window.addEventListener("appinstalled", onInstalled);
    return () => {
      window.removeEventListener("beforeinstallprompt", onPrompt);
      window.removeEventListener("appinstalled", onInstalled);
    };
  }, []);

  if (!deferred) return null;

  async function install() {
    if (!deferred) return;
    await deferred.prompt();
    const { outcome } = await deferred.userChoice;
    if (outcome === "dismissed") localStorage.setItem(DISMISSED_KEY, "1");
    // A deferred prompt can be used once only.
    setDeferred(null);
  }

  function notNow() {
    localStorage.setItem(DISMISSED_KEY, "1");
    setDeferred(null);
  }

  return (
    <aside
      aria-label="Install the app"
      data-testid="install-hint"
      className="mt-8 rounded-xl border border-brand-200 bg-brand-50 p-4 text-sm dark:border-brand-900 dark:bg-brand-950"
    >
      <p className="font-medium text-stone-900 dark:text-stone-100">Put Waypoint on your home screen</p>
      <p className="mt-1 text-stone-700 dark:text-stone-300">
        It opens straight to the check-in, full screen, and the check-in works without a connection.
      </p>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          onClick={install}
          className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Install
        </button>
        <button
          type="button"
          onClick={notNow}
          className="min-h-11 rounded-lg border border-stone-400 px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
        >
          Not now
        </button>
      </div>
    </aside>
  );
}
