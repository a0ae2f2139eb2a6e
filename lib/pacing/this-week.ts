// This week's plan: the milestones to work on in the user's current local ISO week, with hours each,
// within the weekly hours budget. Pure. Pacing (lib/pacing/index.ts) feeds it for the dashboard,
// `/checkin` and the weekly email alike, so all three list the same milestones and hours.
//
// The week's hours are the budget less what this week's check-ins already logged, so the plan is
// "what is left to do this week" and moves as hours are logged. Each milestone's remaining estimate
// is its effort less the hours logged against it (all check-ins, as the dashboard's rows show them).
// Order: milestones in progress first, then the rest by when their phase window closes on the
// current plan line (roadmap order within a window); a time-based milestone that may not be done by
// the week's end is left out. The last one planned is split when the hours run out ("6 of its 40 h").
import { isoWeekOfDay, mondayOfIsoWeek } from "../calendar/week-labels";
import { dayOfIso, isoOfDay } from "../calendar/days";
import { localDayFunction } from "../calendar/zones";

/** An open milestone (neither done nor skipped), as pacing knows it. */
export interface WeekMilestone {
  id: string;
  title: string;
  phaseTitle: string;
  effortHours: number;
  inProgress: boolean;
  /** "YYYY-MM-DD": the day its phase window closes on the current plan line. */
  dueDate: string;
  /**
   * For a time-based milestone: the local date it may be done from, or null while its anchor (a
   * launch) hasn't happened. Undefined: no time rule.
   */
  availableFrom?: string | null;
  /** Hours logged against it so far, in every check-in. */
  hoursLogged: number;
}

export interface ThisWeekInput {
  /** Open milestones in roadmap order. */
  milestones: readonly WeekMilestone[];
  /** The weekly hours budget in force now; null without one. */
  weeklyHours: number | null;
  /** The enrolment's local start date: a plan starting after this week has nothing for it yet. */
  startDate: string;
  /** Only an active enrolment with milestones left gets a plan. */
  state: "active" | "paused" | "ended" | "done";
  /** This enrolment's check-ins (epoch ms, hours), at least those of the current week. */
  checkIns: readonly { at: number; hours: number }[];
  now: Date;
  timeZone: string;
}

export interface ThisWeekItem {
  id: string;
  title: string;
  phaseTitle: string;
  inProgress: boolean;
  dueDate: string;
  /** Hours planned for it this week (whole or half hours). */
  hours: number;
  /** What its estimate has left: its effort less the hours logged, in half hours, at least FINISHING_HOURS. */
  remainingHours: number;
}

export interface ThisWeekPlan {
  /** "2026-W49", the enrolment's time zone's ISO week holding now; its Monday and Sunday. */
  week: string;
  from: string;
  to: string;
  state: ThisWeekInput["state"] | "upcoming";
  /** The weekly budget (0 without one), the hours this enrolment's check-ins logged this week, and what is left. */
  budgetHours: number;
  loggedHours: number;
  leftHours: number;
  items: ThisWeekItem[];
  /** Open time-based milestones left out because they can't be done by the week's end. */
  notYet: { id: string; title: string; availableFrom: string | null }[];
}

/**
 * An open milestone whose estimate is used up still needs finishing: it is planned for this long
 * rather than for nothing (which would drop it from the week while it is still being worked on).
 */
export const FINISHING_HOURS = 1;

/** Up to the next half hour, the check-in's step: 2.25 → 2.5. */
const upToHalf = (hours: number) => Math.ceil(hours * 2 - 1e-9) / 2;

/** One decimal at most, none when whole. */
const tidy = (hours: number) => Math.round(hours * 10) / 10;

export function planThisWeek(input: ThisWeekInput): ThisWeekPlan {
  const nowMs = input.now.getTime();
  const earliest = input.checkIns.reduce((min, c) => Math.min(min, c.at), nowMs);
  const localDay = localDayFunction(input.timeZone, earliest, nowMs);
  const week = isoWeekOfDay(localDay(nowMs));
  const monday = dayOfIso(mondayOfIsoWeek(week));
  const from = isoOfDay(monday);
  const to = isoOfDay(monday + 6);

  // Filed by the local date it was made on, as a check-in's own week is (lib/calendar/iso-weeks.ts):
  // local days Monday to Sunday, however many hours a clock change gives the week.
  let logged = 0;
  for (const c of input.checkIns) {
    if (c.at > nowMs) continue;
    const day = localDay(c.at);
    if (day >= monday && day <= monday + 6) logged += c.hours;
  }
  const budgetHours = input.weeklyHours ?? 0;
  const loggedHours = tidy(logged);
  const state = input.state === "active" && input.startDate > to ? "upcoming" : input.state;
  const leftHours = state === "active" ? Math.max(upToHalf(budgetHours - logged), 0) : 0;

  const notYet: ThisWeekPlan["notYet"] = [];
  const candidates: { m: WeekMilestone; position: number }[] = [];
  for (const [position, m] of input.milestones.entries()) {
    // A time rule that can't be met by Sunday: working on it this week can't finish it.
    if (m.availableFrom !== undefined && (m.availableFrom === null || m.availableFrom > to)) {
      notYet.push({ id: m.id, title: m.title, availableFrom: m.availableFrom });
      continue;
    }
    candidates.push({ m, position });
  }
  // Plain comparisons: "YYYY-MM-DD" sorts as text, and localeCompare was most of this function's time.
  candidates.sort(
    (a, b) =>
      Number(b.m.inProgress) - Number(a.m.inProgress) ||
      (a.m.dueDate < b.m.dueDate ? -1 : a.m.dueDate > b.m.dueDate ? 1 : 0) ||
      a.position - b.position,
  );

  const items: ThisWeekItem[] = [];
  let left = leftHours;
  for (const { m } of candidates) {
    if (left <= 0) break;
    const remainingHours = Math.max(upToHalf(m.effortHours - m.hoursLogged), Math.min(FINISHING_HOURS, m.effortHours));
    if (remainingHours <= 0) continue;
    const hours = Math.min(remainingHours, left);
    items.push({ id: m.id, title: m.title, phaseTitle: m.phaseTitle, inProgress: m.inProgress, dueDate: m.dueDate, hours, remainingHours });
    left -= hours;
  }
  return { week, from, to, state, budgetHours, loggedHours, leftHours, items, notYet };
}
