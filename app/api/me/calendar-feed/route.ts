import { requireUser } from "@/lib/auth";
import { disableCalendarFeed, enableCalendarFeed } from "@/lib/calendar-feed";
import { handle, json, otherMethods } from "@/lib/http";
import { withUserLimit } from "@/lib/rate-limit";

/** Turns the caller's calendar feed on with a new link; an earlier link stops working. The link is in this answer only. */
export const POST = handle(async () => {
  const user = await requireUser();
  const { path, since } = await withUserLimit("calendarLink", user.id, () => enableCalendarFeed(user.id));
  return json({ path, since: since.toISOString() }, { status: 201 });
});

/** Turns the caller's calendar feed off: its link answers 404 from now on. */
export const DELETE = handle(async () => {
  const user = await requireUser();
  await disableCalendarFeed(user.id);
  return json({ enabled: false });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, OPTIONS } = otherMethods("POST", "DELETE");
