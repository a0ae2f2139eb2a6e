import type { Metadata } from "next";
import Link from "next/link";
import { CheckInHistoryPanel } from "@/components/checkin/CheckInHistory";
import { SalaryBands } from "@/components/context/SalaryBands";
import { DashboardView } from "@/components/dashboard/DashboardView";
import { PivotWarnings } from "@/components/dashboard/PivotWarnings";
import { getInterviewGoal } from "@/lib/applications";
import { SavedCopyNotice } from "@/components/dashboard/SavedCopyNotice";
import { PartnerNotesPanel } from "@/components/partners/PartnerNotesPanel";
import { receivedNotes } from "@/lib/partners/notes";
import { getAssessment } from "@/lib/assessment";
import { requirePageUser } from "@/lib/auth";
import { checkInDays, checkInHistory } from "@/lib/checkins";
import { monthsIntoPlan, pivotWarnings } from "@/lib/context/warnings";
import { currentEnrollment, hasEnded } from "@/lib/enrollment-status";
import { listEnrollments } from "@/lib/enrollments";
import { pacingHeadline } from "@/lib/pacing/headline";
import { getDashboard } from "@/lib/progress";
import { getPacing } from "@/lib/progress/pacing";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ enrollment?: string }> }) {
  const user = await requirePageUser("/dashboard");
  const [{ enrollment: requested }, enrollments] = await Promise.all([searchParams, listEnrollments(user.id)]);
  const selected = enrollments.find((e) => e.id === requested) ?? currentEnrollment(enrollments);

  if (!selected) {
    return (
      <div className="space-y-4">
        <SavedCopyNotice />
        <h1 className="text-2xl font-semibold">Your dashboard</h1>
        <p>You&apos;re not on a roadmap yet. Pick one to start ticking off milestones.</p>
        <p className="flex flex-wrap gap-3">
          <Link
            href="/roadmaps"
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Choose a roadmap
          </Link>
          <Link
            href="/assessment"
            className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
          >
            Not sure? Take the self-assessment
          </Link>
        </p>
      </div>
    );
  }
  const [dashboard, pacing, history, assessment, interviewGoal, days, notes] = await Promise.all([
    getDashboard(user.id, selected.id),
    getPacing(user.id, selected.id),
    checkInHistory(user.id),
    getAssessment(user.id),
    getInterviewGoal(user.id),
    checkInDays(user.id, selected.id),
    receivedNotes(user.id),
  ]);
  const ended = hasEnded(selected.status);
  // Warnings are about a plan in progress: an ended enrolment gets none.
  const warnings = ended
    ? []
    : pivotWarnings({
        roadmapSlug: dashboard.enrollment.roadmap.slug,
        monthsIntoPlan: monthsIntoPlan(dashboard.enrollment.startDate, pacing.today.date),
        milestones: dashboard.phases.flatMap((p) => p.milestones),
        assessment: assessment && { operationalWork: assessment.answers.operationalWork, recommendation: assessment.recommendation },
      });
  return (
    <div className="space-y-6">
      <SavedCopyNotice />
      {enrollments.length > 1 && (
        <nav aria-label="Your roadmaps" className="flex flex-wrap gap-2">
          {enrollments.map((e) => (
            <Link
              key={e.id}
              href={`/dashboard?enrollment=${e.id}`}
              aria-current={e.id === selected.id ? "page" : undefined}
              className="min-h-11 rounded-full border border-stone-300 px-3 py-2 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 dark:border-stone-700 dark:aria-[current=page]:bg-brand-800 dark:aria-[current=page]:text-white"
            >
              {e.roadmap.title} · {e.status}
            </Link>
          ))}
        </nav>
      )}
      <PivotWarnings warnings={warnings} />
      <PartnerNotesPanel initial={notes} />
      <DashboardView
        key={dashboard.enrollment.id}
        initial={dashboard}
        initialPacing={{ pacing, headline: pacingHeadline(pacing) }}
        interviewGoal={interviewGoal}
        checkInDays={days}
      />
      <CheckInHistoryPanel initial={history} />
      <details className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <summary className="min-h-11 cursor-pointer content-center font-semibold">Context: what the move pays</summary>
        <div className="mt-2">
          <SalaryBands headingLevel={3} />
        </div>
      </details>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href="/roadmaps" className="inline-flex min-h-11 items-center underline underline-offset-2">
          All roadmaps
        </Link>
        <Link href="/shipped" className="inline-flex min-h-11 items-center underline underline-offset-2">
          Your shipped feature
        </Link>
        <Link href="/digest" className="inline-flex min-h-11 items-center underline underline-offset-2">
          This week&apos;s email
        </Link>
        <Link href="/assessment" className="inline-flex min-h-11 items-center underline underline-offset-2">
          Should I pivot?
        </Link>
        <Link href="/settings" className="inline-flex min-h-11 items-center underline underline-offset-2">
          Settings
        </Link>
      </p>
    </div>
  );
}
