import type { Metadata } from "next";
import Link from "next/link";
import { CheckInForm } from "@/components/checkin/CheckInForm";
import { requirePageUser } from "@/lib/auth";
import { getCheckInContext } from "@/lib/checkins";

export const metadata: Metadata = { title: "Check in" };
export const dynamic = "force-dynamic";

/** The phone check-in; the home-screen app opens here, and the weekly email links here. */
export default async function CheckInPage() {
  const user = await requirePageUser("/checkin");
  const context = await getCheckInContext(user.id);
  if (!context) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">Check in</h1>
        <p>Check-ins log your week against a roadmap, and you&apos;re not on one yet.</p>
        <Link
          href="/roadmaps"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Choose a roadmap
        </Link>
      </div>
    );
  }
  return <CheckInForm userId={user.id} context={context} />;
}
