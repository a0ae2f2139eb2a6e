import { revokeAllSessions } from "@/lib/account";
import { requireUser } from "@/lib/auth";
import { handle, json } from "@/lib/http";

/** Signs the caller out on every device, this one included. */
export const DELETE = handle(async () => {
  const user = await requireUser();
  return json({ revoked: await revokeAllSessions(user.id) });
});
