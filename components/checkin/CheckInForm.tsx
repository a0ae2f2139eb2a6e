"use client";

import Link from "next/link";
import { ThisWeekPanel } from "@/components/dashboard/ThisWeekPanel";
import type { CheckInContext } from "@/lib/checkins";
import type { Streak } from "@/lib/checkins/streak";
import { CheckInAcknowledgement } from "./CheckInAcknowledgement";
import { ConfidenceFieldset, DoneThisWeekFieldset, HoursFieldset, NoteField, SubmitBar, WorkedOnFieldset } from "./CheckInFields";
import { PendingCheckIns, RejectedCheckIns } from "./OutboxNotices";
import { StreakBadge } from "./StreakBadge";
import { useCheckInForm } from "./use-check-in";

const weekNumber = (isoWeek: string) => Number(isoWeek.slice(6));

export function CheckInForm({ userId, context }: { userId: string; context: CheckInContext }) {
  const form = useCheckInForm(userId, context);
  const { last, week, fields } = form;
  const showAck = form.acknowledging && last !== null;
  const streak: Streak = last?.streak ?? context.streak;
  const headline = last?.pace.headline ?? context.pace.headline;

  return (
    <div className="mx-auto max-w-md space-y-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Week {weekNumber(context.week)} check-in</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">{context.enrollment.roadmapTitle}</p>
        {!showAck && <StreakBadge streak={streak} />}
      </header>

      {!form.online && (
        <p
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Offline: check-ins are kept on this phone until the connection is back.
        </p>
      )}

      {showAck && <CheckInAcknowledgement last={last} streak={streak} headline={headline} week={week} onAgain={form.again} />}

      <PendingCheckIns pending={form.outbox.filter((i) => i.state === "pending")} />
      <RejectedCheckIns rejected={form.outbox.filter((i) => i.state === "rejected")} onFix={form.edit} onDiscard={form.drop} />

      {!showAck && (
        <form onSubmit={(e) => void form.onSubmit(e)} noValidate className="space-y-5" aria-label="Check in">
          <HoursFieldset hours={form.hours} prefill={form.prefill} onHours={form.setHours} errors={fields.hours} />
          <ConfidenceFieldset confidence={form.confidence} onConfidence={form.setConfidence} errors={fields.confidence} />
          <WorkedOnFieldset week={week} workedOn={form.workedOn} onToggle={form.toggleWorkedOn} errors={fields.workedOnIds} />
          <DoneThisWeekFieldset
            phase={context.phase}
            doneBefore={form.doneBefore}
            doneIds={form.doneIds}
            ticks={form.ticks}
            onToggle={form.toggleTick}
            errors={fields.milestoneIds}
          />
          <NoteField note={form.note} onNote={form.setNote} errors={fields.note} />
          <SubmitBar message={form.message} busy={form.busy} />
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
