"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type SubmitEvent } from "react";
import { apiFetch } from "@/components/api-client";
import type { PacingResponse } from "@/components/dashboard/PacePanel";
import { prefillHours, type HoursPrefill } from "@/lib/checkins/prefill";
import type { ThisWeekPlan } from "@/lib/pacing/this-week";
import type { CheckInContext, CheckInResult } from "@/lib/checkins";
import { confidenceProblems, hoursProblems, optionalTextProblems } from "@/lib/validation/field-rules";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { CHECKIN_NOTE_MAX } from "@/lib/validation/limits";
import { discard, enqueue, flush, queued, send, type QueuedCheckIn, type SendOutcome } from "./outbox";
import { queryKeys } from "@/components/query-keys";

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

export type Sent = Omit<CheckInResult, "replayed">;

export interface FormMessage {
  tone: "info" | "error";
  text: string;
}

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

const doneMilestoneIds = (context: CheckInContext) =>
  new Set(context.phase?.milestones.filter((m) => m.status === "done").map((m) => m.id));

const toggled = (ids: ReadonlySet<string>, id: string) => (ids.has(id) ? new Set([...ids].filter((i) => i !== id)) : new Set([...ids, id]));

/** This week's plan, read again after each check-in that reaches the server: its hours move. */
function useThisWeek(context: CheckInContext) {
  const queryClient = useQueryClient();
  const enrollmentId = context.enrollment.id;
  const { data: plan } = useQuery({
    queryKey: queryKeys.thisWeek(enrollmentId),
    queryFn: async (): Promise<ThisWeekPlan> => (await apiFetch<PacingResponse>(`/api/enrollments/${enrollmentId}/pacing`)).pacing.thisWeek,
    initialData: context.plan,
  });
  return { week: plan, queryClient, enrollmentId };
}

/** What the form's fields hold, and the ways they are filled in again. */
function useCheckInDraft(context: CheckInContext) {
  const [prefill, setPrefill] = useState(() => prefillHours(context.plan, context.lastHours));
  const [hours, setHours] = useState(() => String(prefill.hours));
  const [confidence, setConfidence] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const [ticks, setTicks] = useState<ReadonlySet<string>>(new Set());
  const [workedOn, setWorkedOn] = useState<ReadonlySet<string>>(new Set());
  const [fields, setFields] = useState<FieldErrors>({});
  return {
    prefill,
    hours,
    setHours,
    confidence,
    setConfidence,
    note,
    setNote,
    ticks,
    toggleTick: (id: string) => setTicks((t) => toggled(t, id)),
    workedOn,
    toggleWorkedOn: (id: string) => setWorkedOn((w) => toggled(w, id)),
    fields,
    setFields,
    /** Once a check-in is stored on the phone: the next one starts from nothing (the confidence stays). */
    clear() {
      setHours("0");
      setPrefill({ hours: 0, source: "none" });
      setNote("");
      setTicks(new Set());
      setWorkedOn(new Set());
    },
    /** A refused check-in, back in the fields with what was wrong with it. */
    load(item: QueuedCheckIn) {
      setHours(String(item.body.hours));
      setConfidence(item.body.confidence);
      setNote(item.body.note ?? "");
      setTicks(new Set(item.body.milestoneIds ?? []));
      setWorkedOn(new Set(item.body.workedOnIds ?? []));
      setFields(item.fields ?? {});
    },
    /** Filled in afresh for another check-in. */
    restart(next: HoursPrefill) {
      setPrefill(next);
      setHours(String(next.hours));
      setConfidence(null);
    },
  };
}

/** The check-in form's state, the outbox it goes through, and what submitting, fixing and starting again do. */
export function useCheckInForm(userId: string, context: CheckInContext) {
  const online = useOnline();
  const draft = useCheckInDraft(context);
  const { hours, confidence, note, ticks, workedOn, setFields } = draft;
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [outbox, setOutbox] = useState<QueuedCheckIn[]>([]);
  const [last, setLast] = useState<Sent | null>(null);
  // After a check-in reaches the server, its acknowledgement replaces the form until asked for again.
  const [acknowledging, setAcknowledging] = useState(false);
  const [doneIds, setDoneIds] = useState<ReadonlySet<string>>(() => doneMilestoneIds(context));
  // Milestones done before this visit are summed up in a line, not listed: the list is what's left to tick.
  const [doneBefore] = useState(() => doneMilestoneIds(context));
  const submitting = useRef(false);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => setOutbox(await queued(userId)), [userId]);

  const { week, queryClient, enrollmentId } = useThisWeek(context);

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
      draft.clear();
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
    draft.load(item);
    await discard(item.key);
    await refresh();
  }

  /** Back to the form for another check-in, filled in again from the plan as it now stands. */
  function again() {
    const next = prefillHours(week, last?.checkIn.hours ?? context.lastHours);
    draft.restart(next);
    setAcknowledging(false);
  }

  return {
    ...draft,
    online,
    week,
    doneIds,
    doneBefore,
    message,
    busy,
    outbox,
    last,
    acknowledging,
    onSubmit,
    edit,
    drop: (item: QueuedCheckIn) => discard(item.key).then(refresh),
    again,
  };
}
