// The sections of /partners/[ownerId], one per share: the page loads the view and renders only what it holds.
import Link from "next/link";
import { PaceStatusBadge } from "@/components/dashboard/PaceStatusBadge";
import { PhaseProgressList } from "@/components/dashboard/PhaseProgressList";
import { ProgressBar } from "@/components/dashboard/ProgressBar";
import { NoteForm } from "@/components/partners/NoteForm";
import { card, muted } from "@/components/partners/styles";
import { describeBuffer } from "@/lib/pacing/verdict";
import type { PartnerMilestoneView, PartnerSource, PartnerView } from "@/lib/partners/share";

const STATUS_WORDS: Record<string, string> = { done: "done", in_progress: "in progress", not_started: "not started", skipped: "skipped" };

/** Who this is, how the caller relates to them, and which roadmap they are on (if that is shared). */
export function FollowedPersonHeader({ role, view }: { role: string; view: Pick<PartnerView, "name" | "email" | "roadmap"> }) {
  return (
    <header className="space-y-1">
      <p className={muted}>
        <Link href="/partners" className="inline-flex min-h-11 items-center underline underline-offset-2">
          People you follow
        </Link>{" "}
        · you are their {role}
      </p>
      <h1 className="text-2xl font-semibold" data-testid="followed-name">
        {view.name ?? "Unnamed"}
      </h1>
      {view.email && (
        <p className={muted} data-testid="followed-email">
          {view.email}
        </p>
      )}
      {view.roadmap !== undefined && <p className="font-medium">{view.roadmap ? view.roadmap.title : "Not on a roadmap at the moment."}</p>}
    </header>
  );
}

export function FollowedPace({ pace }: { pace: NonNullable<PartnerSource["pace"]> }) {
  return (
    <section aria-labelledby="pace-heading" className={card}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="pace-heading" className="text-lg font-semibold">
          Pace
        </h2>
        <PaceStatusBadge verdict={pace} />
      </div>
      <p data-testid="pace-headline" className="font-medium">
        {pace.headline}
      </p>
      {pace.bufferDays !== null && <p className={muted}>{describeBuffer(pace.bufferDays)}</p>}
      <ProgressBar label="Whole roadmap" share={pace.share} />
    </section>
  );
}

export function FollowedThisWeek({ ownerId, thisWeek }: { ownerId: string; thisWeek: NonNullable<PartnerSource["thisWeek"]> }) {
  return (
    <section aria-labelledby="week-heading" className={card}>
      <h2 id="week-heading" className="text-lg font-semibold">
        This week
      </h2>
      <p>
        {thisWeek.loggedHours} of {thisWeek.budgetHours} hours logged.
      </p>
      {thisWeek.items.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {thisWeek.items.map((i, n) => (
            <li key={n}>
              {i.title} · {i.hours} h
            </li>
          ))}
        </ul>
      )}
      <NoteForm ownerId={ownerId} target={{ isoWeek: thisWeek.week }} label={`week ${thisWeek.week}`} />
    </section>
  );
}

export function FollowedCheckIns({ streak, checkIns }: { streak: PartnerSource["streak"]; checkIns: PartnerView["checkIns"] }) {
  return (
    <section aria-labelledby="streak-heading" className={card}>
      <h2 id="streak-heading" className="text-lg font-semibold">
        Check-ins
      </h2>
      <p>
        {streak.weeks} {streak.weeks === 1 ? "week" : "weeks"} in a row · last check-in {streak.lastCheckInWeek ?? "not yet"}
      </p>
      {checkIns && checkIns.length > 0 && (
        <ul className="space-y-1 text-sm">
          {checkIns.map((c, n) => (
            <li key={n}>
              {c.week}
              {c.confidence !== undefined && ` · confidence ${c.confidence} of 5`}
              {c.note && ` · “${c.note}”`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FollowedPhases({ phases }: { phases: NonNullable<PartnerView["phases"]> }) {
  return (
    <section aria-labelledby="phases-heading" className={card}>
      <h2 id="phases-heading" className="text-lg font-semibold">
        Phases
      </h2>
      <PhaseProgressList phases={phases} />
    </section>
  );
}

export function FollowedMilestones({
  ownerId,
  milestones,
}: {
  ownerId: string;
  milestones: { phaseTitle: string; items: PartnerMilestoneView[] }[];
}) {
  return (
    <section aria-labelledby="milestones-heading" className={card}>
      <h2 id="milestones-heading" className="text-lg font-semibold">
        Milestones
      </h2>
      {milestones.map((phase) => (
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
                {m.status === "done" && <NoteForm ownerId={ownerId} target={{ milestoneId: m.id }} label={m.title} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** `shipped`: null when it is shared but nothing has shipped yet. */
export function FollowedShipped({ shipped }: { shipped: PartnerSource["shipped"] }) {
  return (
    <section aria-labelledby="shipped-heading" className={card}>
      <h2 id="shipped-heading" className="text-lg font-semibold">
        Shipped ML feature
      </h2>
      {shipped ? (
        <>
          <p className="font-medium">
            {shipped.title}, launched {shipped.launchDate}
          </p>
          {shipped.outcome && <p>Outcome: {shipped.outcome}</p>}
          <p className={muted}>
            {shipped.incidentDates.length ? `Incidents handled: ${shipped.incidentDates.join(", ")}` : "No incidents recorded."}
          </p>
        </>
      ) : (
        <p className={muted}>Nothing shipped yet.</p>
      )}
    </section>
  );
}
