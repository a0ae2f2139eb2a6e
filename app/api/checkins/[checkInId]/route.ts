import { requireUser } from "@/lib/auth";
import { deleteCheckIn, getCheckIn, updateCheckIn } from "@/lib/checkins";
import { handle, json, otherMethods, parseJson, parseParam } from "@/lib/http";
import { idSchema } from "@/lib/validation/common";
import { checkInUpdateSchema } from "@/lib/validation/checkin";

type Context = { params: Promise<{ checkInId: string }> };

const checkInIdOf = async ({ params }: Context) => parseParam((await params).checkInId, idSchema, "check-in");

export const GET = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  return json({ checkIn: await getCheckIn(user.id, await checkInIdOf(context)) });
});

export const PATCH = handle(async (request: Request, context: Context) => {
  const user = await requireUser();
  const id = await checkInIdOf(context);
  const update = await parseJson(request, checkInUpdateSchema);
  return json({ checkIn: await updateCheckIn(user.id, id, update) });
});

export const DELETE = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  await deleteCheckIn(user.id, await checkInIdOf(context));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
