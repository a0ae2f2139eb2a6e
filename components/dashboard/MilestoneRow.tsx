"use client";

import Link from "next/link";
import { useId, useState, type SubmitEvent } from "react";
import { KindBadge } from "@/components/roadmaps/KindBadge";
import { ResourcesDisclosure } from "@/components/roadmaps/ResourcesDisclosure";
import { FieldError } from "@/components/ui/FieldError";
import type { DashboardMilestone } from "@/lib/progress";
import { FEATURE_LAUNCH_SKILL, MAINTAIN_FEATURE_SKILL } from "@/lib/pacing/skills";
import type { InterviewGoalProgress } from "@/lib/pivot/interview-goal";
import { countdownText } from "@/lib/shipped/countdown";
import { NOTE_MAX } from "@/lib/validation/limits";
import type { ProgressStatus } from "@/lib/validation/progress";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import type { TickVariables } from "./DashboardView";

/** The phase-4 milestones the /pivot page tracks. */
const PIVOT_SKILLS = new Set(["apply-ml-engineer-roles", "apply-ai-engineer-roles", "first-rough-interviews"]);

const statusLabel: Record<ProgressStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  skipped: "Skipped",
};

const button = "min-h-11 rounded-lg border px-3 py-2 text-sm font-medium disabled:opacity-50";

export function MilestoneRow({
  milestone: m,
  disabled,
  onChange,
  today,
  waitingUntil,
  interviewGoal,
}: {
  milestone: DashboardMilestone;
  disabled: boolean;
  onChange: (update: TickVariables["update"]) => void;
  /** The enrolment's local date, from pacing. */
  today?: string;
  /** For a time-based milestone not done yet: the first day it may be (null: its launch hasn't happened). */
  waitingUntil?: string | null;
  /** On the interviews milestone: the count logged on /pivot against the user's goal. */
  interviewGoal?: InterviewGoalProgress;
}) {
  // The draft lives here, not in the form, so closing and reopening the note keeps what was typed.
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(m.note ?? "");
  const [evidenceUrl, setEvidenceUrl] = useState(m.evidenceUrl ?? "");
  const [fields, setFields] = useState<FieldErrors>({});
  const id = useId();
  const set = (status: ProgressStatus) => onChange({ status, note: m.note, evidenceUrl: m.evidenceUrl });

  async function saveDetails(event: SubmitEvent) {
    event.preventDefault();
    // zod comes with the first save, not with the dashboard: most visits never open a note.
    const { milestoneUpdateSchema } = await import("@/lib/validation/progress");
    const parsed = milestoneUpdateSchema.safeParse({ status: m.status, note, evidenceUrl });
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error));
      return;
    }
    setFields({});
    onChange(parsed.data);
    setOpen(false);
  }

  function toggleNote() {
    // Fetched while the user types, so the save doesn't wait for it.
    void import("@/lib/validation/progress");
    setOpen((o) => !o);
  }

  return (
    <li id={`milestone-${m.id}`} className="scroll-mt-4 py-3" data-testid={`milestone-${m.slug}`} data-status={m.status}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <MilestoneSummary milestone={m} today={today} waitingUntil={waitingUntil} interviewGoal={interviewGoal} />
        <StatusButtons
          milestone={m}
          disabled={disabled}
          onStatus={set}
          noteOpen={open}
          detailsId={`${id}-details`}
          onToggleNote={toggleNote}
        />
      </div>
      {open && (
        <NoteDetailsForm
          id={id}
          note={note}
          onNoteChange={setNote}
          evidenceUrl={evidenceUrl}
          onEvidenceUrlChange={setEvidenceUrl}
          evidencePrompt={m.evidencePrompt}
          fields={fields}
          onSubmit={saveDetails}
        />
      )}
    </li>
  );
}

/** What the milestone is and where it stands: title, why, effort, status, and the links that go with it. */
function MilestoneSummary({
  milestone: m,
  today,
  waitingUntil,
  interviewGoal,
}: {
  milestone: DashboardMilestone;
  today?: string;
  waitingUntil?: string | null;
  interviewGoal?: InterviewGoalProgress;
}) {
  const countdown = waitingUntil && today ? countdownText(waitingUntil, today) : null;
  const shippedLink = m.skillSlug === FEATURE_LAUNCH_SKILL || m.skillSlug === MAINTAIN_FEATURE_SKILL;
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className={`font-medium ${m.status === "skipped" ? "text-stone-500 line-through dark:text-stone-400" : ""}`}>{m.title}</h3>
        <KindBadge kind={m.kind} />
        {m.optional && <span className="text-xs text-stone-600 dark:text-stone-400">optional</span>}
      </div>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{m.why}</p>
      <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
        ≈ {m.effortHours} h
        {m.hoursLogged > 0 && (
          <span data-testid="hours-logged">
            {" "}
            · {m.hoursLogged} of {m.effortHours} h logged
          </span>
        )}{" "}
        · <span data-testid="status">{statusLabel[m.status]}</span>
        {m.minDurationDays ? ` · needs ${m.minDurationDays} days after launch` : ""}
      </p>
      <ResourcesDisclosure resources={m.resources} milestoneTitle={m.title} />
      {countdown && (
        <p data-testid="milestone-countdown" className="mt-1 text-sm font-medium text-stone-800 dark:text-stone-200">
          {countdown}
        </p>
      )}
      {shippedLink && (
        <Link
          href="/shipped"
          className="mt-1 inline-flex min-h-11 items-center text-sm text-brand-700 underline underline-offset-2 dark:text-brand-100"
        >
          {m.skillSlug === FEATURE_LAUNCH_SKILL ? "Record the shipped feature" : "Your shipped-feature record"}
        </Link>
      )}
      {interviewGoal && (
        <p data-testid="milestone-interview-count" className="mt-1 text-sm font-medium text-stone-800 dark:text-stone-200">
          {interviewGoal.text}
        </p>
      )}
      {PIVOT_SKILLS.has(m.skillSlug) && (
        <Link
          href="/pivot"
          className="mt-1 inline-flex min-h-11 items-center text-sm text-brand-700 underline underline-offset-2 dark:text-brand-100"
        >
          Applications and interviews
        </Link>
      )}
      {m.note && <p className="mt-1 text-sm italic text-stone-700 dark:text-stone-300">“{m.note}”</p>}
      {m.evidenceUrl && (
        <a
          href={m.evidenceUrl}
          rel="noopener noreferrer nofollow"
          target="_blank"
          className="mt-1 block break-all text-sm text-brand-700 underline dark:text-brand-100"
        >
          Evidence
        </a>
      )}
    </div>
  );
}

/** The status buttons (which show depends on the status) and the toggle for the note form. */
function StatusButtons({
  milestone: m,
  disabled,
  onStatus,
  noteOpen,
  detailsId,
  onToggleNote,
}: {
  milestone: Pick<DashboardMilestone, "title" | "status">;
  disabled: boolean;
  onStatus: (status: ProgressStatus) => void;
  noteOpen: boolean;
  detailsId: string;
  onToggleNote: () => void;
}) {
  return (
    <div className="flex shrink-0 flex-wrap gap-2" role="group" aria-label={`Status of ${m.title}`}>
      {m.status === "done" ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onStatus("not_started")}
          className={`${button} border-brand-700 bg-brand-700 text-white`}
          aria-label={`Undo done: ${m.title}`}
        >
          ✓ Done
        </button>
      ) : (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onStatus("done")}
          className={`${button} border-brand-700 text-brand-800 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-stone-800`}
          aria-label={`Mark done: ${m.title}`}
        >
          Mark done
        </button>
      )}
      {m.status === "not_started" && (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onStatus("in_progress")}
          className={`${button} border-stone-300 dark:border-stone-700`}
          aria-label={`Start: ${m.title}`}
        >
          Start
        </button>
      )}
      {m.status === "skipped" || m.status === "in_progress" ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onStatus("not_started")}
          className={`${button} border-stone-300 dark:border-stone-700`}
          aria-label={`Undo: ${m.title}`}
        >
          Undo
        </button>
      ) : m.status !== "done" ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onStatus("skipped")}
          className={`${button} border-stone-300 dark:border-stone-700`}
          aria-label={`Skip: ${m.title}`}
        >
          Skip
        </button>
      ) : null}
      <button
        type="button"
        disabled={disabled}
        onClick={onToggleNote}
        aria-expanded={noteOpen}
        aria-controls={detailsId}
        className={`${button} border-stone-300 dark:border-stone-700`}
      >
        Note
      </button>
    </div>
  );
}

/** The note and evidence link, edited together; `id` prefixes the form's own ids. */
function NoteDetailsForm({
  id,
  note,
  onNoteChange,
  evidenceUrl,
  onEvidenceUrlChange,
  evidencePrompt,
  fields,
  onSubmit,
}: {
  id: string;
  note: string;
  onNoteChange: (note: string) => void;
  evidenceUrl: string;
  onEvidenceUrlChange: (evidenceUrl: string) => void;
  evidencePrompt: DashboardMilestone["evidencePrompt"];
  fields: FieldErrors;
  onSubmit: (event: SubmitEvent) => Promise<void>;
}) {
  return (
    <form id={`${id}-details`} onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded-lg bg-stone-100 p-3 dark:bg-stone-800">
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-medium">
          Note (where you left off)
        </label>
        <textarea
          id={`${id}-note`}
          value={note}
          maxLength={NOTE_MAX}
          onChange={(e) => onNoteChange(e.target.value)}
          rows={3}
          className="mt-1 block w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950"
          aria-describedby={`${id}-note-error`}
        />
        <FieldError id={`${id}-note-error`} messages={fields.note} />
      </div>
      <div>
        <label htmlFor={`${id}-evidence`} className="block text-sm font-medium">
          Evidence link
        </label>
        {evidencePrompt && <p className="text-xs text-stone-600 dark:text-stone-400">{evidencePrompt}</p>}
        <input
          id={`${id}-evidence`}
          type="url"
          inputMode="url"
          value={evidenceUrl}
          onChange={(e) => onEvidenceUrlChange(e.target.value)}
          placeholder="https://…"
          className="mt-1 block w-full min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950"
          aria-describedby={`${id}-evidence-error`}
        />
        <FieldError id={`${id}-evidence-error`} messages={fields.evidenceUrl} />
      </div>
      <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Save note
      </button>
    </form>
  );
}
