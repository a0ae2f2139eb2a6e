"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type SubmitEvent } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { FieldError } from "@/components/ui/FieldError";
import type { CheckInHistory, CheckInView } from "@/lib/checkins";
import { previousIsoWeek } from "@/lib/calendar/week-labels";
import type { CheckInUpdateInput } from "@/lib/validation/checkin";
import { CHECKIN_NOTE_MAX } from "@/lib/validation/limits";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { StreakBadge } from "./StreakBadge";
import { queryKeys } from "@/components/query-keys";

const WEEKS_SHOWN = 12;
const RECENT_SHOWN = 5;

/** The last WEEKS_SHOWN weeks, oldest first, with each week's hours and average confidence. */
function weekly(checkIns: readonly CheckInView[], currentWeek: string) {
  const weeks = [currentWeek];
  while (weeks.length < WEEKS_SHOWN) weeks.unshift(previousIsoWeek(weeks[0]!));
  return weeks.map((week) => {
    const those = checkIns.filter((c) => c.isoWeek === week);
    const hours = those.reduce((sum, c) => sum + c.hours, 0);
    const confidence = those.length ? those.reduce((sum, c) => sum + c.confidence, 0) / those.length : null;
    return { week, hours, confidence };
  });
}

/** Bars for hours per week, dots joined by a line for confidence (1–5), drawn in a fixed viewBox that scales to the width. */
function HistoryChart({ checkIns, currentWeek }: { checkIns: readonly CheckInView[]; currentWeek: string }) {
  const data = weekly(checkIns, currentWeek);
  const maxHours = Math.max(10, ...data.map((d) => d.hours));
  const W = 320;
  const H = 120;
  const pad = { top: 8, bottom: 18, left: 4, right: 4 };
  const slot = (W - pad.left - pad.right) / data.length;
  const y = (share: number) => pad.top + (1 - share) * (H - pad.top - pad.bottom);
  const points = data.flatMap((d, i) => (d.confidence === null ? [] : [{ x: pad.left + slot * (i + 0.5), y: y((d.confidence - 1) / 4) }]));
  const weeksWith = data.filter((d) => d.hours > 0 || d.confidence !== null);
  const total = data.reduce((s, d) => s + d.hours, 0);
  const summary = `Last ${WEEKS_SHOWN} weeks: ${total} hours over ${weeksWith.length} ${weeksWith.length === 1 ? "week" : "weeks"} with check-ins.`;
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full max-w-xl">
        {data.map((d, i) => {
          const top = y(d.hours / maxHours);
          return (
            <g key={d.week}>
              <rect
                x={pad.left + slot * i + slot * 0.15}
                y={top}
                width={slot * 0.7}
                height={H - pad.bottom - top}
                className="fill-brand-200 dark:fill-brand-800"
                rx={2}
              >
                <title>{`${d.week}: ${d.hours} h${d.confidence === null ? "" : `, confidence ${d.confidence.toFixed(1)}`}`}</title>
              </rect>
              {i % 3 === 2 && (
                <text
                  x={pad.left + slot * (i + 0.5)}
                  y={H - 4}
                  textAnchor="middle"
                  className="fill-stone-600 text-[9px] dark:fill-stone-400"
                >
                  W{Number(d.week.slice(6))}
                </text>
              )}
            </g>
          );
        })}
        {points.length > 1 && (
          <polyline
            points={points.map((p) => `${p.x},${p.y}`).join(" ")}
            className="fill-none stroke-stone-800 dark:stroke-stone-200"
            strokeWidth={1.5}
          />
        )}
        {points.map((p) => (
          <circle key={`${p.x}`} cx={p.x} cy={p.y} r={3} className="fill-stone-800 dark:fill-stone-200" />
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-stone-700 dark:text-stone-300">
        {summary} Bars: hours (scale to {maxHours} h). Line: confidence, 1 at the bottom to 5 at the top.
      </figcaption>
    </figure>
  );
}

function EditCheckIn({ checkIn, onDone }: { checkIn: CheckInView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [hours, setHours] = useState(String(checkIn.hours));
  const [confidence, setConfidence] = useState(String(checkIn.confidence));
  const [note, setNote] = useState(checkIn.note ?? "");
  const [fields, setFields] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (update: CheckInUpdateInput) =>
      apiFetch<{ checkIn: CheckInView }>(`/api/checkins/${checkIn.id}`, { method: "PATCH", body: update }),
    onSuccess: async () => {
      // The hours feed the pace and this week's plan: the dashboard's pacing query ("pacing", id) reads them again.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.checkIns }),
        queryClient.invalidateQueries({ queryKey: queryKeys.pacing() }),
      ]);
      onDone();
    },
    onError: (error) => setFields(error instanceof ApiError && error.fields ? error.fields : { _: [error.message] }),
  });
  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // zod comes with the first edit, not with the dashboard that lists the check-ins.
    const { checkInUpdateSchema } = await import("@/lib/validation/checkin");
    const parsed = checkInUpdateSchema.safeParse({
      hours: hours.trim() === "" ? Number.NaN : Number(hours),
      confidence: Number(confidence),
      note,
    });
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error));
      return;
    }
    save.mutate({ hours: parsed.data.hours, confidence: parsed.data.confidence, note: parsed.data.note ?? null });
  }
  const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 grid gap-2 sm:grid-cols-2" aria-label="Edit check-in">
      <div>
        <label htmlFor={`hours-${checkIn.id}`} className="text-sm font-medium">
          Hours
        </label>
        <input
          id={`hours-${checkIn.id}`}
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          className={input}
          aria-describedby={`hours-${checkIn.id}-error`}
        />
        <FieldError id={`hours-${checkIn.id}-error`} messages={fields.hours} />
      </div>
      <div>
        <label htmlFor={`confidence-${checkIn.id}`} className="text-sm font-medium">
          Confidence
        </label>
        <select id={`confidence-${checkIn.id}`} value={confidence} onChange={(e) => setConfidence(e.target.value)} className={input}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="sm:col-span-2">
        <label htmlFor={`note-${checkIn.id}`} className="text-sm font-medium">
          Note
        </label>
        <textarea
          id={`note-${checkIn.id}`}
          rows={2}
          maxLength={CHECKIN_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={input}
          aria-describedby={`note-${checkIn.id}-error`}
        />
        <FieldError id={`note-${checkIn.id}-error`} messages={[...(fields.note ?? []), ...(fields._ ?? [])]} />
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <button
          type="submit"
          disabled={save.isPending}
          className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {save.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={onDone} className="min-h-11 rounded-lg border border-stone-400 px-4 py-2">
          Cancel
        </button>
      </div>
    </form>
  );
}

function CheckInItem({ checkIn }: { checkIn: CheckInView }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch<null>(`/api/checkins/${checkIn.id}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.checkIns }),
        queryClient.invalidateQueries({ queryKey: queryKeys.pacing() }),
      ]),
  });
  const made = new Date(checkIn.createdAt).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
  return (
    <li className="border-t border-stone-200 py-3 first:border-t-0 dark:border-stone-800" data-checkin={checkIn.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="font-medium">
          {made} · {checkIn.hours} h · confidence {checkIn.confidence}/5
        </p>
        <p className="text-xs text-stone-600 dark:text-stone-400">Week {Number(checkIn.isoWeek.slice(6))}</p>
      </div>
      {checkIn.note && <p className="mt-1 whitespace-pre-line break-words text-sm">{checkIn.note}</p>}
      {checkIn.ticked.length > 0 && (
        <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">Ticked: {checkIn.ticked.map((t) => t.title).join(", ")}</p>
      )}
      {editing ? (
        <EditCheckIn checkIn={checkIn} onDone={() => setEditing(false)} />
      ) : (
        <div className="mt-1 flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => {
              // Fetched while the user edits, so saving doesn't wait for it.
              void import("@/lib/validation/checkin");
              setEditing(true);
            }}
            className="min-h-11 rounded-lg border border-stone-300 px-3 text-sm dark:border-stone-700"
          >
            Edit
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                onClick={() => remove.mutate()}
                disabled={remove.isPending}
                className="min-h-11 rounded-lg bg-red-700 px-3 text-sm font-medium text-white"
              >
                {remove.isPending ? "Deleting…" : "Yes, delete it"}
              </button>
              <button
                type="button"
                onClick={() => setConfirming(false)}
                className="min-h-11 rounded-lg border border-stone-300 px-3 text-sm dark:border-stone-700"
              >
                Keep it
              </button>
            </>
          ) : (
            <button
              type="button"
              onClick={() => setConfirming(true)}
              className="min-h-11 rounded-lg border border-stone-300 px-3 text-sm dark:border-stone-700"
            >
              Delete
            </button>
          )}
        </div>
      )}
      {confirming && !editing && <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">Milestones ticked with it stay done.</p>}
      {remove.error && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {remove.error.message}
        </p>
      )}
    </li>
  );
}

/** The dashboard's check-in section: streak, hours and confidence over the weeks, and each check-in. */
export function CheckInHistoryPanel({ initial }: { initial: CheckInHistory }) {
  const { data } = useQuery({
    queryKey: queryKeys.checkIns,
    queryFn: () => apiFetch<CheckInHistory>("/api/checkins"),
    initialData: initial,
  });
  const { checkIns, streak } = data;
  const currentWeek = streak.currentWeek;
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? checkIns : checkIns.slice(0, RECENT_SHOWN);
  return (
    <section
      aria-labelledby="checkins-heading"
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="checkins-heading" className="text-lg font-semibold">
          Check-ins
        </h2>
        <Link
          href="/checkin"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          Check in
        </Link>
      </div>
      <StreakBadge streak={streak} />
      {checkIns.length === 0 ? (
        <p className="text-sm">
          No check-ins yet. On your phone, a check-in takes half a minute: hours, how confident you feel, and what you ticked off.
        </p>
      ) : (
        <>
          <HistoryChart checkIns={checkIns} currentWeek={currentWeek} />
          <ul>
            {shown.map((c) => (
              <CheckInItem key={c.id} checkIn={c} />
            ))}
          </ul>
          {checkIns.length > shown.length && (
            <button
              type="button"
              onClick={() => setShowAll(true)}
              className="min-h-11 rounded-lg border border-stone-300 px-3 text-sm dark:border-stone-700"
            >
              Show all {checkIns.length} check-ins
            </button>
          )}
        </>
      )}
    </section>
  );
}
