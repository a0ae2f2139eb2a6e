"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type SubmitEvent } from "react";
import { apiFetch } from "@/components/api-client";
import type { PacingResponse } from "@/components/dashboard/PacePanel";
import { ThisWeekPanel } from "@/components/dashboard/ThisWeekPanel";
import { prefillHours, normaliseHoursInput, type HoursPrefill } from "@/lib/checkins/prefill";
import { FieldError } from "@/components/ui/FieldError";
import type { ThisWeekPlan } from "@/lib/pacing/this-week";
import { emptyWeekText, itemHoursText } from "@/lib/pacing/this-week-text";
import type { CheckInContext, CheckInResult } from "@/lib/checkins";
import type { Streak } from "@/lib/checkins/streak";
import { CHECKIN_HOURS_STEP, confidenceProblems, hoursProblems, optionalTextProblems } from "@/lib/validation/field-rules";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { CHECKIN_HOURS_MAX, CHECKIN_NOTE_MAX } from "@/lib/validation/limits";
import { discard, enqueue, flush, queued, send, type QueuedCheckIn, type SendOutcome } from "./outbox";
import { StreakBadge } from "./StreakBadge";
import { queryKeys } from "@/components/query-keys";

const CONFIDENCE = [
  { value: 1, label: "Lost" },
  { value: 2, label: "Shaky" },
  { value: 3, label: "Steady" },
  { value: 4, label: "Good" },
  { value: 5, label: "Sure" },
] as const;

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}
const useOnline = () =>
  useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

const weekNumber = (isoWeek: string) => Number(isoWeek.slice(6));

const hoursText = (hours: number) => `${hours.toLocaleString("en-GB")} h`;

/** Said under the hours field, so a number already there is never a mystery. */
function prefillText(prefill: HoursPrefill) {
  if (prefill.source === "plan") return `Filled in with the ${hoursText(prefill.hours)} left in this week's plan.`;
  if (prefill.source === "last") return "Filled in with your last check-in's hours.";
  return null;
}

type Sent = Omit<CheckInResult, "replayed">;

/** What the person typed, checked as the server will check it (lib/validation/field-rules.ts); null when all is well. */
function checkInFieldProblems(hours: number, confidence: number | null, note: string): FieldErrors | null {
  const fields: FieldErrors = {};
  for (const [field, problems] of [
    ["hours", hoursProblems(hours)],
    ["confidence", confidenceProblems(confidence ?? Number.NaN)],
    ["note", optionalTextProblems(note, CHECKIN_NOTE_MAX, "The note")],
  ] as const) {
    if (problems.length > 0) fields[field] = [...problems];
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

export function CheckInForm({ userId, context }: { userId: string; context: CheckInContext }) {
  const online = useOnline();
  const [prefill, setPrefill] = useState(() => prefillHours(context.plan, context.lastHours));
  const [hours, setHours] = useState(() => String(prefill.hours));
  const [confidence, setConfidence] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const [ticks, setTicks] = useState<ReadonlySet<string>>(new Set());
  const [workedOn, setWorkedOn] = useState<ReadonlySet<string>>(new Set());
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const [outbox, setOutbox] = useState<QueuedCheckIn[]>([]);
  const [last, setLast] = useState<Sent | null>(null);
  // After a check-in reaches the server, its acknowledgement replaces the form until asked for again.
  const [acknowledging, setAcknowledging] = useState(false);
  const [doneIds, setDoneIds] = useState<ReadonlySet<string>>(
    () => new Set(context.phase?.milestones.filter((m) => m.status === "done").map((m) => m.id)),
  );
  // Milestones done before this visit are summed up in a line, not listed: the list is what's left to tick.
  const [doneBefore] = useState(() => new Set(context.phase?.milestones.filter((m) => m.status === "done").map((m) => m.id)));
  const submitting = useRef(false);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => setOutbox(await queued(userId)), [userId]);

  // This week's plan, read again after each check-in that reaches the server: its hours move.
  const queryClient = useQueryClient();
  const enrollmentId = context.enrollment.id;
  const { data: plan } = useQuery({
    queryKey: queryKeys.thisWeek(enrollmentId),
    queryFn: async (): Promise<ThisWeekPlan> => (await apiFetch<PacingResponse>(`/api/enrollments/${enrollmentId}/pacing`)).pacing.thisWeek,
    initialData: context.plan,
  });
  const week = plan;

  const settle = useCallback(
    (outcomes: SendOutcome[]) => {
      const sent = outcomes.filter((o) => o.kind === "sent");
      if (sent.length > 0) {
        const latest = sent[sent.length - 1]!.result;
        setLast(latest);
        setAcknowledging(true);
        const tickedSkills = new Set(sent.flatMap((o) => o.result.checkIn.ticked.map((t) => t.skillSlug)));
        const tickedIds = (context.phase?.milestones ?? []).filter((m) => tickedSkills.has(m.skillSlug)).map((m) => m.id);
        setDoneIds((ids) => new Set([...ids, ...tickedIds]));
        setMessage(null);
        void queryClient.invalidateQueries({ queryKey: queryKeys.thisWeek(enrollmentId) });
      }
      const problem = outcomes.find((o) => o.kind !== "sent");
      if (problem?.kind === "signed_out")
        setMessage({ tone: "error", text: "Your session has ended. Sign in again; your check-in is kept on this phone." });
      if (problem?.kind === "rejected") setMessage({ tone: "error", text: problem.message });
    },
    [context.phase, queryClient, enrollmentId],
  );

  // Whatever is waiting from an earlier visit goes out as soon as there is a connection.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- refresh sets state after reading IndexedDB (asynchronously), not during the effect
    void refresh();
    if (!online) return;
    void flush(userId).then(settle).then(refresh);
  }, [online, userId, refresh, settle]);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // A second tap before React re-renders must not make a second check-in.
    if (submitting.current) return;
    const key = crypto.randomUUID();
    const hoursValue = hours.trim() === "" ? Number.NaN : Number(hours);
    const problems = checkInFieldProblems(hoursValue, confidence, note);
    if (problems) {
      setFields(problems);
      return;
    }
    submitting.current = true;
    setBusy(true);
    setFields({});
    // The server checks the whole body with its schema (lib/validation/checkin.ts) as it stores it.
    const body: QueuedCheckIn["body"] = {
      enrollmentId: context.enrollment.id,
      hours: hoursValue,
      confidence: confidence ?? Number.NaN,
      note: note.trim() || null,
      milestoneIds: [...ticks],
      workedOnIds: [...workedOn],
      idempotencyKey: key,
      madeAt: new Date().toISOString(),
    };
    const item: QueuedCheckIn = { key, userId, body, state: "pending" };
    try {
      // Stored on the phone first: from here on, nothing the network does can lose it.
      await enqueue(item);
      setHours("0");
      setPrefill({ hours: 0, source: "none" });
      setNote("");
      setTicks(new Set());
      setWorkedOn(new Set());
      if (!navigator.onLine) {
        setMessage({ tone: "info", text: "You're offline. The check-in is saved on this phone and will be sent when you're back online." });
        return;
      }
      const outcome = await send(item);
      if (outcome.kind === "offline")
        setMessage({ tone: "info", text: "Couldn't reach Waypoint. The check-in is saved on this phone and will be sent later." });
      else settle([outcome]);
    } finally {
      submitting.current = false;
      setBusy(false);
      await refresh();
    }
  }

  /** Puts a refused check-in back in the form to fix it. */
  async function edit(item: QueuedCheckIn) {
    setAcknowledging(false);
    setHours(String(item.body.hours));
    setConfidence(item.body.confidence);
    setNote(item.body.note ?? "");
    setTicks(new Set(item.body.milestoneIds ?? []));
    setWorkedOn(new Set(item.body.workedOnIds ?? []));
    setFields(item.fields ?? {});
    await discard(item.key);
    await refresh();
  }

  /** Back to the form for another check-in, filled in again from the plan as it now stands. */
  function again() {
    const next = prefillHours(week, last?.checkIn.hours ?? context.lastHours);
    setPrefill(next);
    setHours(String(next.hours));
    setConfidence(null);
    setAcknowledging(false);
  }

  const hoursValue = Number(hours);
  const step = (delta: number) => {
    const base = Number.isFinite(hoursValue) ? hoursValue : 0;
    setHours(String(Math.min(CHECKIN_HOURS_MAX, Math.max(0, Math.round((base + delta) * 2) / 2))));
  };
  const prefillLine = Number(hours) === prefill.hours ? prefillText(prefill) : null;
  const showAck = acknowledging && last !== null;
  const next = week.items[0];
  const pending = outbox.filter((i) => i.state === "pending");
  const rejected = outbox.filter((i) => i.state === "rejected");
  const streak: Streak = last?.streak ?? context.streak;
  const headline = last?.pace.headline ?? context.pace.headline;
  const big = "min-h-11 min-w-11 rounded-lg border text-base font-medium";

  return (
    <div className="mx-auto max-w-md space-y-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Week {weekNumber(context.week)} check-in</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">{context.enrollment.roadmapTitle}</p>
        {!showAck && <StreakBadge streak={streak} />}
      </header>

      {!online && (
        <p
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Offline: check-ins are kept on this phone until the connection is back.
        </p>
      )}

      {showAck && (
        <section
          aria-labelledby="checked-in"
          className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 dark:border-brand-800 dark:bg-brand-950"
        >
          <h2 id="checked-in" className="font-semibold">
            Checked in
          </h2>
          <p data-testid="checkin-saved">
            Saved {hoursText(last.checkIn.hours)}, confidence {last.checkIn.confidence} (
            {CONFIDENCE.find((c) => c.value === last.checkIn.confidence)?.label})
            {last.checkIn.ticked.length > 0 ? `, done: ${last.checkIn.ticked.map((t) => t.title).join(", ")}.` : "."}
          </p>
          <StreakBadge streak={streak} />
          <p id="pace-after-checkin">
            <span data-testid="pace-status" className="font-medium">
              {last.pace.label}:
            </span>{" "}
            {headline}
          </p>
          <p data-testid="next-this-week" className="text-sm">
            {next ? (
              <>
                Next this week: <span className="font-medium">{next.title}</span> ({itemHoursText(next)}).
              </>
            ) : (
              (emptyWeekText(week) ?? "Nothing else is planned this week.")
            )}
          </p>
          <div className="flex flex-wrap gap-2 pt-1">
            <Link
              href="/dashboard"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              Dashboard
            </Link>
            <button type="button" onClick={again} className={`${big} border-stone-400 px-4 dark:border-stone-600`}>
              Log another check-in
            </button>
          </div>
        </section>
      )}

      {pending.length > 0 && (
        <section aria-labelledby="waiting" className="rounded-lg border border-stone-300 px-4 py-3 dark:border-stone-700">
          <h2 id="waiting" className="font-semibold">
            Waiting to send ({pending.length})
          </h2>
          <ul className="mt-1 space-y-1 text-sm">
            {pending.map((item) => (
              <li key={item.key} data-pending-checkin={item.key}>
                {new Date(item.body.madeAt).toLocaleString("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit" })} ·{" "}
                {item.body.hours} h · confidence {item.body.confidence}
              </li>
            ))}
          </ul>
        </section>
      )}

      {rejected.map((item) => (
        <section key={item.key} role="alert" className="rounded-lg border border-red-300 px-4 py-3 text-sm dark:border-red-800">
          <p className="font-medium text-red-800 dark:text-red-300">A check-in wasn&apos;t accepted: {item.error}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={() => void edit(item)} className={`${big} border-stone-400 px-3`}>
              Fix it
            </button>
            <button type="button" onClick={() => void discard(item.key).then(refresh)} className={`${big} border-stone-400 px-3`}>
              Discard
            </button>
          </div>
        </section>
      ))}

      {!showAck && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-5" aria-label="Check in">
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
                onChange={(e) => setHours(normaliseHoursInput(e.target.value))}
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
            <FieldError id="hours-error" messages={fields.hours} />
          </fieldset>

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
                    onChange={() => setConfidence(c.value)}
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
            <FieldError id="confidence-error" messages={fields.confidence} />
          </fieldset>

          {week.items.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium">Worked on (not finished)?</legend>
              <p className="text-xs text-stone-600 dark:text-stone-400">
                The hours are shared between what you worked on and what you finished.
              </p>
              <div className="mt-1 flex flex-wrap gap-2">
                {week.items.map((item) => {
                  const on = workedOn.has(item.id);
                  return (
                    <button
                      key={item.id}
                      type="button"
                      aria-pressed={on}
                      data-worked-on={item.id}
                      onClick={() =>
                        setWorkedOn((w) => (w.has(item.id) ? new Set([...w].filter((id) => id !== item.id)) : new Set([...w, item.id])))
                      }
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
              <FieldError id="workedOnIds-error" messages={fields.workedOnIds} />
            </fieldset>
          )}

          {context.phase && (
            <fieldset>
              <legend className="text-sm font-medium">Done this week? ({context.phase.title})</legend>
              {doneBefore.size > 0 && (
                <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                  {doneBefore.size} of {context.phase.milestones.length} in this phase done already.
                </p>
              )}
              <ul className="mt-1 space-y-1.5">
                {context.phase.milestones
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
                          onClick={() =>
                            setTicks((t) => (t.has(m.id) ? new Set([...t].filter((id) => id !== m.id)) : new Set([...t, m.id])))
                          }
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
              <FieldError id="milestoneIds-error" messages={fields.milestoneIds} />
            </fieldset>
          )}

          <div>
            <label htmlFor="note" className="block text-sm font-medium">
              Note: what you did, what blocks you
            </label>
            <textarea
              id="note"
              rows={3}
              maxLength={CHECKIN_NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950"
              aria-describedby="note-count note-error"
            />
            <p id="note-count" className="mt-1 text-right text-xs text-stone-600 dark:text-stone-400">
              {note.length} / {CHECKIN_NOTE_MAX.toLocaleString("en-GB")}
            </p>
            <FieldError id="note-error" messages={fields.note} />
          </div>

          {/* Kept in view at the bottom of the screen (above the phone's bar) however long the list of
            milestones is, so the check-in never needs a scroll to finish. */}
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
        </form>
      )}

      <ThisWeekPanel plan={week} />

      {!showAck && (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          <span data-testid="pace-status" className="font-medium">
            {context.pace.label}:
          </span>{" "}
          {headline}
        </p>
      )}
      <p className="text-sm">
        <Link href="/dashboard" className="inline-flex min-h-11 items-center underline underline-offset-2">
          Dashboard and history
        </Link>
      </p>
    </div>
  );
}
