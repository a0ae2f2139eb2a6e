import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { pathComparisons } from "@/lib/context/paths";

/** The two paths in a sentence each, with the catalogue's durations and the article's pay figures. */
const PATHS = pathComparisons().map((path) => ({
  slug: path.roadmapSlug,
  title: path.role,
  body: path.gist,
  facts: `${path.duration.minMonths}–${path.duration.maxMonths} months · ${path.pay.headline} (${path.pay.cite})`,
}));

export default async function HomePage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  if (await getCurrentUser()) redirect("/dashboard");
  const { deleted } = await searchParams;
  return (
    <div className="space-y-8">
      {deleted && (
        <p role="status" className="rounded-lg border border-stone-300 bg-white p-3 dark:border-stone-700 dark:bg-stone-900">
          Your account and all its data have been deleted.
        </p>
      )}
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Know where your ML pivot stands.</h1>
        <p className="max-w-2xl text-lg text-stone-700 dark:text-stone-300">
          Waypoint turns the six-to-eighteen-month move from software engineer to ML engineer into milestones you can tick, and keeps the
          timeline honest: what is done, what is next, and whether you are on pace.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/signin" className="min-h-11 rounded-lg bg-brand-700 px-4 py-3 font-medium text-white hover:bg-brand-800">
            Get started
          </Link>
          <Link
            href="/roadmaps"
            className="min-h-11 rounded-lg border border-stone-300 px-4 py-3 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
          >
            Browse the roadmaps
          </Link>
        </div>
      </section>
      <section aria-labelledby="paths-heading" className="space-y-4">
        <h2 id="paths-heading" className="text-xl font-semibold">
          Two paths, one question: which suits you?
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {PATHS.map((path) => (
            <div key={path.slug} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
              <h3 className="font-semibold">{path.title}</h3>
              <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{path.body}</p>
              <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{path.facts}</p>
            </div>
          ))}
        </div>
        <div className="flex flex-wrap gap-3">
          <Link href="/assessment" className="min-h-11 rounded-lg bg-brand-700 px-4 py-3 font-medium text-white hover:bg-brand-800">
            Should I pivot? Take the 2-minute check
          </Link>
          <Link
            href="/paths"
            className="min-h-11 rounded-lg border border-stone-300 px-4 py-3 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
          >
            Compare the two side by side
          </Link>
        </div>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          The check needs no account; sign in afterwards and your answers come with you.
        </p>
      </section>
      <section aria-labelledby="how" className="grid gap-4 sm:grid-cols-3">
        <h2 id="how" className="sr-only">
          How it works
        </h2>
        {[
          ["Pick a path", "Take the check, or compare the two paths, then enrol with a target you can keep."],
          [
            "Tick milestones",
            "From gradient-descent intuition to your first shipped ML feature, each with why it matters and where to learn it.",
          ],
          ["See your pace", "Progress is weighed by effort, phase by phase, against the timeline you chose, with a short email each week."],
        ].map(([title, body]) => (
          <div key={title} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <h3 className="font-semibold">{title}</h3>
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{body}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
