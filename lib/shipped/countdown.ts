// The time-based milestones' countdown line, apart from ./rules.ts (which re-exports it) so that the
// dashboard's milestone rows show it without bringing the zone calendar (@date-fns/tz). Pure.
import { dayOfIso, formatDay } from "../calendar/days";

/**
 * The countdown's words, from the first day a time-based milestone may be done and today (both
 * "YYYY-MM-DD"): "Done in 60 days, on 24 Jan 2027", or null once that day has come.
 */
export function countdownText(doneFrom: string, today: string): string | null {
  const days = dayOfIso(doneFrom) - dayOfIso(today);
  if (days <= 0) return null;
  const on = formatDay(dayOfIso(doneFrom));
  return days === 1 ? `Done in 1 day, on ${on}` : `Done in ${days} days, on ${on}`;
}
