import { requireUser } from "@/lib/auth";
import { handle, json, parseJson, otherMethods } from "@/lib/http";
import { acceptInvitation } from "@/lib/partners";
import { acceptInvitationSchema } from "@/lib/validation/partners";

/** Accepts an invitation sent to the caller's address; 409 once it is used, withdrawn or expired. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const { token } = await parseJson(request, acceptInvitationSchema);
  return json(await acceptInvitation(user, token), { status: 201 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
