import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods } from "@/lib/http";
import { disablePublicPage, enablePublicPage } from "@/lib/public-page";
import { withUserLimit } from "@/lib/rate-limit";

/** Turns the caller's public progress page on with a new link; an earlier link stops working. The link is in this answer only. */
export const POST = handle(async () => {
  const user = await requireUser();
  const { path, since } = await withUserLimit("publicLink", user.id, () => enablePublicPage(user.id));
  return json({ path, since: since.toISOString() }, { status: 201 });
});

/** Turns the caller's public progress page off: its link answers 404 from now on. */
export const DELETE = handle(async () => {
  const user = await requireUser();
  await disablePublicPage(user.id);
  return json({ enabled: false });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, OPTIONS } = otherMethods("POST", "DELETE");
