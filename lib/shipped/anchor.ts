// Reads the anchor of the "feature_launch" milestones for the tick rule (lib/progress). The rule
// itself is `launchAnchor` in lib/pacing/rules.ts; pacing reads the same facts in its own statement
// (lib/progress/pacing.ts, lib/digest/load.ts) and applies the same rule.
import "server-only";
import type { db } from "../db";
import { isoDateOf } from "../calendar/days";
import { FEATURE_LAUNCH_SKILL, launchAnchor } from "../pacing/rules";
import { recordClockStart } from "./rules";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Reader = Pick<Tx, "shippedFeature" | "milestoneProgress">;

/** When the "feature_launch" clock started for the user, by `launchAnchor`: a local date, an instant, or null. */
export async function featureLaunchAnchor(reader: Reader, userId: string, now: Date, timeZone: string): Promise<string | Date | null> {
  const record = await reader.shippedFeature.findUnique({
    where: { userId },
    select: { launchDate: true, incidents: { where: { featureWasOff: true }, select: { occurredOn: true } } },
  });
  const clockStart = record
    ? recordClockStart(
        { launchDate: isoDateOf(record.launchDate), gaps: record.incidents.map((i) => isoDateOf(i.occurredOn)) },
        now,
        timeZone,
      )
    : null;
  // The tick needs the ship milestone only when there is no record to go by.
  const shipDone =
    clockStart === null
      ? await reader.milestoneProgress.findFirst({
          where: { userId, skill: { slug: FEATURE_LAUNCH_SKILL }, status: "done" },
          select: { completedAt: true },
        })
      : null;
  return launchAnchor(clockStart, shipDone?.completedAt ?? null);
}
