// The private calendar feed: an unguessable URL a calendar app subscribes to, with each open
// milestone's planned date, each open roadmap's target date and a weekly check-in reminder. Off by
// default; its link is lib/secret-links.ts's, like the public page's. Every function takes the user
// it acts for, except getCalendarFeed: the token is the only credential a calendar app has.
import "server-only";
import { db } from "../db";
import { isOpen } from "../enrollment-status";
import { listEnrollments } from "../enrollments";
import { env } from "../env";
import { getPacing } from "../progress/pacing";
import { issueSecretLink, revokeSecretLink, secretLinkStatus, userOfSecretLink, type SecretLinkStatus } from "../secret-links";
import { renderCalendarFeed } from "./ics";

export { FEED_TTL_SECONDS } from "./ics";

export const calendarFeedPath = (token: string) => `/api/calendar/${token}.ics`;

/** Turns the feed on with a new link, replacing any earlier one (which 404s at once). The link is in this answer only. */
export async function enableCalendarFeed(userId: string, now: Date = new Date()): Promise<{ path: string; since: Date }> {
  const { token, since } = await issueSecretLink(userId, "calendar_feed", now);
  return { path: calendarFeedPath(token), since };
}

/** Turns the feed off: its link answers 404 from now on. Turning it off twice is not an error. */
export const disableCalendarFeed = (userId: string): Promise<void> => revokeSecretLink(userId, "calendar_feed");

export const calendarFeedStatus = (userId: string): Promise<SecretLinkStatus> => secretLinkStatus(userId, "calendar_feed");

/**
 * The feed for a path segment ("<token>.ics"), or null when no feed has that token (never made,
 * turned off, replaced, malformed). Reads only: one lookup by the token's hash, the user's reminder
 * settings and enrolments, and getPacing for each open enrolment — the dashboard's own numbers.
 */
export async function getCalendarFeed(segment: string, now: Date = new Date()): Promise<string | null> {
  const token = segment.endsWith(".ics") ? segment.slice(0, -".ics".length) : segment;
  const userId = await userOfSecretLink("calendar_feed", token);
  if (!userId) return null;
  const [user, enrollments] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { timezone: true, digestWeekday: true, digestHour: true } }),
    listEnrollments(userId),
  ]);
  if (!user) return null;
  const open = enrollments.filter((e) => isOpen(e.status));
  const planned = await Promise.all(open.map(async (e) => ({ enrollment: e, pacing: await getPacing(userId, e.id, now) })));
  const roadmaps = planned.map(({ enrollment, pacing }) => ({
    key: enrollment.id,
    title: enrollment.roadmap.title,
    paused: pacing.paused,
    targetDate: pacing.targetDate,
    milestones: pacing.plannedMilestones,
  }));
  // The reminder comes with the weekly email's day and hour, in the user's zone, for as long as
  // there is a roadmap to check in on; it starts with the earliest open plan.
  const from = planned.reduce<string | null>(
    (earliest, { pacing }) => (earliest === null || pacing.startDate < earliest ? pacing.startDate : earliest),
    null,
  );
  return renderCalendarFeed({
    appUrl: env.NEXTAUTH_URL,
    reminder: from === null ? null : { weekday: user.digestWeekday, hour: user.digestHour, timeZone: user.timezone, from, key: userId },
    roadmaps,
    now,
  });
}
