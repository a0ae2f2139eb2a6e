// The shipped-feature record's rules, pure: the maintenance clock, what the record still lacks to be
// the credibility signal hiring managers look for, and when the milestones it drives are due.
//
// The "gap": an incident flagged `featureWasOff` (the feature was switched off, or left without
// anyone looking after it) restarts the 3-month clock on that incident's date. Without one, the
// clock runs from the launch date. Incidents dated after today are ignored until their day comes.
import { checkCompletion } from "../pacing/rules";
import { dayOfIso, isoOfDay } from "../calendar/days";
import { localToday } from "../calendar/zones";
import type { ProgressStatus } from "../validation/progress";
import type { ShippedFeatureUpdate } from "../validation/shipped";

export { countdownText } from "./countdown";

export type ShippedRecord = ShippedFeatureUpdate;

/** Days of upkeep the "maintained 3+ months" milestone asks for (its catalogue minDurationDays). */
export const MAINTENANCE_DAYS = 90;

/** The day the maintenance clock started: the launch, or the latest gap on or before today. */
export function maintenanceClockStart(record: Pick<ShippedRecord, "launchDate" | "incidents">, today: string): string {
  return record.incidents
    .filter((i) => i.featureWasOff && i.occurredOn >= record.launchDate && i.occurredOn <= today)
    .reduce((latest, i) => (i.occurredOn > latest ? i.occurredOn : latest), record.launchDate);
}

/**
 * The maintenance clock's start as pacing and the tick read it from the database: the record's
 * launch and the dates of its gaps ("YYYY-MM-DD"), on the user's today.
 */
export function recordClockStart(record: { launchDate: string; gaps: readonly string[] }, now: Date, timeZone: string): string {
  const incidents = record.gaps.map((occurredOn) => ({ occurredOn, featureWasOff: true, whatHappened: "", whatChanged: "" }));
  return maintenanceClockStart({ launchDate: record.launchDate, incidents }, localToday(now, timeZone));
}

export interface MaintenanceClock {
  /** When the clock started ("YYYY-MM-DD"). */
  since: string;
  /** True when a gap restarted it after the launch. */
  restarted: boolean;
  /** The first day the milestone may be done. */
  doneFrom: string;
  /** Whole days until then; 0 once it has come. */
  daysLeft: number;
  /** Days of upkeep so far (never negative). */
  daysMaintained: number;
  due: boolean;
}

export function maintenanceClock(
  record: Pick<ShippedRecord, "launchDate" | "incidents">,
  now: Date,
  timeZone: string,
  minDurationDays: number = MAINTENANCE_DAYS,
): MaintenanceClock {
  const today = localToday(now, timeZone);
  const since = maintenanceClockStart(record, today);
  // The same rule the tick route applies, so the countdown and the 409 can never disagree.
  const check = checkCompletion(
    { minDurationDays, durationAnchor: "feature_launch" },
    { enrollmentStart: since, featureLaunch: since },
    now,
    timeZone,
  );
  const doneFrom = isoOfDay(dayOfIso(since) + minDurationDays);
  return {
    since,
    restarted: since !== record.launchDate,
    doneFrom,
    daysLeft: Math.max(0, dayOfIso(doneFrom) - dayOfIso(today)),
    daysMaintained: Math.max(0, dayOfIso(today) - dayOfIso(since)),
    due: check.ok,
  };
}

export type CredibilityKey = "eval" | "monitoring" | "outcome" | "maintained" | "incident";

export interface CredibilityItem {
  key: CredibilityKey;
  label: string;
  done: boolean;
}

/**
 * What the article says makes one shipped feature credible: an eval method written down, monitoring
 * after launch, a measured result, a quarter of upkeep and one production issue handled.
 */
export function credibilityChecklist(record: ShippedRecord, clock: MaintenanceClock): CredibilityItem[] {
  const outcome =
    Boolean(record.outcomeMetric) && record.outcomeBefore !== null && record.outcomeAfter !== null && Boolean(record.outcomeVolume);
  return [
    { key: "eval", label: "A link to the eval methodology", done: record.evalUrl !== null },
    { key: "monitoring", label: "A link to the monitoring dashboard", done: record.monitoringUrl !== null },
    { key: "outcome", label: "A measured outcome: metric, before, after and volume", done: outcome },
    {
      key: "maintained",
      label: clock.due ? "90 days of upkeep since launch" : `90 days of upkeep since launch (${clock.daysMaintained} so far)`,
      done: clock.due,
    },
    { key: "incident", label: "At least one production issue handled", done: record.incidents.length > 0 },
  ];
}

/** Only what is still missing; empty when the record counts. */
export function missingForCredibility(record: ShippedRecord, clock: MaintenanceClock): CredibilityItem[] {
  return credibilityChecklist(record, clock).filter((item) => !item.done);
}

export interface SelfCompletionState {
  /** The maintenance milestone's status now (null: never touched). */
  maintainStatus: ProgressStatus | null;
  /** The clock start the record already ticked it for, if any. */
  autoCompletedFor: string | null;
}

/**
 * Whether the server should tick "maintained 3+ months" now. Once per clock start: a user who
 * un-ticks it by hand isn't overruled by the next maintenance pass, and a skip is respected; a gap
 * that restarts the clock lets it be ticked again when the new 90 days are up.
 */
export function maintenanceTickDue(clock: MaintenanceClock, state: SelfCompletionState): boolean {
  if (!clock.due) return false;
  if (state.maintainStatus === "done" || state.maintainStatus === "skipped") return false;
  return state.autoCompletedFor !== clock.since;
}

/**
 * Where the record's own tick of "maintained 3+ months" stands, so the page says only what is true:
 * "counting" (the 90 days aren't up), "ticked" (up, and the milestone is done), "queued" (up, and
 * the next maintenance pass ticks it), "open" (up, but no pass will tick it: the user un-ticked or
 * skipped it after the record's tick, no open roadmap has the milestone, or the roadmap's time
 * zone hasn't reached the 90th day yet).
 */
export type MaintenanceTick = "counting" | "ticked" | "queued" | "open";

/** `dueOnRoadmap`: the clock is due in the zone of the enrolment the tick would go to (false: no such enrolment). */
export function maintenanceTick(clock: MaintenanceClock, state: SelfCompletionState, dueOnRoadmap: boolean): MaintenanceTick {
  if (!clock.due) return "counting";
  if (state.maintainStatus === "done") return "ticked";
  return dueOnRoadmap && maintenanceTickDue(clock, state) ? "queued" : "open";
}
