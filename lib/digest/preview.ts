// The in-app preview: this week's email for the signed-in user, composed now, exactly as it would go out.
import { isoWeekOf } from "../checkins/week";
import { db } from "../db";
import { composeDigest } from "./compose";
import { digestLinks } from "./deliver";
import { loadDigestInputs } from "./load";
import type { ComposedDigest } from "./types";

/** Null when there is nothing to sum up (no open enrolment). Shown even when the email is turned off. */
export async function previewDigest(userId: string, now: Date = new Date()): Promise<ComposedDigest | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
  if (!user) return null;
  const request = { userId, week: isoWeekOf(now, user.timezone), at: now };
  const input = (await loadDigestInputs([request], (id) => digestLinks(id), { evenIfOff: true })).get(userId);
  return input ? composeDigest(input) : null;
}
