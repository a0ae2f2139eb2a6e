import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods } from "@/lib/http";
import { listPartners } from "@/lib/partners";

/** Who follows the caller and what each may see, and the caller's open invitations. */
export const GET = handle(async () => {
  const user = await requireUser();
  return json(await listPartners(user.id));
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
