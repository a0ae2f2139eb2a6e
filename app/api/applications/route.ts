import { requireUser } from "@/lib/auth";
import { createApplication, getPivotOverview } from "@/lib/applications";
import { handle, json, parseJson, otherMethods } from "@/lib/http";
import { applicationCreateSchema } from "@/lib/validation/applications";

/** My applications, sorted by next step, with the roadmap's milestones and the interview count. */
export const GET = handle(async () => {
  const user = await requireUser();
  return json(await getPivotOverview(user.id));
});

/** Adds an application; one sent (applied or later) ticks the roadmap's "apply" milestone. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJson(request, applicationCreateSchema);
  return json(await createApplication(user.id, input), { status: 201 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
