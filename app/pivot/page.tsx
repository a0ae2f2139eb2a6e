import type { Metadata } from "next";
import Link from "next/link";
import { PivotView } from "@/components/pivot/PivotView";
import { getPivotOverview } from "@/lib/applications";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Applications and interviews" };
export const dynamic = "force-dynamic";

export default async function PivotPage() {
  const user = await requirePageUser("/pivot");
  const overview = await getPivotOverview(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Applications and interviews</h1>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          The last stretch of the plan is the job search itself. Lead each application with your shipped feature, keep every stage and
          interview here, and check each advert against your roadmap to see which of the skills it asks for you have already done.
        </p>
        <Link href="/dashboard" className="inline-flex min-h-11 items-center text-sm underline underline-offset-2">
          Back to the dashboard
        </Link>
      </header>
      <PivotView initial={overview} />
    </div>
  );
}
