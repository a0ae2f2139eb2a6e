"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import type { Dashboard } from "@/lib/progress";
import type { EnrollmentChangeInput } from "@/lib/validation/enrollment";

const button = "min-h-11 rounded-lg border border-stone-300 px-3 py-2 text-sm font-medium hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";

export function EnrollmentControls({ enrollment }: { enrollment: Dashboard["enrollment"] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState(String(enrollment.targetMonths));
  const [confirmLeave, setConfirmLeave] = useState(false);
  const change = useMutation({
    mutationFn: (input: EnrollmentChangeInput) => apiFetch(`/api/enrollments/${enrollment.id}`, { method: "PATCH", body: input }),
    onSuccess: async () => {
      setConfirmLeave(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["dashboard", enrollment.id] }),
        queryClient.invalidateQueries({ queryKey: ["pacing", enrollment.id] }),
      ]);
      router.refresh();
    },
  });
  if (enrollment.status === "abandoned" || enrollment.status === "completed") {
    return <p className="text-sm text-stone-700 dark:text-stone-300">This enrolment has ended. Your ticks are kept, and count again if you re-enrol.</p>;
  }
  const { minMonths, maxMonths } = enrollment.roadmap;
  const months = Array.from({ length: maxMonths - minMonths + 1 }, (_, i) => minMonths + i);
  const replans = enrollment.changes.filter((c) => c.kind === "replanned");
  return (
    <section id="plan-controls" aria-label="Plan" className="scroll-mt-4 flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      {enrollment.status === "active" ? (
        <button type="button" className={button} disabled={change.isPending} onClick={() => change.mutate({ action: "pause" })}>
          Pause
        </button>
      ) : (
        <button type="button" className={button} disabled={change.isPending} onClick={() => change.mutate({ action: "resume" })}>
          Resume
        </button>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate({ action: "replan", targetMonths: Number(target) });
        }}
      >
        <div>
          <label htmlFor="replan-target" className="block text-sm font-medium">Target</label>
          <select id="replan-target" value={target} onChange={(e) => setTarget(e.target.value)} className="mt-1 min-h-11 rounded-lg border border-stone-400 bg-white px-2 dark:border-stone-600 dark:bg-stone-950">
            {months.map((m) => (
              <option key={m} value={m}>{m} months</option>
            ))}
          </select>
        </div>
        <button type="submit" className={button} disabled={change.isPending || Number(target) === enrollment.targetMonths}>
          Change target
        </button>
      </form>
      {confirmLeave ? (
        <span className="flex flex-wrap items-center gap-2">
          <span className="text-sm">Leave this roadmap? Your ticks are kept.</span>
          <button type="button" className={`${button} border-red-700 text-red-800 dark:text-red-300`} onClick={() => change.mutate({ action: "abandon" })}>
            Yes, leave
          </button>
          <button type="button" className={button} onClick={() => setConfirmLeave(false)}>Cancel</button>
        </span>
      ) : (
        <button type="button" className={button} onClick={() => setConfirmLeave(true)}>Leave roadmap</button>
      )}
      {replans.length > 0 && (
        <p className="basis-full text-xs text-stone-600 dark:text-stone-400">
          Replanned {replans.length}× — last from {replans.at(-1)?.fromTargetMonths} to {replans.at(-1)?.toTargetMonths} months.
        </p>
      )}
      {change.error && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700 dark:text-red-400">
          {(change.error instanceof ApiError && change.error.fields?.targetMonths?.[0]) || change.error.message}
        </p>
      )}
    </section>
  );
}
