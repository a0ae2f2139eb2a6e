import { formatPercent } from "@/lib/progress/summary";

export function ProgressBar({ label, share, detail }: { label: string; share: number; detail?: string }) {
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-stone-700 dark:text-stone-300">
          {formatPercent(share)}
          {detail ? ` · ${detail}` : ""}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.floor(share * 100)}
        className="mt-1 h-2.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${Math.min(100, share * 100)}%` }} />
      </div>
    </div>
  );
}
