"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { EnrollmentControls } from "@/components/dashboard/EnrollmentControls";
import { FirstSteps } from "@/components/dashboard/FirstSteps";
import { MilestoneRow } from "@/components/dashboard/MilestoneRow";
import { INTERVIEWS_SKILL, type InterviewGoalProgress } from "@/lib/pivot/interview-goal";
import { PacePanel, type PacingResponse } from "@/components/dashboard/PacePanel";
import { ProgressBar } from "@/components/dashboard/ProgressBar";
import { ThisWeekPanel } from "@/components/dashboard/ThisWeekPanel";
import { hasEnded } from "@/lib/enrollment-status";
import type { Dashboard, MilestoneProgressView } from "@/lib/progress";
import { buildActivityCalendar, type ActivityInput } from "@/lib/pacing/activity-calendar";
import { scaledPhaseMonths } from "@/lib/pacing/budget";
import { progressShare, type ProgressShare } from "@/lib/progress/summary";
import type { MilestoneUpdateInput } from "@/lib/validation/progress";
import { queryKeys } from "@/components/query-keys";

interface Message {
  kind: "error" | "info";
  text: string;
}

export interface TickVariables {
  milestoneId: string;
  title: string;
  update: Required<Pick<MilestoneUpdateInput, "status">> & { note: string | null; evidenceUrl: string | null };
}

function applyUpdate(
  dashboard: Dashboard,
  milestoneId: string,
  patch: Partial<Dashboard["phases"][number]["milestones"][number]>,
): Dashboard {
  // Progress belongs to the skill: every milestone row sharing it changes together.
  const skill = dashboard.phases.flatMap((p) => p.milestones).find((m) => m.id === milestoneId)?.skillSlug;
  return {
    ...dashboard,
    phases: dashboard.phases.map((phase) => ({
      ...phase,
      milestones: phase.milestones.map((m) => (m.id === milestoneId || m.skillSlug === skill ? { ...m, ...patch } : m)),
    })),
  };
}

/** `checkInDays`: this enrolment's check-ins per local day, for the activity calendar (made on /checkin, so a page load brings new ones). */
export function DashboardView({
  initial,
  initialPacing,
  interviewGoal,
  checkInDays,
}: {
  initial: Dashboard;
  initialPacing: PacingResponse;
  interviewGoal?: InterviewGoalProgress;
  checkInDays: ActivityInput["checkIns"];
}) {
  const enrollmentId = initial.enrollment.id;
  const [message, setMessage] = useState<Message | null>(null);

  const { data } = useQuery({
    queryKey: queryKeys.dashboard(enrollmentId),
    queryFn: () => apiFetch<Dashboard>(`/api/enrollments/${enrollmentId}`),
    initialData: initial,
  });
  const dashboard = data;

  const tick = useTick(enrollmentId, setMessage);

  // The pace panel's query (same key, so one request): its `waiting` list dates the time-based milestones.
  const { data: paceData } = useQuery({
    queryKey: queryKeys.pacing(enrollmentId),
    queryFn: () => apiFetch<PacingResponse>(`/api/enrollments/${enrollmentId}/pacing`),
    initialData: initialPacing,
  });
  const pacing = paceData.pacing;
  const waitingUntil = new Map(pacing.waiting.map((w) => [w.id, w.availableFrom]));

  const all = dashboard.phases.flatMap((p) => p.milestones);
  const overall = progressShare(all);
  const { enrollment } = dashboard;
  const ended = hasEnded(enrollment.status);
  const calendar = buildActivityCalendar({
    start: enrollment.startDate,
    today: pacing.today.date,
    ticks: pacing.activity,
    checkIns: checkInDays,
  });
  // Day 0: nothing ticked or checked in yet, so the calendar would be empty; first steps instead.
  const firstDay = !ended && calendar.totals.ticks === 0 && calendar.totals.checkIns === 0;

  return (
    <div className="space-y-6">
      <DashboardHeader enrollment={enrollment} overall={overall} />

      <MessageRegion message={message} />

      {/* Above the fold on a phone: what to do this week, before the pace and the long milestone list. */}
      <ThisWeekPanel plan={pacing.thisWeek} />
      {/* After the week's plan, so what to do this week stays in the first screen on a phone. */}
      {firstDay && <FirstSteps plan={pacing.thisWeek} />}

      <PacePanel
        enrollmentId={enrollmentId}
        initial={initialPacing}
        calendar={firstDay ? null : calendar}
        plan={
          ended
            ? undefined
            : {
                targetMonths: enrollment.targetMonths,
                weeklyHours: enrollment.weeklyHours,
                minMonths: enrollment.roadmap.minMonths,
                maxMonths: enrollment.roadmap.maxMonths,
              }
        }
      />

      <EnrollmentControls
        enrollment={enrollment}
        effort={{
          canonicalMonths: enrollment.roadmap.canonicalMonths,
          maxMonths: enrollment.roadmap.maxMonths,
          phases: dashboard.phases.map((p) => ({
            title: p.title,
            startMonth: p.startMonth,
            endMonth: p.endMonth,
            effortHours: p.milestones.reduce((s, m) => s + m.effortHours, 0),
          })),
        }}
      />

      <PhaseList
        phases={dashboard.phases}
        canonicalMonths={enrollment.roadmap.canonicalMonths}
        targetMonths={enrollment.targetMonths}
        disabled={ended}
        today={pacing.today.date}
        waitingUntil={waitingUntil}
        interviewGoal={interviewGoal}
        onTick={(variables) => tick.mutate(variables)}
      />
    </div>
  );
}

/** The tick of a milestone's status, note or evidence, shown optimistically; a failure lands in `setMessage`. */
function useTick(enrollmentId: string, setMessage: (message: Message | null) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ milestoneId, update }: TickVariables) =>
      apiFetch<{ progress: MilestoneProgressView }>(`/api/enrollments/${enrollmentId}/milestones/${milestoneId}`, {
        method: "PUT",
        body: update,
      }),
    // Optimistic: the tick shows at once; on failure it is rolled back and the user is told why.
    onMutate: async ({ milestoneId, update }) => {
      setMessage(null);
      await queryClient.cancelQueries({ queryKey: queryKeys.dashboard(enrollmentId) });
      const previous = queryClient.getQueryData<Dashboard>(queryKeys.dashboard(enrollmentId));
      if (previous) queryClient.setQueryData(queryKeys.dashboard(enrollmentId), applyUpdate(previous, milestoneId, update));
      return { previous };
    },
    onError: (error, { title }, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.dashboard(enrollmentId), context.previous);
      const reason = error instanceof ApiError ? error.message : "Something went wrong.";
      setMessage({ kind: "error", text: `“${title}” was not saved: ${reason}` });
    },
    onSuccess: ({ progress }) => {
      queryClient.setQueryData<Dashboard>(queryKeys.dashboard(enrollmentId), (current) =>
        current
          ? applyUpdate(current, progress.milestoneId, {
              status: progress.status,
              note: progress.note,
              evidenceUrl: progress.evidenceUrl,
              completedAt: progress.completedAt,
            })
          : current,
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(enrollmentId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.pacing(enrollmentId) }),
      ]),
  });
}

/** The roadmap, the enrolment's terms and the overall progress. */
function DashboardHeader({ enrollment, overall }: { enrollment: Dashboard["enrollment"]; overall: ProgressShare }) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{enrollment.roadmap.title}</h1>
        <span className="rounded-full bg-stone-200 px-2 py-0.5 text-sm capitalize text-stone-800 dark:bg-stone-800 dark:text-stone-200">
          {enrollment.status}
        </span>
      </div>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Started {enrollment.startDate} · target {enrollment.targetMonths} months · {enrollment.weeklyHours} h a week · {enrollment.timezone}
      </p>
      <ProgressBar label="Overall" share={overall.share} detail={`${overall.done} of ${overall.count - overall.skipped} milestones`} />
    </header>
  );
}

/** Where a failed tick is reported; always rendered, so screen readers hear the message when it appears. */
function MessageRegion({ message }: { message: Message | null }) {
  return (
    <div aria-live="polite" className="min-h-0">
      {message && (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

/** The phases in order, each with its progress and its milestone rows. */
function PhaseList({
  phases,
  canonicalMonths,
  targetMonths,
  disabled,
  today,
  waitingUntil,
  interviewGoal,
  onTick,
}: {
  phases: Dashboard["phases"];
  canonicalMonths: number;
  targetMonths: number;
  disabled: boolean;
  today: string;
  waitingUntil: ReadonlyMap<string, string | null>;
  interviewGoal?: InterviewGoalProgress;
  onTick: (variables: TickVariables) => void;
}) {
  return (
    <ol className="space-y-6">
      {phases.map((phase, index) => {
        const share = progressShare(phase.milestones);
        return (
          <li key={phase.id} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <section aria-labelledby={`phase-${phase.slug}`}>
              <h2 id={`phase-${phase.slug}`} className="font-semibold">
                Phase {index + 1}: {phase.title}{" "}
                <span className="font-normal text-stone-600 dark:text-stone-400">
                  ({scaledPhaseMonths(phase, canonicalMonths, targetMonths)})
                </span>
              </h2>
              <div className="mt-2">
                <ProgressBar
                  label={`${phase.title} progress`}
                  share={share.share}
                  detail={`${share.done}/${share.count - share.skipped}`}
                />
              </div>
              <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
                {phase.milestones.map((m) => (
                  <MilestoneRow
                    key={m.id}
                    milestone={m}
                    disabled={disabled}
                    today={today}
                    waitingUntil={waitingUntil.get(m.id)}
                    interviewGoal={m.skillSlug === INTERVIEWS_SKILL ? interviewGoal : undefined}
                    onChange={(update) => onTick({ milestoneId: m.id, title: m.title, update })}
                  />
                ))}
              </ul>
            </section>
          </li>
        );
      })}
    </ol>
  );
}
