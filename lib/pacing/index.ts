// Pacing: am I on pace, and when will I finish at this rate? Pure: a function of (roadmap, enrolment
// with its history, the user's progress with when each skill became done and undone, now, time
// zone). The dashboard, the phone check-in and the weekly email all show its numbers, through
// getPacing in lib/progress/pacing.ts.
import type { DurationAnchor } from "../roadmaps/types";
import { FEATURE_LAUNCH_SKILL, launchAnchor } from "./rules";
import type { SkillProgress } from "./flips";
import { addMonths, dateOfDay, dayOfIso, isoOfDay } from "../calendar/days";
import { localDayFunction } from "../calendar/zones";
import { BaseCurve, BudgetedLine, PauseCalendar, PlanLine, rateToFinish, type BudgetStep, type PauseSpan, type PhaseWindow } from "./plan";
import { decideVerdict, VERDICT_THRESHOLDS, type PacingStatus, type Verdict, type VerdictFacts } from "./verdict";
import { planThisWeek, type ThisWeekPlan } from "./this-week";

export type { PacingStatus, Verdict, VerdictFacts, VerdictRule, VerdictTone } from "./verdict";

/** The pacing model's thresholds; the verdict's own are VERDICT_THRESHOLDS (lib/pacing/verdict.ts). */
export const PACING_THRESHOLDS = {
  /** Further behind than this (days) is "at risk". */
  atRiskBehindDays: VERDICT_THRESHOLDS.atRiskBehindDays,
  /** Further behind than this (days) is "off track". */
  offTrackBehindDays: VERDICT_THRESHOLDS.offTrackBehindDays,
  /** Velocity is measured over this many trailing days… */
  velocityWindowDays: 28,
  /** …and no projection is made before this many active days of history. */
  minDaysForProjection: 7,
} as const;

/** Buffer colour bands, from habit-pacing tools: the first band whose bound the buffer is under. */
export const BUFFER_BANDS = [
  { band: "red", below: 1 },
  { band: "orange", below: 2 },
  { band: "blue", below: 3 },
  { band: "green", below: 7 },
  { band: "dark-green", below: Number.POSITIVE_INFINITY },
] as const;
export type BufferBand = (typeof BUFFER_BANDS)[number]["band"];

export function bufferBand(bufferDays: number): BufferBand {
  return BUFFER_BANDS.find((b) => bufferDays < b.below)!.band;
}

export interface PacingMilestone {
  id: string;
  skillId: string;
  skillSlug: string;
  title: string;
  effortHours: number;
  minDurationDays: number | null;
  durationAnchor: DurationAnchor | null;
}

export interface PacingPhase {
  slug: string;
  title: string;
  startMonth: number;
  endMonth: number;
  milestones: readonly PacingMilestone[];
}

export interface PacingInput {
  roadmap: {
    /** The timeline phase windows are written against (18 for swe-to-mle). */
    canonicalMonths: number;
    /** The outer limit: the "18-month line". */
    maxMonths: number;
    phases: readonly PacingPhase[];
  };
  enrollment: {
    /** "YYYY-MM-DD", a local date. */
    startDate: string;
    targetMonths: number;
    status: "active" | "paused" | "abandoned" | "completed";
    /**
     * In time order. `toTargetMonths` is set on enrolled and replanned; a "budget_changed" change
     * carries the weekly hours before and after it.
     */
    changes: readonly {
      kind: string;
      at: Date;
      toTargetMonths: number | null;
      fromWeeklyHours?: number | null;
      toWeeklyHours?: number | null;
    }[];
    /** The weekly hours budget now; the history says what it was at an earlier `now`. Absent: no budget rule. */
    weeklyHours?: number | null;
  };
  /**
   * The user's skills as the database keeps them for pacing (MilestoneProgress): the status now and
   * the done flips. Flips after `now` are ignored; a skip counts from whenever it was made.
   */
  progress: readonly SkillProgress[];
  /**
   * The local date ("YYYY-MM-DD") the shipped-feature record starts the maintenance clock on (its
   * launch, or its latest gap). When given it is the launch anchor; otherwise the day the ship
   * milestone was last ticked done stands in for it.
   */
  featureLaunch?: string | null;
  /**
   * Hours logged in check-ins (instant in epoch ms, hours), at least those of the velocity window
   * before `now`; more are ignored. Absent or empty: velocity comes from ticks alone.
   */
  checkIns?: readonly { at: number; hours: number }[];
  /** Hours logged against each skill across all the user's check-ins (this week's plan counts them against estimates). */
  hoursLogged?: readonly { skillId: string; hours: number }[];
  now: Date;
  timeZone: string;
}

export interface PlanSeries {
  targetMonths: number;
  /** Day the line starts from (0, or the replan's day) and the day it reaches 100%. */
  fromDate: string;
  endDate: string;
  /** Replaced by a later replan. */
  superseded: boolean;
  points: { day: number; date: string; share: number }[];
}

/** What pacing says, without the chart's series: all the weekly email needs. */
export interface PacingSummary {
  status: PacingStatus;
  today: { day: number; date: string };
  startDate: string;
  /** The current plan's finish date, pauses included. */
  targetDate: string;
  /** Start + the roadmap's maximum (18 months for swe-to-mle); a projection past it is off track. */
  limitDate: string;
  paused: boolean;
  actual: { share: number; doneWeight: number; totalWeight: number };
  planned: { share: number };
  /** Positive: ahead. The date the plan reached today's actual, minus today. Null before the start. */
  varianceDays: number | null;
  /** Days the user could do nothing and stay on or above the line; negative when below. Null once done. */
  bufferDays: number | null;
  bufferBand: BufferBand | null;
  /**
   * `ticks` / `logged`: the window's ticked effort and check-in hours, per week; `hoursPerWeek` is
   * the blend (see measureVelocity), `basis` the window.
   */
  velocity: { sharePerWeek: number; hoursPerWeek: number; basis: "trailing" | "since_start"; ticks: number; logged: number } | null;
  /** Null when there is not enough data yet to project. */
  projectedFinish: string | null;
  /** The earliest finish time-based milestones allow, if it holds the projection back. */
  earliestFinish: string | null;
  finishedOn: string | null;
  projection: { from: { day: number; share: number }; to: { day: number; date: string } } | null;
  nextMilestones: { id: string; title: string; phaseTitle: string; dueDate: string }[];
  /** Time-based milestones not yet done, and when they may be. Null date: its anchor hasn't happened. */
  waiting: { id: string; title: string; availableFrom: string | null }[];
  /** Open milestones whose due date (their phase window's end) has passed, most overdue first. */
  overdue: { id: string; title: string; dueDate: string; days: number }[];
  /**
   * The weekly hours budget in force, the day the plan line (which the budget paces) reaches 100% —
   * null if not within 15 years — and the whole hours a week that would bring that day to the target
   * from where the line is today (null once the target has passed). Null without a budget.
   */
  budget: { weeklyHours: number; finishDate: string | null; hoursForTarget: number | null } | null;
  /**
   * Behind the line: the whole hours a week that, from today's actual share, finish by the target
   * along the plan's phases — back on the line by then at the latest. Null when not behind, done, or
   * past the target.
   */
  catchUp: { hoursPerWeek: number } | null;
  /** The one verdict (lib/pacing/verdict.ts): status, tone, headline and every sentence about pace. */
  verdict: Verdict;
  /** This week's plan (lib/pacing/this-week.ts): the milestones to work on, with hours, within the budget. */
  thisWeek: ThisWeekPlan;
}

/** The summary and the dashboard chart's series. */
export interface Pacing extends PacingSummary {
  plans: PlanSeries[];
  actualSeries: { day: number; date: string; share: number }[];
  activity: { date: string; count: number }[];
  /** Every open milestone in roadmap order with its due date, as nextMilestones has the first three. */
  plannedMilestones: PacingSummary["nextMilestones"];
}

type FlatMilestone = PacingMilestone & { phase: PacingPhase };

/**
 * A roadmap's milestones in order, each with its phase, and by skill. The same tree object comes
 * back for every user of a roadmap (lib/progress/pacing.ts caches it), and copying its milestones
 * was the largest single cost of computePacing across a digest batch (tests/bench/digest.ts), so
 * it is done once per tree.
 */
interface FlatRoadmap {
  milestones: FlatMilestone[];
  bySkill: Map<string, FlatMilestone>;
  /** Their effort, all counted (nothing skipped). */
  totalWeight: number;
  /** The time-based ones (minDurationDays), in order. */
  timed: FlatMilestone[];
}

const flattened = new WeakMap<PacingInput["roadmap"], FlatRoadmap>();

function flatten(roadmap: PacingInput["roadmap"]): FlatRoadmap {
  let flat = flattened.get(roadmap);
  if (!flat) {
    const milestones = roadmap.phases.flatMap((p) => p.milestones.map((m) => ({ ...m, phase: p })));
    flat = {
      milestones,
      bySkill: new Map(milestones.map((m) => [m.skillId, m])),
      totalWeight: milestones.reduce((sum, m) => sum + m.effortHours, 0),
      timed: milestones.filter((m) => m.minDurationDays),
    };
    flattened.set(roadmap, flat);
  }
  return flat;
}

/** The chart's series, from what the summary worked out on the way. */
interface ChartParts {
  start: number;
  today: number;
  lines: { line: BudgetedLine; fromDay: number }[];
  actualPoints: { day: number; share: number }[];
  actualAt: (day: number) => number;
  activityByDay: Map<number, number>;
  openByPlan: (limit: number) => PacingSummary["nextMilestones"];
}

/** Pacing with the chart's series: the dashboard, the JSON route, the check-in. */
export function computePacing(input: PacingInput): Pacing {
  const { summary, chart } = analyse(input);
  return { ...summary, ...chartSeries(chart) };
}

/**
 * The same verdicts without building the series (a fifth of the work), for the weekly email, which
 * composes thousands at a time and shows none of them.
 */
export function pacingSummary(input: PacingInput): PacingSummary {
  return analyse(input).summary;
}

/**
 * Where the learner stands on their own calendar: local days, what counts (milestones not skipped
 * now), the actual line (done weight at the end of each day with a change) and the launch anchor.
 */
function readActual(input: PacingInput, flat: FlatRoadmap, start: number) {
  const { enrollment } = input;
  const nowMs = input.now.getTime();
  const { milestones, bySkill } = flat;
  const progress = progressByNow(input.progress, bySkill, nowMs);

  const earliestMs = progress.reduce(
    (min, p) => (p.n > 0 ? Math.min(min, p.flips[0]!) : min),
    Math.min(nowMs, dateOfDay(start - 1).getTime(), ...enrollment.changes.slice(0, 1).map((c) => c.at.getTime())),
  );
  const localDay = localDayFunction(input.timeZone, earliestMs, nowMs);
  const dayOf = (at: Date) => localDay(at.getTime()) - start;
  const today = localDay(nowMs) - start;

  // --- what counts: milestones not currently skipped -------------------------------------------
  const skipped = new Set(progress.filter((p) => p.skipped).map((p) => p.skillId));
  const doneNow = new Set(progress.filter((p) => p.n % 2 === 1).map((p) => p.skillId));
  const counted = skipped.size === 0 ? milestones : milestones.filter((m) => !skipped.has(m.skillId));
  const totalWeight = skipped.size === 0 ? flat.totalWeight : counted.reduce((sum, m) => sum + m.effortHours, 0);

  const { deltaByDay, activityByDay, shipDoneAt } = flipsByDay(progress, bySkill, localDay, start);
  const { launchDay, launchFromRecord } = launchDayOf(input.featureLaunch, shipDoneAt, localDay, start);
  const { actualPoints, doneWeight } = actualLine(deltaByDay, totalWeight);
  const actualAt = (day: number): number => shareAt(actualPoints, day);
  const actual = totalWeight === 0 ? 1 : doneWeight / totalWeight;
  return {
    nowMs,
    localDay,
    dayOf,
    today,
    skipped,
    doneNow,
    counted,
    totalWeight,
    doneWeight,
    actual,
    actualPoints,
    actualAt,
    activityByDay,
    launchDay,
    launchFromRecord,
  };
}

type Actual = ReturnType<typeof readActual>;

/** This roadmap's skills, each with the flips that had happened by now (the first `n` of `flips`). */
function progressByNow(progress: readonly SkillProgress[], bySkill: FlatRoadmap["bySkill"], nowMs: number) {
  return progress
    .filter((p) => bySkill.has(p.skillId))
    .map((p) => {
      let n = p.doneFlips.length;
      while (n > 0 && p.doneFlips[n - 1]! > nowMs) n--;
      return { skillId: p.skillId, skipped: p.status === "skipped", flips: p.doneFlips, n };
    });
}

type ProgressByNow = ReturnType<typeof progressByNow>[number];

/**
 * The flips by local day since the start: the change in done weight, and how many became done
 * (activity); also when the ship milestone was last ticked done, if it is done now.
 */
function flipsByDay(progress: readonly ProgressByNow[], bySkill: FlatRoadmap["bySkill"], localDay: (ms: number) => number, start: number) {
  // --- the actual line: done weight at the end of each day with a change ----------------------------
  // Progress made before the start (a shared skill done on another roadmap) is on day -1. Flips of
  // a skill skipped now weigh nothing: they leave the line where it was, but still show as activity.
  const deltaByDay = new Map<number, number>();
  const activityByDay = new Map<number, number>();
  let shipDoneAt: number | null = null;
  for (const p of progress) {
    const weight = p.skipped ? 0 : bySkill.get(p.skillId)!.effortHours;
    for (let i = 0; i < p.n; i++) {
      const day = Math.max(localDay(p.flips[i]!) - start, -1);
      const becameDone = i % 2 === 0;
      if (becameDone) activityByDay.set(day, (activityByDay.get(day) ?? 0) + 1);
      if (weight > 0) deltaByDay.set(day, (deltaByDay.get(day) ?? 0) + (becameDone ? weight : -weight));
    }
    if (bySkill.get(p.skillId)!.skillSlug === FEATURE_LAUNCH_SKILL && p.n % 2 === 1) shipDoneAt = p.flips[p.n - 1]!;
  }
  return { deltaByDay, activityByDay, shipDoneAt };
}

/** The launch anchor's day since the start (null: nothing launched), and whether the shipped-feature record gave it. */
function launchDayOf(
  featureLaunch: PacingInput["featureLaunch"],
  shipDoneAt: number | null,
  localDay: (ms: number) => number,
  start: number,
) {
  const anchor = launchAnchor(featureLaunch || null, shipDoneAt);
  // A record's date isn't clamped to the start: a feature launched before the plan began may be 90
  // days old already (the same day checkCompletion allows the tick). A tick before it is on day -1.
  const launchFromRecord = typeof anchor === "string";
  const launchDay = anchor === null ? null : launchFromRecord ? dayOfIso(anchor) - start : Math.max(localDay(anchor.getTime()) - start, -1);
  return { launchDay, launchFromRecord };
}

/** The actual line's points (the share done at the end of each day with a change, in day order) and the done weight now. */
function actualLine(deltaByDay: ReadonlyMap<number, number>, totalWeight: number) {
  const actualPoints: { day: number; share: number }[] = [];
  let doneWeight = 0;
  for (const day of [...deltaByDay.keys()].sort((a, b) => a - b)) {
    doneWeight += deltaByDay.get(day)!;
    actualPoints.push({ day, share: totalWeight === 0 ? 0 : doneWeight / totalWeight });
  }
  return { actualPoints, doneWeight };
}

/** The actual line's share at the end of `day`: that of the last point on or before it, else 0. */
function shareAt(actualPoints: readonly { day: number; share: number }[], day: number): number {
  let share = 0;
  for (const p of actualPoints) {
    if (p.day > day) break;
    share = p.share;
  }
  return share;
}

/** The time-based milestones still open, each with the day it may be done (null: its anchor hasn't happened). */
function timedWaiting(flat: FlatRoadmap, { skipped, doneNow, launchDay, launchFromRecord }: Actual) {
  return flat.timed
    .filter((m) => !skipped.has(m.skillId) && !doneNow.has(m.skillId))
    .map((m) => {
      const anchor = m.durationAnchor === "feature_launch" ? launchDay : 0;
      const fromRecord = m.durationAnchor === "feature_launch" && launchFromRecord;
      return { m, availableDay: anchor === null ? null : (fromRecord ? anchor : Math.max(anchor, 0)) + m.minDurationDays! };
    });
}

/** The plan's versions (the enrolment, each replan and budget change) and the line in force now. */
function buildPlan(input: PacingInput, flat: FlatRoadmap, start: number, reading: Actual) {
  const { roadmap, enrollment } = input;
  const { milestones } = flat;
  const { dayOf, nowMs, today, skipped, totalWeight, actualAt } = reading;
  // Pauses and plan lines --------------------------------------------------------------------
  const { spans, replans, initialTarget, budgets } = readHistory(enrollment.changes, dayOf, nowMs);
  const pauses = new PauseCalendar(spans, Math.max(today, 0));
  // Each phase's share of the counted weight; with everything skipped, of the whole weight, so the
  // line still runs from 0 to 100%.
  const weighed = totalWeight > 0 ? (m: PacingMilestone) => !skipped.has(m.skillId) : () => true;
  const weighedTotal = totalWeight > 0 ? totalWeight : milestones.reduce((sum, m) => sum + m.effortHours, 0);
  const phaseWindows: PhaseWindow[] = roadmap.phases.map((p) => ({
    startMonth: p.startMonth,
    endMonth: p.endMonth,
    weight:
      weighedTotal === 0 ? 1 / roadmap.phases.length : p.milestones.filter(weighed).reduce((s, m) => s + m.effortHours, 0) / weighedTotal,
  }));
  const curve = (target: number) => new BaseCurve(start, phaseWindows, roadmap.canonicalMonths, target, pauses);
  // The phase-window lines: the first from 0 on day 0, each replan's from the share done that day.
  const rawLines = [new PlanLine(curve(initialTarget ?? replans[0]?.targetMonths ?? enrollment.targetMonths), 0, 0)];
  for (const r of replans) rawLines.push(new PlanLine(curve(r.targetMonths), r.day, Math.max(actualAt(r.day), 0)));

  // The budget paces each line (BudgetedLine). The steps: the first budget, then each change from its day.
  // The first budget: what the first change (even one after now) changed from, else today's.
  const firstChange = enrollment.changes.find((c) => c.kind === "budget_changed");
  const initialHours = firstChange?.fromWeeklyHours ?? enrollment.weeklyHours ?? null;
  const rateOf = (hours: number) => (totalWeight > 0 ? hours / 7 / totalWeight : Number.POSITIVE_INFINITY);
  const stepsUpTo = (k: number): BudgetStep[] =>
    initialHours === null
      ? []
      : [
          { fromDay: Number.NEGATIVE_INFINITY, sharePerDay: rateOf(initialHours) },
          ...budgets.slice(0, k).map((b) => ({ fromDay: b.day, sharePerDay: rateOf(b.toWeeklyHours) })),
        ];
  // Line i under the first k budget changes, held up by the earlier lines whose target is no sooner.
  const built = new Map<string, BudgetedLine>();
  const budgeted = (i: number, k: number): BudgetedLine => {
    const key = `${i}:${k}`;
    let line = built.get(key);
    if (!line) {
      const floors: BudgetedLine[] = [];
      for (let j = 0; j < i; j++) if (rawLines[j]!.endDay >= rawLines[i]!.endDay) floors.push(budgeted(j, k));
      line = new BudgetedLine(rawLines[i]!, i === 0 ? "enrolled" : "replanned", stepsUpTo(k), pauses, floors);
      built.set(key, line);
    }
    return line;
  };
  // Every replan and budget change starts a new version of the plan; the earlier ones are kept for
  // the chart. A budget change on the day a version starts (a replan with new hours) amends it.
  const versions: { raw: number; k: number; fromDay: number }[] = [{ raw: 0, k: 0, fromDay: 0 }];
  for (const v of mergeVersions(replans, budgets)) {
    const last = versions[versions.length - 1]!;
    if (v.kind === "replanned") versions.push({ raw: last.raw + 1, k: last.k, fromDay: v.day });
    else if (v.day === last.fromDay) last.k += 1;
    else versions.push({ raw: last.raw, k: last.k + 1, fromDay: v.day });
  }
  const lines = versions.map((v) => ({ line: budgeted(v.raw, v.k), fromDay: v.fromDay }));
  const plan = lines[lines.length - 1]!.line;
  return { pauses, lines, plan };
}

function analyse(input: PacingInput): { summary: PacingSummary; chart: ChartParts } {
  const { roadmap, enrollment } = input;
  const start = dayOfIso(enrollment.startDate);
  const flat = flatten(roadmap);
  const reading = readActual(input, flat, start);
  const { nowMs, today, totalWeight, doneWeight, actualPoints, actualAt, activityByDay } = reading;
  const { pauses, lines, plan } = buildPlan(input, flat, start, reading);
  const standing = standingOf(input, flat, start, reading, pauses, plan);
  const { started, done, actual, bufferDays, projectedDay, heldBackBy, waiting } = standing;

  const phaseEnd = phaseDueDays(roadmap.phases, plan);
  const openByPlan = openMilestonesByPlan(reading, start, phaseEnd);
  const nextMilestones = openByPlan(3);
  const availableOn = new Map(waiting.map((w) => [w.m.skillId, w.availableDay]));
  const overdue = started && !done ? overdueMilestones(reading, standing, phaseEnd, availableOn) : [];
  const weeklyHours = weeklyHoursAt(enrollment, nowMs);
  const { budget, catchUp } = budgetAgainstPlan(standing, totalWeight, weeklyHours);
  const verdict = verdictOf(input, standing, overdue, budget);
  const thisWeek = thisWeekOf(input, reading, standing, { phaseEnd, availableOn, weeklyHours });

  const summary: PacingSummary = {
    status: verdict.status,
    today: dayAndDate(start, today),
    startDate: enrollment.startDate,
    targetDate: standing.targetDate,
    limitDate: standing.limitDate,
    paused: enrollment.status === "paused",
    actual: { share: Math.min(actual, 1), doneWeight, totalWeight },
    planned: { share: standing.planned },
    varianceDays: standing.varianceDays,
    bufferDays,
    bufferBand: bufferDays === null ? null : bufferBand(bufferDays),
    velocity: standing.velocity,
    projectedFinish: standing.projectedFinish,
    earliestFinish: heldBackBy === null ? null : isoOfDay(start + heldBackBy),
    finishedOn: standing.finishedOn,
    projection: projectedDay === null ? null : { from: { day: today, share: actual }, to: dayAndDate(start, projectedDay) },
    nextMilestones,
    waiting: waiting.map((w) => ({
      id: w.m.id,
      title: w.m.title,
      availableFrom: w.availableDay === null ? null : isoOfDay(start + w.availableDay),
    })),
    overdue,
    budget,
    catchUp,
    verdict,
    thisWeek,
  };
  return { summary, chart: { start, today, lines, actualPoints, actualAt, activityByDay, openByPlan } };
}

/** A day since the start with its local date. */
function dayAndDate(start: number, day: number) {
  return { day, date: isoOfDay(start + day) };
}

/**
 * Where today stands against the plan in force: the shares, variance and buffer, velocity and the
 * projected finish, and the dates the verdict and the summary both give.
 */
function standingOf(input: PacingInput, flat: FlatRoadmap, start: number, reading: Actual, pauses: PauseCalendar, plan: BudgetedLine) {
  const { today, totalWeight, actual, actualPoints, actualAt } = reading;
  // --- verdicts --------------------------------------------------------------------------------
  const done = actual >= 1 - 1e-12;
  const started = today >= 0;
  const planned = started ? plan.at(today) : 0;
  const varianceDays = started ? plan.firstDayReaching(Math.min(actual, 1)) - today : null;
  const bufferDays = started && !done ? plan.lastDayAtOrBelow(actual) - today : null;
  const limitDay = addMonths(start, input.roadmap.maxMonths) - start;
  const finishedDay = done ? Math.max(actualPoints[actualPoints.length - 1]?.day ?? 0, 0) : null;

  const loggedAfter = loggedHoursAfter(input.checkIns, reading, start);
  const velocity = started && !done ? measureVelocity(today, pauses, actualAt, totalWeight, loggedAfter) : null;
  const waiting = timedWaiting(flat, reading);
  const { projectedDay, heldBackBy } = projectFinish(waiting, today, actual, velocity);
  return {
    start,
    today,
    started,
    done,
    actual,
    planned,
    varianceDays,
    bufferDays,
    velocity,
    waiting,
    projectedDay,
    heldBackBy,
    pauses,
    plan,
    targetDate: isoOfDay(start + plan.raw.endDay),
    limitDate: isoOfDay(start + limitDay),
    projectedFinish: projectedDay === null ? null : isoOfDay(start + projectedDay),
    finishedOn: finishedDay === null ? null : isoOfDay(start + finishedDay),
  };
}

type Standing = ReturnType<typeof standingOf>;

/** The check-in hours logged up to now, as a function of a day: the hours logged after it. */
function loggedHoursAfter(checkIns: PacingInput["checkIns"], { nowMs, localDay }: Actual, start: number) {
  // Check-in hours by local day, up to today: the effort half of velocity.
  const logged: { day: number; hours: number }[] = [];
  for (const c of checkIns ?? []) {
    if (c.at <= nowMs && c.hours > 0) logged.push({ day: localDay(c.at) - start, hours: c.hours });
  }
  return (day: number): number => {
    let hours = 0;
    for (const c of logged) if (c.day > day) hours += c.hours;
    return hours;
  };
}

/**
 * The day the finish is projected on at this velocity (null without one), and the earliest day the
 * time-based milestones allow when that holds the projection back (else null).
 */
function projectFinish(waiting: ReturnType<typeof timedWaiting>, today: number, actual: number, velocity: Pacing["velocity"]) {
  // An anchor not reached yet (nothing launched) can at best be reached today.
  const earliestDay = waiting.reduce((max, w) => Math.max(max, w.availableDay ?? today + w.m.minDurationDays!), today);
  let projectedDay: number | null = null;
  let heldBackBy: number | null = null;
  if (velocity) {
    const byPace = today + Math.max(1, Math.ceil(((1 - actual) * 7) / velocity.sharePerWeek - 1e-9));
    projectedDay = Math.max(byPace, earliestDay);
    if (earliestDay > byPace) heldBackBy = earliestDay;
  }
  return { projectedDay, heldBackBy };
}

/** The day each phase's milestones are due, by phase slug. */
function phaseDueDays(phases: readonly PacingPhase[], plan: BudgetedLine): Map<string, number> {
  // Each milestone is due when its phase's window ends. A window that closed before the current line
  // began (a replan) hands its open milestones to the first window still open then: a replan is a
  // new plan from today, not a list of debts.
  // At a budget the line may run behind a window: then its milestones are due the day the budgeted
  // line reaches the share that window ends on, so a front-loaded phase isn't overdue for keeping to
  // the budget.
  const raw = plan.raw;
  const windowEnds = phases.map((_, i) => raw.base.endDayOfWindow(i));
  const dueOf = (end: number) => Math.max(end, plan.firstDayReaching(raw.at(end)));
  return new Map(
    phases.map((p, i) => {
      const end = windowEnds[i]!;
      return [p.slug, dueOf(end >= raw.fromDay ? end : (windowEnds.find((e) => e >= raw.fromDay) ?? raw.endDay))] as const;
    }),
  );
}

/**
 * The open milestones by the plan, in roadmap order, up to a limit: the dashboard shows the first
 * three, the calendar feed every one (Pacing.plannedMilestones).
 */
function openMilestonesByPlan({ counted, doneNow }: Actual, start: number, phaseEnd: ReadonlyMap<string, number>) {
  return (limit: number): PacingSummary["nextMilestones"] => {
    const open: PacingSummary["nextMilestones"] = [];
    for (const m of counted) {
      if (open.length === limit) break;
      if (!doneNow.has(m.skillId))
        open.push({ id: m.id, title: m.title, phaseTitle: m.phase.title, dueDate: isoOfDay(start + phaseEnd.get(m.phase.slug)!) });
    }
    return open;
  };
}

/** The open milestones past their due day, most overdue first. */
function overdueMilestones(
  { counted, doneNow }: Actual,
  { start, today }: Standing,
  phaseEnd: ReadonlyMap<string, number>,
  availableOn: ReadonlyMap<string, number | null>,
): PacingSummary["overdue"] {
  // Overdue: open, due before today, and not held back by a time-based rule until after its due day.
  const overdue: PacingSummary["overdue"] = [];
  for (const m of counted) {
    if (doneNow.has(m.skillId)) continue;
    const due = phaseEnd.get(m.phase.slug)!;
    const available = availableOn.has(m.skillId) ? (availableOn.get(m.skillId) ?? today) : due;
    const effectiveDue = Math.max(due, available);
    if (effectiveDue < today)
      overdue.push({ id: m.id, title: m.title, dueDate: isoOfDay(start + effectiveDue), days: today - effectiveDue });
  }
  overdue.sort((a, b) => b.days - a.days);
  return overdue;
}

/** The summary's budget (null without one) and, behind the line, the hours a week that catch up by the target. */
function budgetAgainstPlan(
  { start, today, started, done, actual, varianceDays, pauses, plan }: Standing,
  totalWeight: number,
  weeklyHours: number | null,
) {
  // The budget against the plan: when the budgeted line finishes, and the hours that would finish it
  // by the target from where it is today.
  const raw = plan.raw;
  const budget: PacingSummary["budget"] =
    weeklyHours === null
      ? null
      : {
          weeklyHours,
          finishDate: plan.endDay > raw.endDay + 15 * 365 ? null : isoOfDay(start + plan.endDay),
          hoursForTarget: started && !done ? wholeHoursAWeek(rateToFinish(raw, pauses, today, plan.at(today)), totalWeight) : null,
        };
  let catchUp: PacingSummary["catchUp"] = null;
  if (started && !done && varianceDays !== null && varianceDays < 0) {
    const hours = wholeHoursAWeek(rateToFinish(raw, pauses, today, Math.min(actual, 1)), totalWeight);
    catchUp = hours === null ? null : { hoursPerWeek: hours };
  }
  return { budget, catchUp };
}

/** A rate (share of the counted weight per active day) as whole hours a week, at least 1; null stays null. */
function wholeHoursAWeek(rate: number | null, totalWeight: number): number | null {
  return rate === null ? null : Math.max(1, Math.ceil(rate * totalWeight * 7 - 1e-9));
}

/** The one verdict (lib/pacing/verdict.ts) on the standing, what is overdue and the budget. */
function verdictOf(input: PacingInput, standing: Standing, overdue: PacingSummary["overdue"], budget: PacingSummary["budget"]): Verdict {
  const { roadmap, enrollment } = input;
  const { today, started, pauses, plan } = standing;
  // The grace week belongs to a fresh start: enrolling, or a replan from the share done that day. A
  // replan held up by an earlier line (back to a target the user was behind on) is judged at once.
  const lineFrom = plan.origin.day;
  const facts: VerdictFacts = {
    today,
    startDate: enrollment.startDate,
    done: standing.done,
    finishedOn: standing.finishedOn,
    paused: enrollment.status === "paused",
    share: Math.min(standing.actual, 1),
    line: {
      kind: plan.origin.kind,
      activeDaysSince: started ? pauses.activeDaysBefore(today + 1) - pauses.activeDaysBefore(lineFrom + 1) : 0,
    },
    varianceDays: standing.varianceDays,
    bufferDays: standing.bufferDays,
    projectedFinish: standing.projectedFinish,
    targetDate: standing.targetDate,
    limitDate: standing.limitDate,
    limitMonths: roadmap.maxMonths,
    overdue: overdue.length > 0 ? { count: overdue.length, days: overdue[0]!.days, title: overdue[0]!.title } : null,
    budget,
  };
  return decideVerdict(facts);
}

/** This week's plan (lib/pacing/this-week.ts) for the open milestones, with their due and available days. */
function thisWeekOf(
  input: PacingInput,
  { counted, doneNow }: Actual,
  { start, done }: Standing,
  due: { phaseEnd: ReadonlyMap<string, number>; availableOn: ReadonlyMap<string, number | null>; weeklyHours: number | null },
): ThisWeekPlan {
  const { enrollment } = input;
  const { phaseEnd, availableOn } = due;
  // --- this week's plan: the open milestones with what the line and the rules say of them -------
  const statusOf = new Map(input.progress.map((p) => [p.skillId, p.status]));
  const loggedOf = new Map((input.hoursLogged ?? []).map((l) => [l.skillId, l.hours]));
  return planThisWeek({
    milestones: counted
      .filter((m) => !doneNow.has(m.skillId))
      .map((m) => {
        const available = availableOn.get(m.skillId);
        return {
          id: m.id,
          title: m.title,
          phaseTitle: m.phase.title,
          effortHours: m.effortHours,
          inProgress: statusOf.get(m.skillId) === "in_progress",
          dueDate: isoOfDay(start + phaseEnd.get(m.phase.slug)!),
          availableFrom: available === undefined ? undefined : available === null ? null : isoOfDay(start + available),
          hoursLogged: loggedOf.get(m.skillId) ?? 0,
        };
      }),
    weeklyHours: due.weeklyHours,
    startDate: enrollment.startDate,
    state: done ? "done" : enrollment.status === "active" ? "active" : enrollment.status === "paused" ? "paused" : "ended",
    checkIns: input.checkIns ?? [],
    now: input.now,
    timeZone: input.timeZone,
  });
}

function chartSeries({
  start,
  today,
  lines,
  actualPoints,
  actualAt,
  activityByDay,
  openByPlan,
}: ChartParts): Pick<Pacing, "plans" | "actualSeries" | "activity" | "plannedMilestones"> {
  const lastDay = Math.max(today, 0);
  const plans: PlanSeries[] = lines.map(({ line, fromDay: from }, i) => {
    return {
      targetMonths: line.targetMonths,
      fromDate: isoOfDay(start + from),
      endDate: isoOfDay(start + line.endDay),
      superseded: i < lines.length - 1,
      points: line.bends(from, line.endDay).map((day) => ({ day, date: isoOfDay(start + day), share: line.at(day) })),
    };
  });
  const actualSeries = [
    { day: 0, share: actualAt(0) },
    ...actualPoints.filter((p) => p.day > 0 && p.day <= lastDay),
    { day: lastDay, share: actualAt(lastDay) },
  ]
    .filter((p, i, all) => i === 0 || p.day !== all[i - 1]!.day || p.share !== all[i - 1]!.share)
    .map((p) => ({ day: p.day, date: isoOfDay(start + p.day), share: p.share }));
  const activity = [...activityByDay.entries()]
    .filter(([day]) => day >= 0)
    .sort(([a], [b]) => a - b)
    .map(([day, count]) => ({ date: isoOfDay(start + day), count }));
  return { plans, actualSeries, activity, plannedMilestones: openByPlan(Number.POSITIVE_INFINITY) };
}

type Change = PacingInput["enrollment"]["changes"][number];

/**
 * Pauses, replans and budget changes from an enrolment's history, in days since the start (never
 * before day 0); budget changes after `nowMs` are left out (the budget then was the one before them).
 */
function readHistory(changes: readonly Change[], dayOf: (at: Date) => number, nowMs = Number.POSITIVE_INFINITY) {
  const spans: PauseSpan[] = [];
  const replans: { day: number; targetMonths: number; order: number }[] = [];
  const budgets: { day: number; fromWeeklyHours: number | null; toWeeklyHours: number; order: number }[] = [];
  let order = 0;
  let initialTarget: number | null = null;
  for (const c of changes) {
    const day = Math.max(dayOf(c.at), 0);
    const open = spans.length > 0 && spans[spans.length - 1]!.to === null;
    // Leaving a roadmap freezes its line like a pause does.
    if ((c.kind === "paused" || c.kind === "abandoned") && !open) spans.push({ from: day, to: null });
    else if ((c.kind === "resumed" || c.kind === "completed") && open) spans[spans.length - 1]!.to = day;
    else if (c.kind === "enrolled" && c.toTargetMonths !== null) initialTarget ??= c.toTargetMonths;
    else if (c.kind === "replanned" && c.toTargetMonths !== null) replans.push({ day, targetMonths: c.toTargetMonths, order: order++ });
    else if (c.kind === "budget_changed" && c.toWeeklyHours != null && c.at.getTime() <= nowMs) {
      budgets.push({ day, fromWeeklyHours: c.fromWeeklyHours ?? null, toWeeklyHours: c.toWeeklyHours, order: order++ });
    }
  }
  return { spans, replans, initialTarget, budgets };
}

/** Replans and budget changes in the order they were made. */
function mergeVersions(replans: readonly { day: number; order: number }[], budgets: readonly { day: number; order: number }[]) {
  return [
    ...replans.map((r) => ({ kind: "replanned" as const, ...r })),
    ...budgets.map((b) => ({ kind: "budget_changed" as const, ...b })),
  ].sort((a, b) => a.order - b.order);
}

/**
 * The shortest target (whole months) a replan at `now` may choose: its finish, pauses included,
 * must still be after today. Null when even `maxMonths` has already passed.
 */
export function shortestReplanTarget(
  enrollment: { startDate: string; changes: readonly Change[] },
  limits: { minMonths: number; maxMonths: number },
  now: Date,
  timeZone: string,
): number | null {
  const start = dayOfIso(enrollment.startDate);
  const first = enrollment.changes[0]?.at.getTime() ?? now.getTime();
  const localDay = localDayFunction(timeZone, Math.min(first, now.getTime()), now.getTime());
  const dayOf = (at: Date) => localDay(at.getTime()) - start;
  const today = dayOf(now);
  const pauses = new PauseCalendar(readHistory(enrollment.changes, dayOf).spans, Math.max(today, 0));
  for (let months = limits.minMonths; months <= limits.maxMonths; months++) {
    if (pauses.dayOfActive(addMonths(start, months) - start) > today) return months;
  }
  return null;
}

/**
 * Effort completed per week, over the trailing window when there was progress or logged effort in
 * it, else since the start. Paused days are left out of the elapsed time. Null until there are
 * `minDaysForProjection` active days and some progress or logged hours.
 *
 * The blend: with T the effort of the window's ticks and L the hours its check-ins logged (both per
 * week), velocity = T when nothing was logged, else (min(T, L) + L) / 2. Logged hours are the real
 * effort; ticks confirm them up to the hours logged, and hours not (yet) turned into ticks count
 * half. So one large tick can't lift velocity above the hours actually logged, and with steady
 * check-ins it barely moves it.
 */
function measureVelocity(
  today: number,
  pauses: PauseCalendar,
  actualAt: (day: number) => number,
  totalWeight: number,
  loggedAfter: (day: number) => number,
): Pacing["velocity"] {
  const activeThrough = (day: number) => pauses.activeDaysBefore(day + 1);
  const elapsed = activeThrough(today);
  if (elapsed < PACING_THRESHOLDS.minDaysForProjection) return null;
  const window = PACING_THRESHOLDS.velocityWindowDays;
  const now = actualAt(today);
  const rate = (gain: number, hours: number, days: number, basis: "trailing" | "since_start"): Pacing["velocity"] => {
    const ticks = (gain * totalWeight * 7) / days;
    const logged = (hours * 7) / days;
    const hoursPerWeek = logged > 0 ? (Math.min(ticks, logged) + logged) / 2 : ticks;
    // Without check-ins the share rate is the ticks' own (exactly as before check-ins counted).
    const sharePerWeek = logged > 0 ? hoursPerWeek / totalWeight : (gain * 7) / days;
    return { sharePerWeek, hoursPerWeek, basis, ticks, logged };
  };
  if (today >= window) {
    const gain = now - actualAt(today - window);
    const hours = loggedAfter(today - window);
    const days = elapsed - activeThrough(today - window);
    if ((gain > 1e-12 || hours > 0) && days > 0) return rate(Math.max(gain, 0), hours, days, "trailing");
  }
  const gain = now - actualAt(-1);
  const hours = loggedAfter(Number.NEGATIVE_INFINITY);
  if (gain <= 1e-12 && hours <= 0) return null;
  return rate(Math.max(gain, 0), hours, elapsed, "since_start");
}

/**
 * The weekly hours budget at `nowMs`: after the last budget change made by then, its new value;
 * before the first, that change's old value; with no change, the enrolment's. Null without one.
 */
function weeklyHoursAt(enrollment: PacingInput["enrollment"], nowMs: number): number | null {
  let hours: number | null = null;
  for (const c of enrollment.changes) {
    if (c.kind !== "budget_changed") continue;
    if (c.at.getTime() <= nowMs) hours = c.toWeeklyHours ?? hours;
    else return hours ?? c.fromWeeklyHours ?? enrollment.weeklyHours ?? null;
  }
  return hours ?? enrollment.weeklyHours ?? null;
}
