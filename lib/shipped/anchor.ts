// The anchor of the "feature_launch" milestones ("maintained 3+ months after launch"): the one place
// that decides it, read by the tick rule (lib/progress) and by pacing (lib/progress/pacing.ts).
import type { db } from "../db";
import { FEATURE_LAUNCH_SKILL } from "../pacing/rules";
import { localToday, maintenanceClockStart } from "./rules";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Reader = Pick<Tx, "shippedFeature" | "milestoneProgress">;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * When the "feature_launch" clock started, for the completion rule and for pacing: the record's
 * launch (or its latest gap) when there is a record, else the instant the ship milestone was ticked.
 * The one place that decides the anchor.
 */
export async function featureLaunchAnchor(reader: Reader, userId: string, now: Date, timeZone: string): Promise<string | Date | null> {
  const record = await reader.shippedFeature.findUnique({
    where: { userId },
    select: { launchDate: true, incidents: { where: { featureWasOff: true }, select: { occurredOn: true, featureWasOff: true } } },
  });
  if (record) return anchorOfRecord(record, now, timeZone);
  const launch = await reader.milestoneProgress.findFirst({
    where: { userId, skill: { slug: FEATURE_LAUNCH_SKILL }, status: "done" },
    select: { completedAt: true },
  });
  return launch?.completedAt ?? null;
}

/** The clock start of a record as read for pacing (launch date and its gaps only). */
export function anchorOfRecord(
  record: { launchDate: Date; incidents: { occurredOn: Date; featureWasOff: boolean }[] },
  now: Date,
  timeZone: string,
): string {
  return maintenanceClockStart(
    {
      launchDate: iso(record.launchDate),
      incidents: record.incidents.map((i) => ({
        occurredOn: iso(i.occurredOn),
        featureWasOff: i.featureWasOff,
        whatHappened: "",
        whatChanged: "",
      })),
    },
    localToday(now, timeZone),
  );
}
