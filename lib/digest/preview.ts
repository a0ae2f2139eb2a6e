// The in-app preview: this week's email for the signed-in user, composed now, exactly as it would go out.
import "server-only";
import { openStatusWhere } from "../enrollments";
import { isoWeekOf } from "../calendar/iso-weeks";
import { db } from "../db";
import { isoOfDay } from "../calendar/days";
import { composeDigest } from "./compose";
import { digestLinks } from "./deliver";
import { loadDigestInputs } from "./load";
import { digestWeekAllowed, firstDigestDay } from "./timing";
import type { ComposedDigest } from "./types";

export interface DigestPreview {
  digest: ComposedDigest;
  /** While the first email is still to come: its day ("YYYY-MM-DD") and local hour. */
  firstSend: { day: string; hour: number } | null;
}

/** Null when there is nothing to sum up (no open enrolment). Shown even when the email is turned off. */
export async function previewDigest(userId: string, now: Date = new Date()): Promise<DigestPreview | null> {
  const [user, first] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { timezone: true, digestWeekday: true, digestHour: true } }),
    // The enrolment the first-week rule counts from: the earliest open one (lib/digest/timing-sql.ts).
    db.enrollment.findFirst({ where: { userId, status: openStatusWhere }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  if (!user || !first) return null;
  const week = isoWeekOf(now, user.timezone);
  const input = (await loadDigestInputs([{ userId, week, at: now }], (id) => digestLinks(id), { evenIfOff: true })).get(userId);
  if (!input) return null;
  const firstSend = digestWeekAllowed(week, first.createdAt, user.timezone)
    ? null
    : { day: isoOfDay(firstDigestDay(first.createdAt, user.timezone, user.digestWeekday)), hour: user.digestHour };
  return { digest: composeDigest(input), firstSend };
}
