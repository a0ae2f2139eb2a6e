import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EnrollForm } from "@/components/roadmaps/EnrollForm";
import { KindBadge } from "@/components/roadmaps/KindBadge";
import { ResourcesDisclosure } from "@/components/roadmaps/ResourcesDisclosure";
import { resourcesFrom } from "@/lib/roadmaps/resources";
import { getAssessment } from "@/lib/assessment";
import { getCurrentUser, signInPath } from "@/lib/auth";
import { getRoadmapBySlug } from "@/lib/catalogue";
import { slugSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ target?: string | string[] }> };

/**
 * The target the enrol form starts on: `?target=N` (the self-assessment's "Enrol with N months"
 * link) when the roadmap allows N, else the saved self-assessment's suggestion for this roadmap,
 * else the roadmap's typical duration. Null means "the typical one".
 */
function suggestedTarget(
  raw: string | string[] | undefined,
  saved: { roadmapSlug: string; suggestedMonths: number } | null,
  roadmap: { slug: string; minMonths: number; maxMonths: number },
) {
  const fits = (n: number) => Number.isInteger(n) && n >= roadmap.minMonths && n <= roadmap.maxMonths;
  const fromQuery = typeof raw === "string" && /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
  if (fits(fromQuery)) return fromQuery;
  if (saved && saved.roadmapSlug === roadmap.slug && fits(saved.suggestedMonths)) return saved.suggestedMonths;
  return null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugSchema.safeParse((await params).slug);
  const roadmap = slug.success ? await getRoadmapBySlug(slug.data) : null;
  return { title: roadmap?.title ?? "Roadmap" };
}

export default async function RoadmapPage({ params, searchParams }: Props) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const [roadmap, user, { target }] = await Promise.all([getRoadmapBySlug(slug.data), getCurrentUser(), searchParams]);
  if (!roadmap) notFound();
  const assessment = user ? await getAssessment(user.id) : null;
  const suggested = suggestedTarget(target, assessment, roadmap);
  const totalHours = roadmap.phases.reduce((sum, p) => sum + p.milestones.reduce((s, m) => s + m.effortHours, 0), 0);
  // The enrol form comes straight after the roadmap's title (on phones, before the milestones; on wide
  // screens, beside them), so someone arriving from "Enrol with 12 months" finds it without scrolling.
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:gap-x-8">
      <header className="min-w-0 space-y-2 lg:col-start-1">
        <h1 className="text-2xl font-semibold">{roadmap.title}</h1>
        <p className="text-stone-700 dark:text-stone-300">{roadmap.summary}</p>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          About {totalHours} hours of focused work over {roadmap.minMonths}–{roadmap.maxMonths} months.
        </p>
      </header>
      <aside aria-labelledby="enrol-heading" className="lg:sticky lg:top-6 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
        <div className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="enrol-heading" className="font-semibold">
            Start this roadmap
          </h2>
          {user && !assessment && (
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
              Not sure it&apos;s the right move, or how long to plan for?{" "}
              <Link href="/assessment" className="font-medium underline underline-offset-2">
                Take the self-assessment
              </Link>
              .
            </p>
          )}
          {user ? (
            <EnrollForm
              roadmapSlug={roadmap.slug}
              minMonths={roadmap.minMonths}
              maxMonths={roadmap.maxMonths}
              typicalMonths={roadmap.typicalMonths}
              suggestedMonths={suggested}
              effort={{
                canonicalMonths: roadmap.canonicalMonths,
                maxMonths: roadmap.maxMonths,
                phases: roadmap.phases.map((p) => ({
                  title: p.title,
                  startMonth: p.startMonth,
                  endMonth: p.endMonth,
                  effortHours: p.milestones.reduce((s, m) => s + m.effortHours, 0),
                })),
              }}
            />
          ) : (
            <p className="mt-2 text-sm">
              <Link href={signInPath(`/roadmaps/${roadmap.slug}`)} className="font-medium text-brand-700 underline dark:text-brand-100">
                Sign in
              </Link>{" "}
              to enrol and track your progress.
            </p>
          )}
        </div>
      </aside>
      <ol aria-label="Phases and milestones" className="min-w-0 space-y-6 lg:col-start-1">
        {roadmap.phases.map((phase, index) => (
          <li key={phase.slug} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <h2 className="font-semibold">
              Phase {index + 1}: {phase.title}{" "}
              <span className="font-normal text-stone-600 dark:text-stone-400">
                (months {phase.startMonth}–{phase.endMonth})
              </span>
            </h2>
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{phase.summary}</p>
            <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
              {phase.milestones.map((m) => (
                <li key={m.slug} className="py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{m.title}</span>
                    <KindBadge kind={m.kind} />
                    {m.optional && <span className="text-xs text-stone-600 dark:text-stone-400">optional</span>}
                  </div>
                  <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{m.why}</p>
                  <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">≈ {m.effortHours} h</p>
                  <ResourcesDisclosure resources={resourcesFrom(m.resources)} milestoneTitle={m.title} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
