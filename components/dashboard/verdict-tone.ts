import type { VerdictTone } from "@/lib/pacing";

/** One colour per verdict tone: the status badge and the buffer chip paint the same verdict alike. */
export const TONE_CLASS: Record<VerdictTone, string> = {
  neutral: "bg-stone-200 text-stone-900 dark:bg-stone-800 dark:text-stone-100",
  good: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  caution: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
  danger: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  done: "bg-brand-100 text-brand-800 dark:bg-brand-800 dark:text-white",
};
