import { resourceTimeLabel } from "@/lib/roadmaps/resource-time";
import type { MilestoneResource, ResourceKind } from "@/lib/roadmaps/resources";

const kindLabel: Record<ResourceKind, string> = { course: "Course", docs: "Docs", article: "Article", video: "Video" };

/**
 * A milestone's curated links behind a native <details>: closed, it costs one line of the row; it
 * works without JavaScript and in server and client components alike.
 */
export function ResourcesDisclosure({ resources, milestoneTitle }: { resources: readonly MilestoneResource[]; milestoneTitle: string }) {
  if (resources.length === 0) return null;
  return (
    <details className="group mt-1" data-testid="milestone-resources">
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
        Resources ({resources.length})<span className="sr-only">: {milestoneTitle}</span>
      </summary>
      <ul className="mb-1 space-y-1 border-l-2 border-brand-200 pl-3 dark:border-brand-900">
        {resources.map((r) => (
          <li key={r.url}>
            <a
              href={r.url}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-11 flex-wrap items-center gap-x-2 py-1 text-sm text-brand-700 underline underline-offset-2 dark:text-brand-100"
            >
              {r.title}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
            <span className="block text-xs text-stone-600 dark:text-stone-400">
              {kindLabel[r.kind]} · {resourceTimeLabel(r.minutes)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
