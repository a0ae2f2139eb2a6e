import { requireUser } from "@/lib/auth";
import { handle, json, parseJson, otherMethods } from "@/lib/http";
import { invitePartner } from "@/lib/partners";
import { withUserLimit } from "@/lib/rate-limit";
import { partnerInviteSchema } from "@/lib/validation/partners";

/** Invites a partner by email; the link to accept goes only to that address. Limited: each one sends an email. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJson(request, partnerInviteSchema);
  return json(await withUserLimit("partnerInvite", user.id, () => invitePartner(user.id, input)), { status: 201 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
