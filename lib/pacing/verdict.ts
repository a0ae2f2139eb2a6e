// One verdict: the pace's status, its tone (the colour every surface paints it in), the headline,
// the short phrase an email subject carries and the advice under it all come from one table of rules
// read top to bottom, first match wins. Every surface — the dashboard, /checkin, the weekly email,
// the public page — renders a Verdict and never re-derives a word about pace, so none can say "on
// plan" while another (or the same one) says "at risk". Pure.
import { dayOfIso, formatDay } from "../calendar/days";

export type PacingStatus = "upcoming" | "just_started" | "on_track" | "at_risk" | "off_track" | "paused" | "done";

/** Which rule decided the verdict; the table below lists them in the order they are tried. */
export type VerdictRule =
  | "finished"
  | "upcoming"
  | "paused"
  | "budget_too_small"
  | "just_started"
  | "just_replanned"
  | "budget_past_limit"
  | "past_limit"
  | "far_behind"
  | "overdue"
  | "past_target"
  | "behind"
  | "on_track";

/** How a surface colours the verdict: the badge, the buffer chip and the email's status line alike. */
export type VerdictTone = "neutral" | "good" | "caution" | "danger" | "done";

/** Every threshold the verdict rules use, in one place. */
export const VERDICT_THRESHOLDS = {
  /** Further behind than this (days) is "at risk". */
  atRiskBehindDays: 7,
  /** Further behind than this (days) is "off track" (unless the pace still makes the target). */
  offTrackBehindDays: 28,
  /** A milestone overdue by more than this (days) makes the pace "at risk". */
  overdueDays: 7,
  /** Active days after the start (or a replan) during which the plan is "just started", not judged. */
  graceDays: 7,
} as const;

/** What the rules look at; pacing works it out (lib/pacing/index.ts) and nothing else decides. */
export interface VerdictFacts {
  /** Days since the start date (negative before it). */
  today: number;
  startDate: string;
  done: boolean;
  finishedOn: string | null;
  paused: boolean;
  /** Share of the counted effort done, 0–1. */
  share: number;
  /** The current plan line: how it began and how many active days ago (paused days don't count). */
  line: { kind: "enrolled" | "replanned"; activeDaysSince: number };
  varianceDays: number | null;
  bufferDays: number | null;
  projectedFinish: string | null;
  targetDate: string;
  limitDate: string;
  /** The roadmap's outer bound in months (the "18-month line"). */
  limitMonths: number;
  /** The most overdue open milestone (its phase window closed before today) and how many are. */
  overdue: { count: number; days: number; title: string } | null;
  /**
   * The weekly hours budgeted, the day the plan line paced at them reaches 100% (null: not within 15
   * years) and the whole hours a week that would bring that day to the target (null: target passed).
   */
  budget: { weeklyHours: number; finishDate: string | null; hoursForTarget: number | null } | null;
}

export interface Verdict {
  rule: VerdictRule;
  status: PacingStatus;
  tone: VerdictTone;
  /** "On track", "At risk" …: the badge. */
  label: string;
  /** The sentence for the user: dashboard, /checkin, the email. */
  headline: string;
  /** The same facts for a visitor of the public page, who isn't the "you" of the headline. */
  publicHeadline: string;
  /**
   * Lower case, an email subject's pace: the label's words and a detail ("at risk, 2 weeks behind"),
   * or on track and not behind, the variance alone ("2 weeks ahead", "on plan").
   */
  phrase: string;
  /** The buffer chip's text, or null when a buffer means nothing in this state. */
  bufferChip: string | null;
  /** What to do about it, when there is something to do. */
  advice: Advice | null;
}

export interface Advice {
  title: string;
  text: string;
}

export const STATUS_LABELS: Record<PacingStatus, string> = {
  upcoming: "Not started yet",
  just_started: "Just started",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  paused: "Paused",
  done: "Finished",
};

export const STATUS_TONES: Record<PacingStatus, VerdictTone> = {
  upcoming: "neutral",
  just_started: "neutral",
  on_track: "good",
  at_risk: "caution",
  off_track: "danger",
  paused: "neutral",
  done: "done",
};

const plural = (n: number, one: string, many: string = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 weeks ahead", "5 days behind", "on plan". Under a week in days, else whole weeks (rounded down). */
export function describeVariance(days: number): string {
  if (days === 0) return "on plan";
  const side = days > 0 ? "ahead" : "behind";
  const size = Math.abs(days);
  return size < 7 ? `${plural(size, "day")} ${side}` : `${plural(Math.floor(size / 7), "week")} ${side}`;
}

export function describeBuffer(days: number): string {
  if (days < 0) return "no buffer";
  return `${plural(days, "day")} of buffer`;
}

/** "overdue by 3 weeks", "overdue by 5 days": under two weeks in days, else whole weeks (rounded down). */
export function describeOverdue(days: number): string {
  return days < 14 ? `overdue by ${plural(days, "day")}` : `overdue by ${plural(Math.floor(days / 7), "week")}`;
}

/**
 * A milestone's due date as a dashboard row or the email says it: "by 14 Mar 2027" while it is ahead,
 * "due today", "overdue by 2 weeks" once it has passed. Both dates "YYYY-MM-DD".
 */
export function describeDue(dueDate: string, today: string): string {
  const late = dayOfIso(today) - dayOfIso(dueDate);
  if (late > 0) return describeOverdue(late);
  if (late === 0) return "due today";
  return `by ${formatDay(dayOfIso(dueDate))}`;
}

const date = (iso: string) => formatDay(dayOfIso(iso));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const percent = (share: number) => `${Math.round(share * 100)}%`;

interface Words {
  headline: string;
  publicHeadline: string;
  /** After the label in the subject phrase, e.g. "2 weeks behind"; null for the label alone. */
  detail: string | null;
  /** The whole phrase instead, when it needs no label (only words of this status). */
  phrase?: string;
  bufferChip: boolean;
  advice: Advice | null;
}

interface Rule {
  rule: VerdictRule;
  status: PacingStatus;
  /** When the status's own label (STATUS_LABELS) would say less than the rule knows. */
  label?: string;
  applies: (f: VerdictFacts) => boolean;
  words: (f: VerdictFacts) => Words;
}

const REPLAN_ADVICE: Advice = {
  title: "Behind the plan?",
  text: "Plans slip; that is what replanning is for: choose a longer target, or pause, from your dashboard. Every tick is kept, and the old line stays on the chart.",
};

const projectedAfter = (f: VerdictFacts, iso: string) => f.projectedFinish !== null && dayOfIso(f.projectedFinish) > dayOfIso(iso);
/** The plan line, paced at the budget, reaches 100% after `iso` (or not within 15 years). */
const budgetFinishesAfter = (f: VerdictFacts, iso: string) =>
  f.budget !== null && (f.budget.finishDate === null || dayOfIso(f.budget.finishDate) > dayOfIso(iso));
const inGrace = (f: VerdictFacts) => f.line.activeDaysSince < VERDICT_THRESHOLDS.graceDays;
const farBehind = (f: VerdictFacts) =>
  (f.varianceDays ?? 0) < -VERDICT_THRESHOLDS.offTrackBehindDays && (f.projectedFinish === null || projectedAfter(f, f.targetDate));
/** Off track on its own: the pace passes the 18-month line, or the budget's line does, or far behind. */
const offTrack = (f: VerdictFacts) => projectedAfter(f, f.limitDate) || budgetFinishesAfter(f, f.limitDate) || farBehind(f);

function budgetWords(f: VerdictFacts, line: string, lineForVisitor: string): Words {
  const b = f.budget!;
  const finish = b.finishDate === null ? "in more than 15 years" : `about ${date(b.finishDate)}`;
  const make = b.hoursForTarget === null ? "choose a longer target" : `to finish by then, plan on ${b.hoursForTarget} h a week`;
  return {
    headline: `At ${b.weeklyHours} h a week you finish ${finish}, after ${line} — ${make}`,
    publicHeadline: `At ${b.weeklyHours} h a week the plan finishes ${finish}, after ${lineForVisitor}`,
    detail: null,
    bufferChip: false,
    advice: {
      title: "More plan than hours?",
      text: `${b.hoursForTarget === null ? "Give it more hours a week" : `Give it ${b.hoursForTarget} h a week`}, or choose a longer target: every tick is kept.`,
    },
  };
}

function finishPart(f: VerdictFacts, reader: "learner" | "visitor"): string {
  if (!f.projectedFinish) return "not enough data yet to project a finish";
  return reader === "learner" ? `at this pace you finish ${date(f.projectedFinish)}` : `projected to finish ${date(f.projectedFinish)}`;
}

function joined(...parts: string[]): string {
  return capitalise(parts.join(" — "));
}

/**
 * The rules, in order: the first that applies decides. Each rule's words mention only its own status.
 * A budget whose paced line finishes after the target is said first (even on day 0: amber, not red)
 * unless, after the line's first week, the pace is off track; a fresh or replanned line is then "just
 * started" for its first week, never off track on the day it is made.
 */
export const VERDICT_RULES: readonly Rule[] = [
  {
    rule: "finished",
    status: "done",
    applies: (f) => f.done,
    words: (f) => {
      const line = `Finished on ${date(f.finishedOn ?? f.startDate)} — every milestone done`;
      return { headline: line, publicHeadline: line, detail: null, bufferChip: false, advice: null };
    },
  },
  {
    rule: "upcoming",
    status: "upcoming",
    applies: (f) => f.today < 0,
    words: (f) => ({
      headline: `Your plan starts on ${date(f.startDate)}`,
      publicHeadline: `The plan starts on ${date(f.startDate)}`,
      detail: null,
      bufferChip: false,
      advice: null,
    }),
  },
  {
    rule: "paused",
    status: "paused",
    applies: (f) => f.paused,
    words: (f) => ({
      headline: `Paused at ${percent(f.share)} done — the plan waits until you resume`,
      publicHeadline: `Paused at ${percent(f.share)} done`,
      detail: null,
      bufferChip: false,
      advice: null,
    }),
  },
  {
    // The plan line, paced at the weekly budget, reaches 100% after the target. Amber, never red on its
    // own: in the line's first week even past the 18-month line; after it, off track says so below.
    rule: "budget_too_small",
    status: "at_risk",
    applies: (f) => budgetFinishesAfter(f, f.targetDate) && (inGrace(f) || !offTrack(f)),
    words: (f) => ({
      ...budgetWords(f, `your target of ${date(f.targetDate)}`, `the target of ${date(f.targetDate)}`),
      detail: "your hours finish after your target",
    }),
  },
  {
    rule: "just_started",
    status: "just_started",
    applies: (f) => f.line.kind === "enrolled" && f.line.activeDaysSince < VERDICT_THRESHOLDS.graceDays,
    words: (f) => ({
      headline: `Just started — your plan runs to ${date(f.targetDate)}; your pace shows after the first week`,
      publicHeadline: `Just started — the plan runs to ${date(f.targetDate)}`,
      detail: null,
      bufferChip: false,
      advice: null,
    }),
  },
  {
    rule: "just_replanned",
    status: "just_started",
    label: "Just replanned",
    applies: (f) => f.line.kind === "replanned" && f.line.activeDaysSince < VERDICT_THRESHOLDS.graceDays,
    words: (f) => ({
      headline: `Just replanned — the new plan runs from ${percent(f.share)} done to ${date(f.targetDate)}`,
      publicHeadline: `Just replanned — the new plan runs to ${date(f.targetDate)}`,
      detail: null,
      bufferChip: false,
      advice: null,
    }),
  },
  {
    rule: "budget_past_limit",
    status: "off_track",
    applies: (f) => budgetFinishesAfter(f, f.limitDate),
    words: (f) => {
      const line = `the ${f.limitMonths}-month line (${date(f.limitDate)})`;
      return { ...budgetWords(f, line, line), detail: `your hours finish after the ${f.limitMonths}-month line` };
    },
  },
  {
    rule: "past_limit",
    status: "off_track",
    applies: (f) => projectedAfter(f, f.limitDate),
    words: (f) => ({
      headline: `At this pace you finish ${date(f.projectedFinish!)}, after the ${f.limitMonths}-month line (${date(f.limitDate)})`,
      publicHeadline: `Projected to finish ${date(f.projectedFinish!)}, after the ${f.limitMonths}-month line (${date(f.limitDate)})`,
      detail: `finishing after the ${f.limitMonths}-month line`,
      bufferChip: true,
      advice: REPLAN_ADVICE,
    }),
  },
  {
    // Far behind the line and the pace doesn't make up for it; if it does, "behind" says so below.
    rule: "far_behind",
    status: "off_track",
    applies: farBehind,
    words: (f) => ({
      headline: joined(describeVariance(f.varianceDays!), describeBuffer(f.bufferDays ?? -1), finishPart(f, "learner")),
      publicHeadline: joined(describeVariance(f.varianceDays!), describeBuffer(f.bufferDays ?? -1), finishPart(f, "visitor")),
      detail: describeVariance(f.varianceDays!),
      bufferChip: true,
      advice: REPLAN_ADVICE,
    }),
  },
  {
    rule: "overdue",
    status: "at_risk",
    applies: (f) => f.overdue !== null && f.overdue.days > VERDICT_THRESHOLDS.overdueDays,
    words: (f) => {
      const o = f.overdue!;
      const what =
        o.count === 1
          ? `“${o.title}” is ${describeOverdue(o.days)}`
          : `${o.count} milestones are overdue, “${o.title}” ${describeOverdue(o.days).slice("overdue ".length)}`;
      return {
        headline: joined(what, finishPart(f, "learner")),
        publicHeadline: joined(what, finishPart(f, "visitor")),
        detail: o.count === 1 ? "a milestone overdue" : `${o.count} milestones overdue`,
        bufferChip: false,
        advice: {
          title: "Something overdue?",
          text: "Finish the overdue milestone first, or skip it if it no longer fits your goal; if the target no longer fits, replan from your dashboard.",
        },
      };
    },
  },
  {
    rule: "past_target",
    status: "at_risk",
    applies: (f) => projectedAfter(f, f.targetDate),
    words: (f) => ({
      headline: `At this pace you finish ${date(f.projectedFinish!)}, after your target of ${date(f.targetDate)}`,
      publicHeadline: `Projected to finish ${date(f.projectedFinish!)}, after the target of ${date(f.targetDate)}`,
      detail: "finishing after your target",
      bufferChip: true,
      advice: REPLAN_ADVICE,
    }),
  },
  {
    rule: "behind",
    status: "at_risk",
    applies: (f) => (f.varianceDays ?? 0) < -VERDICT_THRESHOLDS.atRiskBehindDays,
    words: (f) => {
      // Here the projection, if any, makes the target: the recent pace is catching up.
      const catching = f.projectedFinish ? `catching up: at this pace you finish ${date(f.projectedFinish)}` : finishPart(f, "learner");
      const catchingPublic = f.projectedFinish ? `catching up: projected to finish ${date(f.projectedFinish)}` : finishPart(f, "visitor");
      return {
        headline: joined(describeVariance(f.varianceDays!), catching),
        publicHeadline: joined(describeVariance(f.varianceDays!), catchingPublic),
        detail: describeVariance(f.varianceDays!),
        bufferChip: true,
        advice: REPLAN_ADVICE,
      };
    },
  },
  {
    rule: "on_track",
    status: "on_track",
    applies: () => true,
    words: (f) => ({
      headline: joined(describeVariance(f.varianceDays ?? 0), describeBuffer(f.bufferDays ?? 0), finishPart(f, "learner")),
      publicHeadline: joined(describeVariance(f.varianceDays ?? 0), describeBuffer(f.bufferDays ?? 0), finishPart(f, "visitor")),
      detail: describeVariance(f.varianceDays ?? 0),
      // "2 weeks ahead" and "on plan" say "on track" already; "3 days behind" needs the label beside it.
      ...((f.varianceDays ?? 0) >= 0 ? { phrase: describeVariance(f.varianceDays ?? 0) } : {}),
      bufferChip: true,
      advice: null,
    }),
  },
];

/** The verdict: the first rule of VERDICT_RULES that applies. */
export function decideVerdict(facts: VerdictFacts): Verdict {
  const rule = VERDICT_RULES.find((r) => r.applies(facts))!;
  const words = rule.words(facts);
  const label = rule.label ?? STATUS_LABELS[rule.status];
  const buffer = facts.bufferDays;
  return {
    rule: rule.rule,
    status: rule.status,
    tone: STATUS_TONES[rule.status],
    label,
    headline: words.headline,
    publicHeadline: words.publicHeadline,
    phrase: words.phrase ?? (words.detail ? `${label.toLowerCase()}, ${words.detail}` : label.toLowerCase()),
    bufferChip: words.bufferChip && buffer !== null ? (buffer >= 0 ? `${buffer} d buffer` : "No buffer") : null,
    advice: words.advice,
  };
}
