// The tap-sized button look the check-in screen's parts share.
export const big = "min-h-11 min-w-11 rounded-lg border text-base font-medium";
