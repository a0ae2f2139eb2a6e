import { exportAccount } from "@/lib/account";
import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods } from "@/lib/http";
import { withUserLimit } from "@/lib/rate-limit";

/** All of the caller's data as one JSON download. */
export const GET = handle(async () => {
  const user = await requireUser();
  const data = await withUserLimit("export", user.id, () => exportAccount(user.id));
  return json(data, { headers: { "content-disposition": `attachment; filename="waypoint-export-${data.exportedAt.slice(0, 10)}.json"` } });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
