import type { Metadata } from "next";
import Link from "next/link";
import { pathComparisons, type PathComparison } from "@/lib/context/paths";
import { SALARY_SOURCE } from "@/lib/context/salary-bands";

export const metadata: Metadata = { title: "ML Engineer or AI Engineer?" };

function PathCard({ path, id }: { path: PathComparison; id: string }) {
  const section = "mt-4 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400";
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id={id} className="text-xl font-semibold">
        {path.role}
      </h2>
      <p className="mt-1 text-stone-700 dark:text-stone-300">{path.gist}</p>
      <h3 className={section}>The work</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {path.work.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h3 className={section}>What you add to your skills</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {path.skills.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h3 className={section}>How long</h3>
      <p className="mt-1 text-sm">
        <strong>
          {path.duration.minMonths}–{path.duration.maxMonths} months
        </strong>
        , typically {path.duration.typicalMonths}. {path.duration.note}
      </p>
      <h3 className={section}>Pay</h3>
      <p className="mt-1 text-sm">
        <strong>{path.pay.headline}</strong> ({path.pay.cite}). {path.pay.detail}
      </p>
      <h3 className={section}>Suits you if</h3>
      <p className="mt-1 text-sm">{path.suits}</p>
      <Link
        href={`/roadmaps/${path.roadmapSlug}`}
        className="mt-5 inline-flex min-h-11 w-fit items-center rounded-lg border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        See the roadmap<span className="sr-only">: {path.title}</span>
      </Link>
    </section>
  );
}

/** Public: the choice the article turns on, laid out before anyone signs up. */
export default function PathsPage() {
  const [mle, ai] = pathComparisons();
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-semibold">ML Engineer or AI Engineer?</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Both are ways out of plain software engineering into AI work. They differ in how much is new to learn, what your weeks look like,
          and how soon the pay follows. Here they are side by side.
        </p>
      </header>
      <table className="w-full max-w-3xl text-left text-sm" data-testid="paths-at-a-glance">
        <caption className="mb-2 text-left font-semibold">At a glance</caption>
        <thead>
          <tr className="border-b border-stone-300 dark:border-stone-700">
            <td className="py-2 pr-2" />
            <th scope="col" className="py-2 pr-2 font-medium">
              {mle.role}
            </th>
            <th scope="col" className="py-2 font-medium">
              {ai.role}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-stone-200 dark:border-stone-800">
            <th scope="row" className="py-2 pr-2 font-normal text-stone-600 dark:text-stone-400">
              Plan for
            </th>
            <td className="py-2 pr-2">
              {mle.duration.minMonths}–{mle.duration.maxMonths} months
            </td>
            <td className="py-2">
              {ai.duration.minMonths}–{ai.duration.maxMonths} months
            </td>
          </tr>
          <tr className="border-b border-stone-200 dark:border-stone-800">
            <th scope="row" className="py-2 pr-2 font-normal text-stone-600 dark:text-stone-400">
              Typically
            </th>
            <td className="py-2 pr-2">{mle.duration.typicalMonths} months</td>
            <td className="py-2">{ai.duration.typicalMonths} months</td>
          </tr>
          <tr>
            <th scope="row" className="py-2 pr-2 font-normal text-stone-600 dark:text-stone-400">
              Pay
            </th>
            <td className="py-2 pr-2">{mle.pay.headline}</td>
            <td className="py-2">{ai.pay.headline}</td>
          </tr>
        </tbody>
      </table>
      <div className="grid gap-4 md:grid-cols-2">
        <PathCard path={mle} id="path-mle" />
        <PathCard path={ai} id="path-ai" />
      </div>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Figures: {SALARY_SOURCE.publisher}, “{SALARY_SOURCE.title}” ({SALARY_SOURCE.year}), UK and London base salaries. Durations are the
        ranges our roadmaps plan for.
      </p>
      <section aria-labelledby="choose" className="max-w-3xl space-y-3 rounded-xl border-2 border-brand-700 bg-white p-5 dark:bg-stone-900">
        <h2 id="choose" className="text-lg font-semibold">
          Still torn?
        </h2>
        <p className="text-sm">
          Five questions, about two minutes, no account needed: the self-assessment suggests a path and how long to plan for.
        </p>
        <Link
          href="/assessment"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Take the self-assessment
        </Link>
      </section>
    </div>
  );
}
