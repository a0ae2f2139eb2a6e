import { requireUser } from "@/lib/auth";
import { handle, json, parseParam, otherMethods } from "@/lib/http";
import { leavePartnership } from "@/lib/partners";
import { partnerView } from "@/lib/partners/view";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ ownerId: string }> };

const ownerIdOf = async ({ params }: Context) => parseParam((await params).ownerId, idSchema, "person");

/** One person the caller follows, with exactly the fields they share; 404 for anyone else. */
export const GET = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  return json(await partnerView(user.id, await ownerIdOf(context)));
});

/** The caller stops following this person. */
export const DELETE = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  await leavePartnership(user.id, await ownerIdOf(context));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, OPTIONS } = otherMethods("GET", "DELETE");
