"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-client";

/** The partner's weekly copy, opt-in: one email a week about everyone they follow. */
export function PartnerCopyToggle({ initial }: { initial: boolean }) {
  const [enabled, setEnabled] = useState(initial);
  const save = useMutation({
    mutationFn: (next: boolean) => apiFetch<{ enabled: boolean }>("/api/me/partner-copy", { method: "PATCH", body: { enabled: next } }),
    onMutate: (next) => setEnabled(next),
    onError: (_error, next) => setEnabled(!next),
  });
  return (
    <div className="space-y-1">
      <label htmlFor="partner-copy" className="flex min-h-11 items-center gap-3">
        <input
          id="partner-copy"
          type="checkbox"
          className="size-5"
          checked={enabled}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
        />
        Send me a weekly email about the people I follow
      </label>
      {save.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {save.error.message}
        </p>
      )}
    </div>
  );
}
