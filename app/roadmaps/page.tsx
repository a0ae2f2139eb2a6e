import type { Metadata } from "next";
import Link from "next/link";
import { listRoadmaps } from "@/lib/catalogue";

export const metadata: Metadata = { title: "Roadmaps" };
export const dynamic = "force-dynamic";

export default async function RoadmapsPage() {
  const roadmaps = await listRoadmaps();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Roadmaps</h1>
      <p className="text-stone-700 dark:text-stone-300">
        Not sure which route suits you, or how long to plan for?{" "}
        <Link href="/assessment" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
          Take the five-question self-assessment
        </Link>
        .
      </p>
      <ul className="grid gap-4 md:grid-cols-2">
        {roadmaps.map((r) => (
          <li
            key={r.slug}
            className="flex flex-col rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
          >
            <h2 className="text-lg font-semibold">
              <Link href={`/roadmaps/${r.slug}`} className="hover:underline">
                {r.title}
              </Link>
            </h2>
            {r.recommendedFirstStep && (
              <p className="mt-1 w-fit rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800">
                A good first step for many engineers
              </p>
            )}
            <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">{r.summary}</p>
            <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
              {r.phases.length} phases · {r.milestoneCount} milestones · {r.minMonths}–{r.maxMonths} months (typically {r.typicalMonths})
            </p>
            <Link
              href={`/roadmaps/${r.slug}`}
              className="mt-4 inline-flex min-h-11 w-fit items-center rounded-lg border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              {/* The visible words start the accessible name, so speech input ("click see the roadmap") finds it. */}
              See the roadmap<span className="sr-only">: {r.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
