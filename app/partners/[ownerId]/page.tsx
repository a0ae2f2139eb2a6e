import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  FollowedCheckIns,
  FollowedMilestones,
  FollowedPace,
  FollowedPersonHeader,
  FollowedPhases,
  FollowedShipped,
  FollowedThisWeek,
} from "@/components/partners/FollowedPersonSections";
import { LeaveButton } from "@/components/partners/LeaveButton";
import { requirePageUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { partnerView, type FollowedPerson } from "@/lib/partners/view";
import { idSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Progress", robots: { index: false, follow: false } };
// Read at every request: a removed partner must get a 404 from the next one.
export const dynamic = "force-dynamic";

/** One person's progress as their partner may see it: exactly the fields they share, read-only. */
export default async function FollowedPersonPage({ params }: { params: Promise<{ ownerId: string }> }) {
  const { ownerId } = await params;
  const user = await requirePageUser(`/partners/${encodeURIComponent(ownerId)}`);
  if (!idSchema.safeParse(ownerId).success) notFound();
  let person: FollowedPerson;
  try {
    person = await partnerView(user.id, ownerId);
  } catch (error) {
    // Not followed (or no longer): as unknown as a missing page.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const { view } = person;
  const name = view.name ?? "They";
  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <FollowedPersonHeader role={person.role} view={view} />
      {view.pace && <FollowedPace pace={view.pace} />}
      {view.thisWeek && <FollowedThisWeek ownerId={person.ownerId} thisWeek={view.thisWeek} />}
      {view.streak && <FollowedCheckIns streak={view.streak} checkIns={view.checkIns} />}
      {view.phases && view.phases.length > 0 && <FollowedPhases phases={view.phases} />}
      {view.roadmap?.milestones && <FollowedMilestones ownerId={person.ownerId} milestones={view.roadmap.milestones} />}
      {view.shipped !== undefined && <FollowedShipped shipped={view.shipped} />}
      <LeaveButton ownerId={person.ownerId} name={name} />
    </article>
  );
}
