// The pace in words, e.g. "3 weeks ahead — 12 days of buffer — at this pace you finish 14 Mar 2027".
// Pure; the dashboard, the check-in and the weekly email all use it.
import { dayOfIso, formatDay } from "./calendar";
import type { PacingStatus, PacingSummary } from "./index";

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

export const STATUS_LABELS: Record<PacingStatus, string> = {
  upcoming: "Not started yet",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  done: "Finished",
};

export function pacingHeadline(p: PacingSummary): string {
  return headline(p, "learner");
}

/** The same facts for visitors to the public progress page, who aren't the "you" of the headline. */
export function publicPaceHeadline(p: PacingSummary): string {
  return headline(p, "visitor");
}

function headline(p: PacingSummary, reader: "learner" | "visitor"): string {
  if (p.status === "done") return `Finished on ${formatDay(dayOfIso(p.finishedOn ?? p.today.date))} — every milestone done`;
  if (p.status === "upcoming") return `${reader === "learner" ? "Your" : "The"} plan starts on ${formatDay(dayOfIso(p.startDate))}`;
  const parts = [describeVariance(p.varianceDays ?? 0), describeBuffer(p.bufferDays ?? 0)];
  const finish = p.projectedFinish && formatDay(dayOfIso(p.projectedFinish));
  parts.push(finish ? (reader === "learner" ? `at this pace you finish ${finish}` : `projected to finish ${finish}`) : "not enough data yet to project a finish");
  const sentence = parts.join(" — ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
