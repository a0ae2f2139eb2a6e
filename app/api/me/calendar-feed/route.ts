import { requireUser } from "@/lib/auth";
import { disableCalendarFeed, enableCalendarFeed } from "@/lib/calendar-feed";
import { handle, json } from "@/lib/http";

/** Turns the caller's calendar feed on with a new link; an earlier link stops working. The link is in this answer only. */
export const POST = handle(async () => {
  const user = await requireUser();
  const { path, since } = await enableCalendarFeed(user.id);
  return json({ path, since: since.toISOString() }, { status: 201 });
});

/** Turns the caller's calendar feed off: its link answers 404 from now on. */
export const DELETE = handle(async () => {
  const user = await requireUser();
  await disableCalendarFeed(user.id);
  return json({ enabled: false });
});
