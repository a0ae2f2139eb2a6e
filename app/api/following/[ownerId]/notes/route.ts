import { requireUser } from "@/lib/auth";
import { handle, json, parseJson, parseParam, otherMethods } from "@/lib/http";
import { leaveNote } from "@/lib/partners/notes";
import { withUserLimit } from "@/lib/rate-limit";
import { idSchema } from "@/lib/validation/common";
import { partnerNoteSchema } from "@/lib/validation/partners";

type Context = { params: Promise<{ ownerId: string }> };

/** Kudos or a short comment for someone the caller follows, on a milestone or a week. */
export const POST = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const ownerId = parseParam((await params).ownerId, idSchema, "person");
  const input = await parseJson(request, partnerNoteSchema);
  return json(await withUserLimit("partnerNote", user.id, () => leaveNote(user.id, ownerId, input)), { status: 201 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
