// The pace in words, e.g. "3 weeks ahead — 12 days of buffer — at this pace you finish 14 Mar 2027".
// The words are the verdict's (lib/pacing/verdict.ts): these are the names the surfaces call them by.
import type { PacingSummary } from "./index";

export { describeBuffer, describeDue, describeOverdue, describeVariance, STATUS_LABELS } from "./verdict";

export function pacingHeadline(p: Pick<PacingSummary, "verdict">): string {
  return p.verdict.headline;
}

/** The same facts for visitors to the public progress page, who aren't the "you" of the headline. */
export function publicPaceHeadline(p: Pick<PacingSummary, "verdict">): string {
  return p.verdict.publicHeadline;
}
