"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/api-client";
import { primary } from "./styles";

/** Accepting is a POST on a click, never the page's GET: opening the link changes nothing. */
export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () => apiFetch<{ ownerId: string }>("/api/partner-invitations/accept", { method: "POST", body: { token } }),
    onSuccess: ({ ownerId }) => router.push(`/partners/${ownerId}`),
  });
  return (
    <div className="space-y-2">
      <button type="button" className={primary} disabled={accept.isPending || accept.isSuccess} onClick={() => accept.mutate()}>
        {accept.isPending || accept.isSuccess ? "Accepting…" : "Accept the invitation"}
      </button>
      {accept.error && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {accept.error.message}
        </p>
      )}
    </div>
  );
}
