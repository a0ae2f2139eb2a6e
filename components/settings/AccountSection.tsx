"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { forgetOfflinePages } from "@/components/checkin/outbox";
import { FieldError } from "@/components/ui/FieldError";

/** Your data: download it, end every session, or delete the account. */
export function AccountSection({ email }: { email: string }) {
  const [confirmEmail, setConfirmEmail] = useState("");
  const signOutEverywhere = useMutation({
    mutationFn: () => apiFetch<{ revoked: number }>("/api/me/sessions", { method: "DELETE" }),
    onSuccess: async () => {
      await forgetOfflinePages();
      window.location.assign("/signin");
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<{ deleted: true }>("/api/me", { method: "DELETE", body: { confirmEmail } }),
    onSuccess: async () => {
      await forgetOfflinePages();
      window.location.assign("/?deleted=1");
    },
  });
  function onDelete(event: SubmitEvent) {
    event.preventDefault();
    remove.mutate();
  }
  const fields = remove.error instanceof ApiError ? remove.error.fields : undefined;
  const button =
    "inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800";
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h3 className="font-medium">Download your data</h3>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Everything Waypoint holds about you (profile, roadmaps, every tick, check-ins, emails sent) as one JSON file.
        </p>
        <a href="/api/me/export" download className={button}>
          Download my data
        </a>
      </div>
      <div className="space-y-2">
        <h3 className="font-medium">Sign out everywhere</h3>
        <p className="text-sm text-stone-700 dark:text-stone-300">Ends every session on every device, this one included.</p>
        <button type="button" onClick={() => signOutEverywhere.mutate()} disabled={signOutEverywhere.isPending} className={button}>
          {signOutEverywhere.isPending ? "Signing out…" : "Sign out of all devices"}
        </button>
        {signOutEverywhere.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {signOutEverywhere.error.message}
          </p>
        )}
      </div>
      <form
        onSubmit={onDelete}
        noValidate
        className="space-y-2 rounded-lg border border-red-300 p-3 dark:border-red-900"
        aria-labelledby="delete-heading"
      >
        <h3 id="delete-heading" className="font-medium text-red-800 dark:text-red-300">
          Delete your account
        </h3>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Deletes your account and all your data for good, at once: roadmaps, ticks, notes, check-ins and scheduled emails. It can&apos;t be
          undone.
        </p>
        <label htmlFor="confirmEmail" className="block text-sm font-medium">
          Type <strong className="break-all">{email}</strong> to confirm
        </label>
        <input
          id="confirmEmail"
          type="email"
          autoComplete="off"
          value={confirmEmail}
          onChange={(e) => setConfirmEmail(e.target.value)}
          className="block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950"
          aria-describedby="confirmEmail-error"
        />
        <FieldError id="confirmEmail-error" messages={fields?.confirmEmail} />
        {remove.error && !fields && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {remove.error.message}
          </p>
        )}
        <button
          type="submit"
          disabled={remove.isPending}
          className="min-h-11 rounded-lg bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
        >
          {remove.isPending ? "Deleting…" : "Delete my account"}
        </button>
      </form>
    </div>
  );
}
