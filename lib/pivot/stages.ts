// The application stage machine: pure, no I/O. The route and the page both ask it which moves exist.
//
// Forward along the pipeline only (an interview can't be un-had; a wrong click is fixed by a new
// application, not by rewriting history). From "applied" on, later stages may be skipped, since
// companies often drop the screen or go straight to a final round; "saved" must become "applied"
// first, because nothing after it can happen to an application that was never sent. Rejected and
// withdrawn may follow any open stage, an offer included (a rescinded or declined offer), and end it.

export const PIPELINE_STAGES = ["saved", "applied", "screen", "technical", "final", "offer"] as const;
export const CLOSING_STAGES = ["rejected", "withdrawn"] as const;
export const APPLICATION_STAGES = [...PIPELINE_STAGES, ...CLOSING_STAGES] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  saved: "Saved",
  applied: "Applied",
  screen: "Screen",
  technical: "Technical",
  final: "Final round",
  offer: "Offer",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

const pipelineIndex = (stage: ApplicationStage) => (PIPELINE_STAGES as readonly string[]).indexOf(stage);

/** Rejected and withdrawn end an application; nothing follows them. */
export const isClosed = (stage: ApplicationStage) => (CLOSING_STAGES as readonly string[]).includes(stage);

/** Reaching this stage means the application was sent ("applied" or any later pipeline stage). */
export const isSentStage = (stage: ApplicationStage) => pipelineIndex(stage) >= 1;

/** The stages that mean "sent", for SQL that must say the same as isSentStage (lib/digest/load.ts passes it). */
export const SENT_STAGES: readonly ApplicationStage[] = PIPELINE_STAGES.filter(isSentStage);

/** The stages `from` may move to, in pipeline order. */
export function nextStages(from: ApplicationStage): ApplicationStage[] {
  if (isClosed(from)) return [];
  const i = pipelineIndex(from);
  const forward = from === "saved" ? ["applied" as const] : PIPELINE_STAGES.slice(i + 1);
  return [...forward, ...CLOSING_STAGES];
}

export type StageMove = { ok: true } | { ok: false; reason: string };

/** Whether `from → to` is allowed, with the reason in the user's words when it is not. */
export function checkStageMove(from: ApplicationStage, to: ApplicationStage): StageMove {
  if (nextStages(from).includes(to)) return { ok: true };
  const [f, t] = [STAGE_LABELS[from], STAGE_LABELS[to]];
  if (isClosed(from))
    return {
      ok: false,
      reason: `This application is ${f.toLowerCase()}: it can't move to ${t.toLowerCase()}. Add a new application instead.`,
    };
  if (from === to) return { ok: false, reason: `The application is already at ${f.toLowerCase()}.` };
  if (from === "saved") return { ok: false, reason: `A saved application hasn't been sent: mark it applied before ${t.toLowerCase()}.` };
  return { ok: false, reason: `Stages only move forward: ${f.toLowerCase()} can't go back to ${t.toLowerCase()}.` };
}
