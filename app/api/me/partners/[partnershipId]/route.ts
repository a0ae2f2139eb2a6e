import { requireUser } from "@/lib/auth";
import { handle, json, parseJson, parseParam, otherMethods } from "@/lib/http";
import { removePartner, updatePartner } from "@/lib/partners";
import { idSchema } from "@/lib/validation/common";
import { partnerUpdateSchema } from "@/lib/validation/partners";

type Context = { params: Promise<{ partnershipId: string }> };

const partnershipIdOf = async ({ params }: Context) => parseParam((await params).partnershipId, idSchema, "partner");

/** Changes what one of the caller's partners may see, or mutes them. */
export const PATCH = handle(async (request: Request, context: Context) => {
  const user = await requireUser();
  const id = await partnershipIdOf(context);
  const change = await parseJson(request, partnerUpdateSchema);
  await updatePartner(user.id, id, change);
  return json({ ok: true });
});

/** Removes a partner: their view 404s and their weekly copy leaves the caller out from now on. */
export const DELETE = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  await removePartner(user.id, await partnershipIdOf(context));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, POST, PUT, OPTIONS } = otherMethods("PATCH", "DELETE");
