// This week's plan in words, for the dashboard, `/checkin` and the weekly email alike. Pure, and
// apart from lib/pacing/this-week.ts so that the browser gets these few lines and not the calendar
// code behind the plan.
import type { ThisWeekItem, ThisWeekPlan } from "./this-week";

/** One decimal at most, none when whole. */
const h = (n: number) => String(Math.round(n * 10) / 10);

/** "4 of 8 hours done this week". */
export function weekProgressText(plan: Pick<ThisWeekPlan, "budgetHours" | "loggedHours">): string {
  return `${h(plan.loggedHours)} of ${h(plan.budgetHours)} ${plan.budgetHours === 1 ? "hour" : "hours"} done this week`;
}

/** "6 h", or "6 of its 40 h this week" when the milestone needs more than this week gives it. */
export function itemHoursText(item: Pick<ThisWeekItem, "hours" | "remainingHours">): string {
  return item.hours < item.remainingHours ? `${h(item.hours)} of its ${h(item.remainingHours)} h this week` : `${h(item.hours)} h`;
}

/** The sentence under the list when nothing is planned, or null when something is. */
export function emptyWeekText(plan: ThisWeekPlan): string | null {
  if (plan.items.length > 0) return null;
  switch (plan.state) {
    case "paused":
      return "Your plan is paused: nothing is planned this week.";
    case "upcoming":
      return "Your plan hasn't started yet.";
    case "ended":
      return "This plan has ended: nothing is planned.";
    case "done":
      return "Every milestone is done.";
    default:
      if (plan.budgetHours <= 0) return "Set your weekly hours to get a plan for the week.";
      if (plan.budgetHours > 0 && plan.loggedHours >= plan.budgetHours)
        return "You've put in this week's hours. Anything more is a head start on next week.";
      return "Nothing can be planned this week: what's left waits on a date.";
  }
}
