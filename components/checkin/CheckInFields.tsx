"use client";

import type { CheckInContext } from "@/lib/checkins";
import { normaliseHoursInput, type HoursPrefill } from "@/lib/checkins/prefill";
import { FieldError } from "@/components/ui/FieldError";
import type { ThisWeekPlan } from "@/lib/pacing/this-week";
import { CHECKIN_HOURS_STEP } from "@/lib/validation/field-rules";
import { CHECKIN_HOURS_MAX, CHECKIN_NOTE_MAX } from "@/lib/validation/limits";
import { CONFIDENCE, hoursText } from "./check-in-text";
import { big } from "./styles";
import type { FormMessage } from "./use-check-in";

/** Said under the hours field, so a number already there is never a mystery. */
function prefillText(prefill: HoursPrefill) {
  if (prefill.source === "plan") return `Filled in with the ${hoursText(prefill.hours)} left in this week's plan.`;
  if (prefill.source === "last") return "Filled in with your last check-in's hours.";
  return null;
}

export function HoursFieldset({
  hours,
  prefill,
  onHours,
  errors,
}: {
  hours: string;
  prefill: HoursPrefill;
  onHours: (hours: string) => void;
  errors: string[] | undefined;
}) {
  const hoursValue = Number(hours);
  const step = (delta: number) => {
    const base = Number.isFinite(hoursValue) ? hoursValue : 0;
    onHours(String(Math.min(CHECKIN_HOURS_MAX, Math.max(0, Math.round((base + delta) * 2) / 2))));
  };
  const prefillLine = Number(hours) === prefill.hours ? prefillText(prefill) : null;
  return (
    <fieldset>
      <legend className="text-sm font-medium">Hours spent since your last check-in</legend>
      <div className="mt-1 flex items-center gap-2">
        <button
          type="button"
          aria-label="Half an hour less"
          onClick={() => step(-CHECKIN_HOURS_STEP)}
          className={`${big} w-14 border-stone-400 text-xl`}
        >
          −
        </button>
        <input
          id="hours"
          aria-label="Hours"
          inputMode="decimal"
          enterKeyHint="done"
          autoComplete="off"
          value={hours}
          // Typing replaces the figure rather than landing after it ("8" typed over "0" gives 8, not 08).
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => onHours(normaliseHoursInput(e.target.value))}
          className="min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-center text-xl dark:border-stone-600 dark:bg-stone-950"
          aria-describedby="hours-hint hours-error"
        />
        <button
          type="button"
          aria-label="Half an hour more"
          onClick={() => step(CHECKIN_HOURS_STEP)}
          className={`${big} w-14 border-stone-400 text-xl`}
        >
          +
        </button>
      </div>
      <p id="hours-hint" className="mt-1 min-h-5 text-xs text-stone-600 dark:text-stone-400">
        {prefillLine ?? "Whole or half hours; − and + move by half an hour."}
      </p>
      <FieldError id="hours-error" messages={errors} />
    </fieldset>
  );
}

export function ConfidenceFieldset({
  confidence,
  onConfidence,
  errors,
}: {
  confidence: number | null;
  onConfidence: (confidence: number) => void;
  errors: string[] | undefined;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">How confident do you feel?</legend>
      {/* Native radios sharing a name: arrow keys move the choice, one tab stop for the group. The
        input covers its tile (transparent), so a tap anywhere on it chooses. */}
      <div className="mt-1 grid grid-cols-5 gap-1.5">
        {CONFIDENCE.map((c) => (
          <label key={c.value} className="relative">
            <input
              type="radio"
              name="confidence"
              value={c.value}
              checked={confidence === c.value}
              onChange={() => onConfidence(c.value)}
              aria-describedby="confidence-error"
              className="peer absolute inset-0 z-10 h-full w-full cursor-pointer opacity-0"
            />
            <span
              aria-hidden="true"
              className={`${big} flex h-full flex-col items-center justify-center border-stone-400 px-1 py-1.5 peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600`}
            >
              <span className="text-lg leading-none">{c.value}</span>
              <span className="text-[11px] leading-tight">{c.label}</span>
            </span>
            <span className="sr-only">
              {c.value} {c.label}
            </span>
          </label>
        ))}
      </div>
      <FieldError id="confidence-error" messages={errors} />
    </fieldset>
  );
}

export function WorkedOnFieldset({
  week,
  workedOn,
  onToggle,
  errors,
}: {
  week: ThisWeekPlan;
  workedOn: ReadonlySet<string>;
  onToggle: (id: string) => void;
  errors: string[] | undefined;
}) {
  if (week.items.length === 0) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium">Worked on (not finished)?</legend>
      <p className="text-xs text-stone-600 dark:text-stone-400">The hours are shared between what you worked on and what you finished.</p>
      <div className="mt-1 flex flex-wrap gap-2">
        {week.items.map((item) => {
          const on = workedOn.has(item.id);
          return (
            <button
              key={item.id}
              type="button"
              aria-pressed={on}
              data-worked-on={item.id}
              onClick={() => onToggle(item.id)}
              className="min-h-12 rounded-full border border-stone-400 px-4 py-2 text-left text-sm font-medium aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white dark:border-stone-600"
            >
              <span aria-hidden className="mr-1">
                {on ? "✓" : "+"}
              </span>
              {item.title}
            </button>
          );
        })}
      </div>
      <FieldError id="workedOnIds-error" messages={errors} />
    </fieldset>
  );
}

export function DoneThisWeekFieldset({
  phase,
  doneBefore,
  doneIds,
  ticks,
  onToggle,
  errors,
}: {
  phase: CheckInContext["phase"];
  doneBefore: ReadonlySet<string>;
  doneIds: ReadonlySet<string>;
  ticks: ReadonlySet<string>;
  onToggle: (id: string) => void;
  errors: string[] | undefined;
}) {
  if (!phase) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium">Done this week? ({phase.title})</legend>
      {doneBefore.size > 0 && (
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {doneBefore.size} of {phase.milestones.length} in this phase done already.
        </p>
      )}
      <ul className="mt-1 space-y-1.5">
        {phase.milestones
          .filter((m) => !doneBefore.has(m.id))
          .map((m) => {
            const done = doneIds.has(m.id);
            const on = ticks.has(m.id);
            return (
              <li key={m.id}>
                <button
                  type="button"
                  aria-pressed={done || on}
                  disabled={done}
                  data-milestone={m.id}
                  onClick={() => onToggle(m.id)}
                  className="flex min-h-11 w-full items-center gap-3 rounded-lg border border-stone-300 px-3 py-2 text-left aria-pressed:border-brand-700 aria-pressed:bg-brand-50 disabled:opacity-70 dark:border-stone-700 dark:aria-pressed:bg-brand-950"
                >
                  <span
                    aria-hidden
                    className={`flex h-6 w-6 shrink-0 items-center justify-center rounded border ${done || on ? "border-brand-700 bg-brand-700 text-white" : "border-stone-400"}`}
                  >
                    {done || on ? "✓" : ""}
                  </span>
                  <span className="text-sm">
                    {m.title}
                    {done && <span className="ml-1 text-stone-600 dark:text-stone-400">(done)</span>}
                  </span>
                </button>
              </li>
            );
          })}
      </ul>
      <FieldError id="milestoneIds-error" messages={errors} />
    </fieldset>
  );
}

export function NoteField({ note, onNote, errors }: { note: string; onNote: (note: string) => void; errors: string[] | undefined }) {
  return (
    <div>
      <label htmlFor="note" className="block text-sm font-medium">
        Note: what you did, what blocks you
      </label>
      <textarea
        id="note"
        rows={3}
        maxLength={CHECKIN_NOTE_MAX}
        value={note}
        onChange={(e) => onNote(e.target.value)}
        className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950"
        aria-describedby="note-count note-error"
      />
      <p id="note-count" className="mt-1 text-right text-xs text-stone-600 dark:text-stone-400">
        {note.length} / {CHECKIN_NOTE_MAX.toLocaleString("en-GB")}
      </p>
      <FieldError id="note-error" messages={errors} />
    </div>
  );
}

/**
 * Kept in view at the bottom of the screen (above the phone's bar) however long the list of
 * milestones is, so the check-in never needs a scroll to finish.
 */
export function SubmitBar({ message, busy }: { message: FormMessage | null; busy: boolean }) {
  return (
    <div
      data-sticky-submit
      className="sticky bottom-(--bottom-nav-clearance) z-10 -mx-4 space-y-2 bg-stone-50/95 px-4 py-2 sm:bottom-0 dark:bg-stone-950/95"
    >
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-sm font-medium text-red-700 dark:text-red-400" : "text-sm"}
        >
          {message.text}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="min-h-12 w-full rounded-lg bg-brand-700 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {busy ? "Checking in…" : "Check in"}
      </button>
    </div>
  );
}
