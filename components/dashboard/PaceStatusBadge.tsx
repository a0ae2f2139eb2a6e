import type { Verdict } from "@/lib/pacing";
import { TONE_CLASS } from "./verdict-tone";

/** "On track", "At risk" …: the dashboard's pace panel and the public progress page, in the verdict's tone. */
export function PaceStatusBadge({ verdict }: { verdict: Pick<Verdict, "label" | "tone" | "status"> }) {
  return (
    <span
      data-testid="pace-status"
      data-status={verdict.status}
      className={`rounded-full px-2 py-0.5 text-sm font-medium ${TONE_CLASS[verdict.tone]}`}
    >
      {verdict.label}
    </span>
  );
}
