import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseJson, parseParam } from "@/lib/http";
import { deleteShippedFeature, getShippedFeature, updateShippedFeature } from "@/lib/shipped";
import { idSchema } from "@/lib/validation/common";
import { shippedFeatureSchema } from "@/lib/validation/shipped";

type Context = { params: Promise<{ featureId: string }> };

const featureIdOf = async ({ params }: Context) => parseParam((await params).featureId, idSchema, "shipped-feature record");

export const GET = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  return json(await getShippedFeature(user.id, await featureIdOf(context)));
});

/** Replaces the record (incidents included); another user's id answers 404. */
export const PUT = handle(async (request: Request, context: Context) => {
  const user = await requireUser();
  const id = await featureIdOf(context);
  const input = await parseJson(request, shippedFeatureSchema);
  return json(await updateShippedFeature(user.id, id, input));
});

export const DELETE = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  await deleteShippedFeature(user.id, await featureIdOf(context));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PATCH, OPTIONS } = otherMethods("GET", "PUT", "DELETE");
