import type { Metadata } from "next";
import { AssessmentForm } from "@/components/assessment/AssessmentForm";
import { getAssessment } from "@/lib/assessment";
import { requirePageUser } from "@/lib/auth";
import { listEnrollments } from "@/lib/enrollments";

export const metadata: Metadata = { title: "Should I pivot?" };
export const dynamic = "force-dynamic";

export default async function AssessmentPage() {
  const user = await requirePageUser("/assessment");
  const [assessment, enrollments] = await Promise.all([getAssessment(user.id), listEnrollments(user.id)]);
  const open = enrollments
    .filter((e) => e.status === "active" || e.status === "paused")
    .map((e) => ({ id: e.id, roadmapSlug: e.roadmap.slug, roadmapTitle: e.roadmap.title, targetMonths: e.targetMonths }));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Should I pivot?</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Five questions a recruiter asks engineers thinking about ML engineering. Your answers suggest a route (ML Engineer, AI Engineer first, or
          growing on the senior engineering track) and how long to plan for. Change them whenever you like.
        </p>
      </header>
      <AssessmentForm initial={assessment} openEnrollments={open} />
    </div>
  );
}
