import { requireUser } from "@/lib/auth";
import { handle, parseParam, otherMethods } from "@/lib/http";
import { withdrawInvitation } from "@/lib/partners";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ invitationId: string }> };

/** Withdraws one of the caller's open invitations: its link then says it was withdrawn. */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  await withdrawInvitation(user.id, parseParam((await params).invitationId, idSchema, "invitation"));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
