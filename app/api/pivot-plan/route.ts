import { getPivotPlan, savePivotPlan } from "@/lib/applications";
import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseJson } from "@/lib/http";
import { pivotPlanSchema } from "@/lib/validation/applications";

/** My interview goal and weekly targets for the pivot phase (the defaults until saved). */
export const GET = handle(async () => {
  const user = await requireUser();
  return json(await getPivotPlan(user.id));
});

/** Saves them; a goal lowered to the interviews already logged ticks the interviews milestone. */
export const PUT = handle(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJson(request, pivotPlanSchema);
  return json(await savePivotPlan(user.id, input));
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
