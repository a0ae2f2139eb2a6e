// Button and card classes the partner components share (the settings sections' look).
export const button =
  "inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 py-2 text-sm font-medium hover:bg-stone-100 disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800";
export const primary =
  "inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";
export const card = "space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";
export const input = "min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
export const muted = "text-sm text-stone-700 dark:text-stone-300";
