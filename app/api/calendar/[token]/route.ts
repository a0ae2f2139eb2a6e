import { FEED_TTL_SECONDS, getCalendarFeed } from "@/lib/calendar-feed";
import { notFound } from "@/lib/errors";
import { handle, otherMethods } from "@/lib/http";

// Read at every request: a feed turned off or replaced must 404 at once, never from a cache of ours.
export const dynamic = "force-dynamic";

/**
 * The private calendar feed, for calendar apps: no session, the token in the path is the
 * credential. It only reads (a GET that wrote — a counter, a rate-limit row — would change state
 * on every poll), and costs one lookup by the token's hash plus getPacing per open roadmap. Apps
 * poll on their own schedule (the feed suggests hourly); `private` keeps the copy out of shared
 * caches, since the URL alone opens it.
 */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const feed = await getCalendarFeed(token);
  if (feed === null) throw notFound("No such calendar feed.");
  return new Response(feed, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="waypoint.ics"',
      "cache-control": `private, max-age=${FEED_TTL_SECONDS}`,
    },
  });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
