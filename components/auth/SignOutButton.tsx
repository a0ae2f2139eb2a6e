"use client";

import { useState } from "react";
import { forgetOfflinePages } from "../checkin/outbox";
import { signOut } from "./auth-client";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // Deletes the session row on the server, then clears the cookie.
        void forgetOfflinePages()
          .then(() => signOut())
          .catch(() => setPending(false));
      }}
      className="min-h-11 rounded-lg border border-stone-300 px-2.5 py-2 text-sm sm:px-3 hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-800"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
