// The credibility check before applying: what the source article says an ML Engineer application
// leads with — a shipped feature, its evaluation written down, and a CV rewritten around it — as a
// short list, each item with the page that does it. Pure.
import { FEATURE_LAUNCH_SKILL } from "../pacing/rules";

export const EVAL_METHODOLOGY_SKILL = "document-eval-methodology";
export const CV_REWRITE_SKILL = "cv-rewrite-shipped-feature";

export type ReadinessKey = "shipped" | "eval" | "cv";

export interface ReadinessItem {
  key: ReadinessKey;
  label: string;
  done: boolean;
  /** Where to do it (or see it). */
  href: string;
  /** What to do next, while it isn't done. */
  todo: string;
}

export interface ReadinessInput {
  /** The shipped-feature record, if any: only whether its eval methodology link is filled in matters here. */
  record: { evalUrl: string | null } | null;
  /** Milestone status by skill slug (missing: not started). */
  statusBySkill: Readonly<Record<string, string | undefined>>;
}

export interface Readiness {
  items: ReadinessItem[];
  ready: boolean;
  /** "Ready to apply" or "2 of 3 ready". */
  summary: string;
}

const isDone = (input: ReadinessInput, skill: string) => input.statusBySkill[skill] === "done";

export function readinessChecklist(input: ReadinessInput): Readiness {
  const { record } = input;
  const items: ReadinessItem[] = [
    {
      key: "shipped",
      label: "Shipped feature recorded",
      // The record is the evidence; a ticked ship milestone without one still has nothing to show.
      done: record !== null,
      href: "/shipped",
      todo: isDone(input, FEATURE_LAUNCH_SKILL)
        ? "You've ticked shipping it: write up the record, the headline of every application."
        : "Record the ML feature you shipped: the headline of every application.",
    },
    {
      key: "eval",
      label: "Eval methodology documented",
      done: (record !== null && record.evalUrl !== null) || isDone(input, EVAL_METHODOLOGY_SKILL),
      href: record ? "/shipped#record-heading" : "/shipped",
      todo: "Write down how you measured the model and link the write-up from the record.",
    },
    {
      key: "cv",
      label: "CV bullets drafted",
      done: isDone(input, CV_REWRITE_SKILL),
      href: record ? "/shipped#cv-heading" : "/shipped",
      todo: record
        ? "Edit the drafts from your record into your CV, then tick the CV milestone."
        : "The record drafts them for you; tick the CV milestone once they're in your CV.",
    },
  ];
  const done = items.filter((item) => item.done).length;
  return { items, ready: done === items.length, summary: done === items.length ? "Ready to apply" : `${done} of ${items.length} ready` };
}
