// The streak's one tunable, apart from lib/checkins/streak.ts so that the badge that states it (on the
// phone's check-in screen) doesn't bring the ISO-week calendar, and with it the time-zone list, into
// that screen's JavaScript. Pure.

/** Missed weeks per calendar month (isoWeekMonth) that a run may skip over without ending. */
export const FREEZES_PER_MONTH: number = 1;
