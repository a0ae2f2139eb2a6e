import type { Metadata } from "next";
import Link from "next/link";
import { PaceStatusBadge } from "@/components/dashboard/PaceStatusBadge";
import { PartnerCopyToggle } from "@/components/partners/PartnerCopyToggle";
import { card, muted } from "@/components/partners/styles";
import { requirePageUser } from "@/lib/auth";
import { partnerCopyEnabled } from "@/lib/partners";
import { describeBuffer } from "@/lib/pacing/verdict";
import { COHORT_SORTS, type CohortSort } from "@/lib/partners/cohort";
import { cohortOf } from "@/lib/partners/view";

export const metadata: Metadata = { title: "People you follow" };
export const dynamic = "force-dynamic";

const SORT_LABELS: Record<CohortSort, string> = { attention: "Needs attention", name: "Name", buffer: "Buffer", streak: "Streak" };

/** The cohort list: everyone the caller follows as a partner, whoever needs attention first. */
export default async function PartnersPage({ searchParams }: { searchParams: Promise<{ sort?: string }> }) {
  const user = await requirePageUser("/partners");
  const { sort: asked } = await searchParams;
  const sort: CohortSort = COHORT_SORTS.find((s) => s === asked) ?? "attention";
  const [people, copyEnabled] = await Promise.all([cohortOf(user.id, sort), partnerCopyEnabled(user.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">People you follow</h1>
      {people.length === 0 ? (
        <p>
          No one yet. When someone invites you as their mentor, manager or friend, they appear here. To have someone follow you, invite them
          from{" "}
          <Link href="/settings" className="underline underline-offset-2">
            Settings
          </Link>
          .
        </p>
      ) : (
        <>
          <nav aria-label="Sort by" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">Sort by</span>
            {COHORT_SORTS.map((s) => (
              <Link
                key={s}
                href={s === "attention" ? "/partners" : `/partners?sort=${s}`}
                aria-current={s === sort ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-3 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 dark:border-stone-700 dark:aria-[current=page]:bg-brand-800 dark:aria-[current=page]:text-white"
              >
                {SORT_LABELS[s]}
              </Link>
            ))}
          </nav>
          <ul className="space-y-3">
            {people.map((p) => (
              <li key={p.ownerId} className={card} data-testid="cohort-row">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/partners/${p.ownerId}`}
                    className="inline-flex min-h-11 items-center text-lg font-semibold underline underline-offset-2"
                  >
                    {p.name ?? "Unnamed"}
                  </Link>
                  <span className={muted}>you are their {p.role}</span>
                  {p.verdict && <PaceStatusBadge verdict={p.verdict} />}
                </div>
                <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
                  <Fact
                    label="Buffer"
                    value={p.verdict === null ? "not shared" : p.bufferDays === null ? "—" : describeBuffer(p.bufferDays)}
                  />
                  <Fact
                    label="Streak"
                    value={p.streakWeeks === null ? "not shared" : `${p.streakWeeks} ${p.streakWeeks === 1 ? "week" : "weeks"}`}
                  />
                  <Fact label="Last check-in" value={p.streakWeeks === null ? "not shared" : (p.lastCheckInWeek ?? "none yet")} />
                  <Fact
                    label="This week"
                    value={p.thisWeek === null ? "not shared" : `${p.thisWeek.loggedHours} of ${p.thisWeek.budgetHours} h`}
                  />
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      <section aria-labelledby="copy-heading" className={card}>
        <h2 id="copy-heading" className="font-semibold">
          Weekly email
        </h2>
        <PartnerCopyToggle initial={copyEnabled} />
      </section>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-stone-700 dark:text-stone-300">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
