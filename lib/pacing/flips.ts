// Only two things about a status change move pace: whether the skill became done or stopped being
// done, and whether it is skipped now. The database keeps exactly that per (user, skill) —
// MilestoneProgress.status and .doneFlips, the flips kept by a trigger on ProgressEvent inserts — so
// pacing reads one row per skill however long the user's history. progressFromEvents is the same
// reduction in TypeScript: the tests build pacing input with it, and an integration test holds the
// trigger to it.
import type { ProgressStatus } from "../validation/progress";

export interface SkillProgress {
  skillId: string;
  /** The status now. */
  status: ProgressStatus;
  /** Epoch milliseconds, oldest first: became done, stopped being done, became done… (odd length: done). */
  doneFlips: readonly number[];
}

export interface StatusChange {
  skillId: string;
  toStatus: ProgressStatus;
  occurredAt: Date;
}

/** Each skill's status after the log and the instants its done-ness changed; the log in time order. */
export function progressFromEvents(events: readonly StatusChange[]): SkillProgress[] {
  const bySkill = new Map<string, { status: ProgressStatus; doneFlips: number[] }>();
  for (const e of events) {
    let row = bySkill.get(e.skillId);
    if (!row) bySkill.set(e.skillId, (row = { status: "not_started", doneFlips: [] }));
    if ((row.status === "done") !== (e.toStatus === "done")) row.doneFlips.push(e.occurredAt.getTime());
    row.status = e.toStatus;
  }
  return [...bySkill].map(([skillId, row]) => ({ skillId, ...row }));
}
