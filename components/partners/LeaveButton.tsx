"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/api-client";
import { button } from "./styles";

export function LeaveButton({ ownerId, name }: { ownerId: string; name: string }) {
  const router = useRouter();
  const leave = useMutation({
    mutationFn: () => apiFetch(`/api/following/${ownerId}`, { method: "DELETE" }),
    onSuccess: () => router.push("/partners"),
  });
  return (
    <div className="space-y-1">
      <button type="button" className={button} disabled={leave.isPending} onClick={() => leave.mutate()}>
        Stop following {name}
      </button>
      {leave.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {leave.error.message}
        </p>
      )}
    </div>
  );
}
