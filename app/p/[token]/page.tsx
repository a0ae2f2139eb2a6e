import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaceStatusBadge } from "@/components/dashboard/PaceStatusBadge";
import { PhaseProgressList } from "@/components/dashboard/PhaseProgressList";
import { ProgressBar } from "@/components/dashboard/ProgressBar";
import { getPublicProgress, isPublicToken } from "@/lib/public-page";

// Read at every request: a page turned off or replaced must 404 at once, never from a cache.
export const dynamic = "force-dynamic";

// Shared on purpose, but not to be indexed; no-referrer is also set as a header in next.config.js,
// so the token doesn't leave in the Referer of any link followed from here.
export const metadata: Metadata = {
  title: "Learning progress",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const card = "space-y-4 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";

/** Anyone with the link, signed in or not, as the owner chose; the token is the only credential. */
export default async function PublicProgressPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isPublicToken(token)) notFound();
  const progress = await getPublicProgress(token);
  if (!progress) notFound();
  const { roadmap } = progress;

  return (
    <article className="mx-auto max-w-xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-stone-700 dark:text-stone-300">Learning progress, shared from Waypoint</p>
        <h1 className="text-2xl font-semibold">{roadmap ? roadmap.title : "Between roadmaps"}</h1>
      </header>
      {roadmap ? (
        <>
          <section aria-labelledby="pace-heading" className={card}>
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="pace-heading" className="text-lg font-semibold">
                Pace
              </h2>
              <PaceStatusBadge verdict={{ status: roadmap.status, label: roadmap.statusLabel, tone: roadmap.tone }} />
            </div>
            <p data-testid="pace-headline" className="font-medium">
              {roadmap.headline}
            </p>
            <ProgressBar label="Whole roadmap" share={roadmap.share} />
          </section>
          <section aria-labelledby="phases-heading" className={card}>
            <h2 id="phases-heading" className="text-lg font-semibold">
              Phases
            </h2>
            <PhaseProgressList phases={roadmap.phases} itemTestId="public-phase" />
          </section>
          <div className="text-sm text-stone-700 dark:text-stone-300">
            <p>Progress is weighted by each milestone&apos;s effort.</p>
            <Link href={`/roadmaps/${roadmap.slug}`} className="inline-flex min-h-11 items-center underline underline-offset-2">
              What this roadmap covers
            </Link>
          </div>
        </>
      ) : (
        <p>Not on a roadmap at the moment.</p>
      )}
    </article>
  );
}
