import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseJson } from "@/lib/http";
import { createShippedFeature, getShippedOverview } from "@/lib/shipped";
import { shippedFeatureSchema } from "@/lib/validation/shipped";

/** My shipped-feature record (or `record: null`) with its clock, checklist and CV drafts. */
export const GET = handle(async () => {
  const user = await requireUser();
  return json(await getShippedOverview(user.id));
});

/** Records my shipped feature; 409 when I already have one. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJson(request, shippedFeatureSchema);
  return json(await createShippedFeature(user.id, input), { status: 201 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
