// Draft CV bullets from the shipped-feature record, in the quantified style recruiters ask for:
// a verb, what was built, the measured change and its scale. Pure; the page lets the user edit them.
import { dayOfIso } from "../calendar/days";
import type { ShippedRecord } from "./rules";

export type CvTrack = "ml" | "swe";

const number = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2 });
const withUnit = (n: number, unit: string | null) => (!unit ? number(n) : unit === "%" ? `${number(n)}%` : `${number(n)} ${unit}`);
/** Free text as a clause: trimmed, without its own closing punctuation. */
const clause = (text: string) => text.trim().replace(/[\s.;:!,]+$/, "");

/** "reducing manual triage by 67% (from 100% to 33%)", or null without a complete before/after. */
export function outcomeChange(record: ShippedRecord): string | null {
  const { outcomeMetric: metric, outcomeBefore: before, outcomeAfter: after, outcomeUnit: unit } = record;
  if (!metric || before === null || after === null) return null;
  const span = `from ${withUnit(before, unit)} to ${withUnit(after, unit)}`;
  if (before === after) return `holding ${clause(metric)} at ${withUnit(after, unit)}`;
  const verb = after < before ? "reducing" : "raising";
  if (before === 0) return `${verb} ${clause(metric)} ${span}`;
  const percent = Math.round((Math.abs(after - before) / Math.abs(before)) * 100);
  return `${verb} ${clause(metric)} by ${percent}% (${span})`;
}

/** Whole months ("4 months") from 61 days on, where there are at least two; else days ("45 days"). */
export function upkeepDuration(launchDate: string, today: string): string {
  const days = Math.max(0, dayOfIso(today) - dayOfIso(launchDate));
  if (days < 61) return days === 1 ? "1 day" : `${days} days`;
  return `${Math.floor(days / 30.44)} months`;
}

const list = (parts: string[]) => (parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`);

/** Two or three bullets for the chosen audience; `today` is the user's local date. */
export function draftCvBullets(record: ShippedRecord, track: CvTrack, today: string): string[] {
  const title = clause(record.title);
  const model = clause(record.model);
  const change = outcomeChange(record);
  const scale = record.outcomeVolume ? ` across ${clause(record.outcomeVolume)}` : "";
  const duration = upkeepDuration(record.launchDate, today);
  const incidents = record.incidents.length;
  const latest = [...record.incidents].sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : 0))[0];
  const bullets: string[] = [];

  if (track === "ml") {
    bullets.push(
      change
        ? `Shipped ${title} (${model}) to production, ${change}${scale}.`
        : `Shipped ${title} (${model}) from notebook to production${scale}.`,
    );
    const practice = [
      ...(record.evalUrl ? ["a documented eval methodology"] : []),
      ...(record.monitoringUrl ? ["post-launch drift and quality monitoring"] : []),
    ];
    const owned = `Owned the model in production for ${duration}`;
    const withPractice = practice.length ? ` with ${list(practice)}` : "";
    const handled = incidents ? `, handling ${incidents} production incident${incidents === 1 ? "" : "s"}` : "";
    bullets.push(`${owned}${withPractice}${handled}.`);
    if (latest) bullets.push(`Handled a model incident in production: ${clause(latest.whatHappened)}. Fix: ${clause(latest.whatChanged)}.`);
  } else {
    bullets.push(
      change
        ? `Built and launched ${title} as a production service, ${change}${scale}.`
        : `Built and launched ${title} as a production service${scale}.`,
    );
    const ops = `Operated the service for ${duration}`;
    const watched = record.monitoringUrl ? " with dashboards and alerting" : "";
    const resolved = incidents ? `, resolving ${incidents} production incident${incidents === 1 ? "" : "s"}` : "";
    bullets.push(`${ops}${watched}${resolved}.`);
    if (latest) bullets.push(`Resolved a production incident: ${clause(latest.whatHappened)}. Follow-up: ${clause(latest.whatChanged)}.`);
  }
  return bullets;
}
