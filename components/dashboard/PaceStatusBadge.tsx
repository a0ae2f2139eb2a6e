import type { PacingStatus } from "@/lib/pacing";
import { STATUS_LABELS } from "@/lib/pacing/headline";

const statusStyle: Record<PacingStatus, string> = {
  upcoming: "bg-stone-200 text-stone-900 dark:bg-stone-800 dark:text-stone-100",
  on_track: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  at_risk: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
  off_track: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  done: "bg-brand-100 text-brand-800 dark:bg-brand-800 dark:text-white",
};

/** "On track", "At risk" …: the dashboard's pace panel and the public progress page. */
export function PaceStatusBadge({ status }: { status: PacingStatus }) {
  return (
    <span data-testid="pace-status" className={`rounded-full px-2 py-0.5 text-sm font-medium ${statusStyle[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
