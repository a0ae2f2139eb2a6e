import Link from "next/link";
import { WARNING_TEXT, type PivotWarningCode } from "@/lib/context/warnings";

/** The common pivot mistakes that apply to this user right now; nothing at all when none do. */
export function PivotWarnings({ warnings }: { warnings: PivotWarningCode[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="pivot-warnings-heading" className="space-y-3">
      <h2 id="pivot-warnings-heading" className="sr-only">
        Worth a thought
      </h2>
      {warnings.map((code) => (
        <div
          key={code}
          data-testid={`warning-${code}`}
          className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
        >
          <h3 className="font-semibold">{WARNING_TEXT[code].title}</h3>
          <p className="mt-1 text-sm">{WARNING_TEXT[code].body}</p>
          {code === "courses_without_shipping" ? null : (
            <p className="mt-2 text-sm">
              <Link href="/assessment" className="inline-flex min-h-11 items-center font-medium underline underline-offset-2">
                Look at your self-assessment again
              </Link>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
