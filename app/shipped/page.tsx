import type { Metadata } from "next";
import Link from "next/link";
import { ShippedFeatureView } from "@/components/shipped/ShippedFeatureView";
import { requirePageUser } from "@/lib/auth";
import { getShippedOverview } from "@/lib/shipped";

export const metadata: Metadata = { title: "Your shipped feature" };
export const dynamic = "force-dynamic";

export default async function ShippedPage() {
  const user = await requirePageUser("/shipped");
  const overview = await getShippedOverview(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Your shipped ML feature</h1>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          One model you took from notebook to production, with a written eval method and monitoring after launch, does more for an ML
          Engineer application than any number of courses. Record it here: it starts the 90-day upkeep clock and drafts your CV bullets.
        </p>
        <Link href="/dashboard" className="inline-flex min-h-11 items-center text-sm underline underline-offset-2">
          Back to the dashboard
        </Link>
      </header>
      <ShippedFeatureView initial={overview} />
    </div>
  );
}
