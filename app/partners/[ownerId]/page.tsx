import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaceStatusBadge } from "@/components/dashboard/PaceStatusBadge";
import { PhaseProgressList } from "@/components/dashboard/PhaseProgressList";
import { ProgressBar } from "@/components/dashboard/ProgressBar";
import { LeaveButton } from "@/components/partners/LeaveButton";
import { NoteForm } from "@/components/partners/NoteForm";
import { card, muted } from "@/components/partners/styles";
import { requirePageUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { describeBuffer } from "@/lib/pacing/verdict";
import { partnerView, type FollowedPerson } from "@/lib/partners/view";
import { idSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Progress", robots: { index: false, follow: false } };
// Read at every request: a removed partner must get a 404 from the next one.
export const dynamic = "force-dynamic";

const STATUS_WORDS: Record<string, string> = { done: "done", in_progress: "in progress", not_started: "not started", skipped: "skipped" };

/** One person's progress as their partner may see it: exactly the fields they share, read-only. */
export default async function FollowedPersonPage({ params }: { params: Promise<{ ownerId: string }> }) {
  const { ownerId } = await params;
  const user = await requirePageUser(`/partners/${encodeURIComponent(ownerId)}`);
  if (!idSchema.safeParse(ownerId).success) notFound();
  let person: FollowedPerson;
  try {
    person = await partnerView(user.id, ownerId);
  } catch (error) {
    // Not followed (or no longer): as unknown as a missing page.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const { view } = person;
  const name = view.name ?? "They";
  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-1">
        <p className={muted}>
          <Link href="/partners" className="inline-flex min-h-11 items-center underline underline-offset-2">
            People you follow
          </Link>{" "}
          · you are their {person.role}
        </p>
        <h1 className="text-2xl font-semibold" data-testid="followed-name">
          {view.name ?? "Unnamed"}
        </h1>
        {view.email && (
          <p className={muted} data-testid="followed-email">
            {view.email}
          </p>
        )}
        {view.roadmap !== undefined && (
          <p className="font-medium">{view.roadmap ? view.roadmap.title : "Not on a roadmap at the moment."}</p>
        )}
      </header>

      {view.pace && (
        <section aria-labelledby="pace-heading" className={card}>
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="pace-heading" className="text-lg font-semibold">
              Pace
            </h2>
            <PaceStatusBadge verdict={view.pace} />
          </div>
          <p data-testid="pace-headline" className="font-medium">
            {view.pace.headline}
          </p>
          {view.pace.bufferDays !== null && <p className={muted}>{describeBuffer(view.pace.bufferDays)}</p>}
          <ProgressBar label="Whole roadmap" share={view.pace.share} />
        </section>
      )}

      {view.thisWeek && (
        <section aria-labelledby="week-heading" className={card}>
          <h2 id="week-heading" className="text-lg font-semibold">
            This week
          </h2>
          <p>
            {view.thisWeek.loggedHours} of {view.thisWeek.budgetHours} hours logged.
          </p>
          {view.thisWeek.items.length > 0 && (
            <ul className="list-disc pl-5 text-sm">
              {view.thisWeek.items.map((i, n) => (
                <li key={n}>
                  {i.title} · {i.hours} h
                </li>
              ))}
            </ul>
          )}
          <NoteForm ownerId={person.ownerId} target={{ isoWeek: view.thisWeek.week }} label={`week ${view.thisWeek.week}`} />
        </section>
      )}

      {view.streak && (
        <section aria-labelledby="streak-heading" className={card}>
          <h2 id="streak-heading" className="text-lg font-semibold">
            Check-ins
          </h2>
          <p>
            {view.streak.weeks} {view.streak.weeks === 1 ? "week" : "weeks"} in a row · last check-in{" "}
            {view.streak.lastCheckInWeek ?? "not yet"}
          </p>
          {view.checkIns && view.checkIns.length > 0 && (
            <ul className="space-y-1 text-sm">
              {view.checkIns.map((c, n) => (
                <li key={n}>
                  {c.week}
                  {c.confidence !== undefined && ` · confidence ${c.confidence} of 5`}
                  {c.note && ` · “${c.note}”`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {view.phases && view.phases.length > 0 && (
        <section aria-labelledby="phases-heading" className={card}>
          <h2 id="phases-heading" className="text-lg font-semibold">
            Phases
          </h2>
          <PhaseProgressList phases={view.phases} />
        </section>
      )}

      {view.roadmap?.milestones && (
        <section aria-labelledby="milestones-heading" className={card}>
          <h2 id="milestones-heading" className="text-lg font-semibold">
            Milestones
          </h2>
          {view.roadmap.milestones.map((phase) => (
            <div key={phase.phaseTitle} className="space-y-2">
              <h3 className="font-semibold">{phase.phaseTitle}</h3>
              <ul className="space-y-3">
                {phase.items.map((m) => (
                  <li key={m.id} className="space-y-1 text-sm" data-testid="followed-milestone">
                    <p>
                      <span className="font-medium">{m.title}</span> · {STATUS_WORDS[m.status] ?? m.status}
                    </p>
                    {m.note && <p className={muted}>Note: {m.note}</p>}
                    {m.evidenceUrl && (
                      <p>
                        <a
                          href={m.evidenceUrl}
                          rel="noopener noreferrer nofollow"
                          className="inline-flex min-h-11 items-center break-all underline underline-offset-2"
                          data-testid="followed-evidence"
                        >
                          Evidence: {m.evidenceUrl}
                        </a>
                      </p>
                    )}
                    {m.status === "done" && <NoteForm ownerId={person.ownerId} target={{ milestoneId: m.id }} label={m.title} />}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      {view.shipped !== undefined && (
        <section aria-labelledby="shipped-heading" className={card}>
          <h2 id="shipped-heading" className="text-lg font-semibold">
            Shipped ML feature
          </h2>
          {view.shipped ? (
            <>
              <p className="font-medium">
                {view.shipped.title}, launched {view.shipped.launchDate}
              </p>
              {view.shipped.outcome && <p>Outcome: {view.shipped.outcome}</p>}
              <p className={muted}>
                {view.shipped.incidentDates.length
                  ? `Incidents handled: ${view.shipped.incidentDates.join(", ")}`
                  : "No incidents recorded."}
              </p>
            </>
          ) : (
            <p className={muted}>Nothing shipped yet.</p>
          )}
        </section>
      )}

      <LeaveButton ownerId={person.ownerId} name={name} />
    </article>
  );
}
