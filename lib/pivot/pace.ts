// The pivot phase's pace: applications sent and interviews done per week against the weekly targets
// the user set, judged in the pacing verdict's own words and colours (lib/pacing/verdict.ts:
// STATUS_LABELS, STATUS_TONES), so /pivot, the dashboard and the weekly email can't describe pace in
// a second vocabulary. Pure: dates in, words out.
//
// Weeks are the user's local ISO weeks (Monday–Sunday). Only whole weeks since the target was set are
// judged, the last four at most, as the plan's velocity is: the current week is still open, so it is
// shown ("1 so far this week") but can't make the pace worse before it ends.
import { isoWeekOfDay, mondayOfIsoWeek } from "../calendar/week-labels";
import { dayOfIso } from "../calendar/days";
import { STATUS_LABELS, STATUS_TONES, type PacingStatus, type VerdictTone } from "../pacing/verdict";

/** Every threshold of the pivot pace, in one place. */
export const PIVOT_PACE_THRESHOLDS = {
  /** Whole weeks averaged, at most (the plan's velocity window is 4 weeks too). */
  windowWeeks: 4,
  /** At or above this share of the target a week (but below it) the pace is "at risk"; below, "off track". */
  atRiskShare: 0.5,
} as const;

export type PivotMeasureKind = "applications" | "interviews";

export interface PivotPaceInput {
  /** The user's local date today, "YYYY-MM-DD". */
  today: string;
  /** Weekly targets; null: none set, so that measure isn't judged. */
  targets: { applicationsPerWeek: number | null; interviewsPerWeek: number | null };
  /** The local date the targets were last changed (null: never set). */
  targetsSince: string | null;
  /** The local date each application was sent (its first move to "applied" or later). */
  sentOn: readonly string[];
  /** The local date of each interview. */
  interviewsOn: readonly string[];
  /** The enrolment is paused: the plan waits, and so does this. */
  paused: boolean;
}

export interface PivotMeasure {
  kind: PivotMeasureKind;
  target: number;
  /** In the current (open) week so far. */
  thisWeek: number;
  /** Whole weeks averaged (0 in the target's first week). */
  weeksJudged: number;
  /** The average a week over those weeks, one decimal; null when none is judged yet. */
  perWeek: number | null;
  status: PacingStatus;
  tone: VerdictTone;
  /** The verdict's label: "On track", "At risk", "Off track", "Just started", "Paused". */
  label: string;
  /** "2.5 applications a week over the last 4 weeks, against a target of 2; 1 so far this week". */
  detail: string;
}

export interface PivotPace {
  /** The current local ISO week, e.g. "2026-W49". */
  week: string;
  /** One per target set, applications first. */
  measures: PivotMeasure[];
}

const NOUNS: Record<PivotMeasureKind, [string, string]> = {
  applications: ["application", "applications"],
  interviews: ["interview", "interviews"],
};

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const noun = (kind: PivotMeasureKind, n: number) => NOUNS[kind][n === 1 ? 0 : 1];

function statusOf(paused: boolean, weeksJudged: number, perWeek: number, target: number): PacingStatus {
  if (paused) return "paused";
  if (weeksJudged === 0) return "just_started";
  if (perWeek >= target) return "on_track";
  if (perWeek >= target * PIVOT_PACE_THRESHOLDS.atRiskShare) return "at_risk";
  return "off_track";
}

function detailOf(kind: PivotMeasureKind, target: number, thisWeek: number, weeksJudged: number, perWeek: number | null): string {
  const soFar = `${thisWeek} so far this week`;
  const against = `against a target of ${target} a week`;
  if (perWeek === null) return `${soFar}, ${against}; the pace shows after the first full week`;
  const over = weeksJudged === 1 ? "last week" : `a week over the last ${weeksJudged} weeks`;
  return `${perWeek} ${noun(kind, perWeek)} ${over}, ${against}; ${soFar}`;
}

function measure(
  kind: PivotMeasureKind,
  target: number,
  dates: readonly string[],
  input: PivotPaceInput,
  monday: number,
  firstMonday: number,
): PivotMeasure {
  const today = dayOfIso(input.today);
  const weeksJudged = Math.max(0, Math.min(PIVOT_PACE_THRESHOLDS.windowWeeks, Math.round((monday - firstMonday) / 7)));
  const windowStart = monday - weeksJudged * 7;
  let thisWeek = 0;
  let inWindow = 0;
  for (const iso of dates) {
    const day = dayOfIso(iso);
    if (day > today) continue;
    if (day >= monday) thisWeek += 1;
    else if (day >= windowStart) inWindow += 1;
  }
  const perWeek = weeksJudged === 0 ? null : oneDecimal(inWindow / weeksJudged);
  const status = statusOf(input.paused, weeksJudged, perWeek ?? 0, target);
  return {
    kind,
    target,
    thisWeek,
    weeksJudged,
    perWeek,
    status,
    tone: STATUS_TONES[status],
    label: STATUS_LABELS[status],
    detail: detailOf(kind, target, thisWeek, weeksJudged, perWeek),
  };
}

export function pivotPace(input: PivotPaceInput): PivotPace {
  const week = isoWeekOfDay(dayOfIso(input.today));
  const monday = dayOfIso(mondayOfIsoWeek(week));
  // A target set this week (or none recorded) is judged from next week on.
  const firstMonday = input.targetsSince ? dayOfIso(mondayOfIsoWeek(isoWeekOfDay(dayOfIso(input.targetsSince)))) : monday;
  const measures: PivotMeasure[] = [];
  const { applicationsPerWeek, interviewsPerWeek } = input.targets;
  if (applicationsPerWeek !== null) measures.push(measure("applications", applicationsPerWeek, input.sentOn, input, monday, firstMonday));
  if (interviewsPerWeek !== null) measures.push(measure("interviews", interviewsPerWeek, input.interviewsOn, input, monday, firstMonday));
  return { week, measures };
}

/** "Applications: On track — 2.5 applications a week over the last 4 weeks, …": one line of the email or the page. */
export function pivotMeasureLine(m: PivotMeasure): string {
  const what = m.kind === "applications" ? "Applications sent" : "Interviews done";
  return `${what}: ${m.label} — ${m.detail}`;
}
