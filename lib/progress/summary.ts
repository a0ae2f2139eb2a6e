// Progress by effort weight: pure, shared by the server (dashboard) and the browser (optimistic ticks).
import type { ProgressStatus } from "../validation/progress";

export interface WeightedItem {
  effortHours: number;
  status: ProgressStatus;
}

export interface ProgressShare {
  /** Effort hours of done milestones. */
  doneWeight: number;
  /** Effort hours of milestones that count: everything not skipped. */
  totalWeight: number;
  /** doneWeight / totalWeight, 0 when nothing counts. */
  share: number;
  done: number;
  inProgress: number;
  skipped: number;
  count: number;
}

export function progressShare(items: readonly WeightedItem[]): ProgressShare {
  const result: ProgressShare = { doneWeight: 0, totalWeight: 0, share: 0, done: 0, inProgress: 0, skipped: 0, count: items.length };
  for (const item of items) {
    // A skipped milestone leaves both sides of the fraction: it neither helps nor counts against.
    if (item.status === "skipped") {
      result.skipped += 1;
      continue;
    }
    result.totalWeight += item.effortHours;
    if (item.status === "done") {
      result.done += 1;
      result.doneWeight += item.effortHours;
    } else if (item.status === "in_progress") {
      result.inProgress += 1;
    }
  }
  result.share = result.totalWeight === 0 ? 0 : result.doneWeight / result.totalWeight;
  return result;
}

/** Whole percent, rounded down so "100%" means truly done; the epsilon absorbs float error (0.29 * 100 = 28.999…). */
export function formatPercent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}
