import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentForm } from "@/components/assessment/AssessmentForm";
import { getAssessment } from "@/lib/assessment";
import { getCurrentUser } from "@/lib/auth";
import { listEnrollments } from "@/lib/enrollments";
import { assessmentQuerySchema } from "@/lib/validation/assessment";

export const metadata: Metadata = { title: "Should I pivot?" };
export const dynamic = "force-dynamic";

/** Open to everyone: signed out, the answer is worked out in the browser and nothing is stored until sign-in. */
export default async function AssessmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  // Answers given signed out, back from sign-in in the callbackUrl; saved by the form, never by this GET.
  const carried = assessmentQuerySchema.safeParse(await searchParams);
  const pending = user && carried.success ? carried.data : null;
  const [assessment, enrollments] = user ? await Promise.all([getAssessment(user.id), listEnrollments(user.id)]) : [null, []];
  const open = enrollments
    .filter((e) => e.status === "active" || e.status === "paused")
    .map((e) => ({ id: e.id, roadmapSlug: e.roadmap.slug, roadmapTitle: e.roadmap.title, targetMonths: e.targetMonths }));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Should I pivot?</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Five questions a recruiter asks engineers thinking about ML engineering. Your answers suggest a route (ML Engineer, AI Engineer
          first, or growing on the senior engineering track) and how long to plan for. Change them whenever you like.
        </p>
        {!user && (
          <p className="text-sm text-stone-700 dark:text-stone-300">
            No account needed to see your answer. Not sure what the two roles involve?{" "}
            <Link href="/paths" className="inline-block py-3 font-medium underline underline-offset-2">
              Compare ML Engineer and AI Engineer
            </Link>
            .
          </p>
        )}
      </header>
      <AssessmentForm initial={assessment} openEnrollments={open} signedIn={user !== null} pending={pending} />
    </div>
  );
}
