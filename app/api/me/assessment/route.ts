import { getAssessment, saveAssessment } from "@/lib/assessment";
import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseJson } from "@/lib/http";
import { assessmentAnswersSchema } from "@/lib/validation/assessment";

/** The caller's own self-assessment, or null before they have taken it. */
export const GET = handle(async () => {
  const user = await requireUser();
  return json({ assessment: await getAssessment(user.id) });
});

/** Saves the caller's answers (all five) and returns the recommendation the rules make of them. */
export const PUT = handle(async (request: Request) => {
  const user = await requireUser();
  const answers = await parseJson(request, assessmentAnswersSchema);
  return json({ assessment: await saveAssessment(user.id, answers) });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
