import { revokeAllSessions } from "@/lib/account";
import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods } from "@/lib/http";

/** Signs the caller out on every device, this one included. */
export const DELETE = handle(async () => {
  const user = await requireUser();
  return json({ revoked: await revokeAllSessions(user.id) });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
