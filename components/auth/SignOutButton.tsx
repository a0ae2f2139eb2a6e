"use client";

import { useEffect, useRef, useState } from "react";
import { discard, flush, forgetOfflinePages, queued } from "../checkin/outbox";
import { signOut } from "./auth-client";

/**
 * Signing out first sends the check-ins this phone still holds for the user. Any it can't send (the
 * server refused one, or there is no connection) would otherwise stay in this browser's storage,
 * note included, after the user has gone: on a shared phone, they choose to keep or delete them.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const [pending, setPending] = useState(false);
  const [unsent, setUnsent] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (unsent > 0 && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [unsent]);

  async function finish(deleteUnsent: boolean) {
    dialog.current?.close();
    setPending(true);
    try {
      if (deleteUnsent) for (const item of await queued(userId)) await discard(item.key);
      await forgetOfflinePages();
      // Deletes the session row on the server, then clears the cookie.
      await signOut();
    } catch {
      setPending(false);
    }
  }

  async function start() {
    setPending(true);
    let left = 0;
    try {
      await flush(userId);
      left = (await queued(userId)).length;
    } catch {
      // No usable storage (some private modes): nothing can have been kept, so nothing to ask.
    }
    if (left === 0) return finish(false);
    setUnsent(left);
    setPending(false);
  }

  const action = "min-h-11 rounded-lg px-3 py-2 text-sm font-medium";
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() => void start()}
        className="min-h-11 rounded-lg border border-stone-300 px-2.5 py-2 text-sm sm:px-3 hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="unsent-heading"
        onClose={() => setUnsent(0)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-stone-300 bg-white p-5 text-stone-900 backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <h2 id="unsent-heading" className="text-lg font-semibold">
          {unsent === 1 ? "1 check-in hasn't reached Waypoint" : `${unsent} check-ins haven't reached Waypoint`}
        </h2>
        <p className="mt-2 text-sm">
          {unsent === 1 ? "It is" : "They are"} still on this device only. Keep {unsent === 1 ? "it" : "them"} to send the next time you
          sign in here, or delete {unsent === 1 ? "it" : "them"} if someone else uses this device.
        </p>
        <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <button type="button" onClick={() => void finish(false)} className={`${action} bg-brand-700 text-white hover:bg-brand-800`}>
            Keep and sign out
          </button>
          <button
            type="button"
            onClick={() => void finish(true)}
            className={`${action} border border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950`}
          >
            Delete and sign out
          </button>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className={`${action} border border-stone-300 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800`}
          >
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
