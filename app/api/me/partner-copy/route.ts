import { requireUser } from "@/lib/auth";
import { handle, json, parseJson, otherMethods } from "@/lib/http";
import { setPartnerCopy } from "@/lib/partners";
import { partnerCopySchema } from "@/lib/validation/partners";

/** Turns the caller's weekly copy (one email about everyone they follow) on or off. */
export const PATCH = handle(async (request: Request) => {
  const user = await requireUser();
  const { enabled } = await parseJson(request, partnerCopySchema);
  await setPartnerCopy(user.id, enabled);
  return json({ enabled });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = otherMethods("PATCH");
