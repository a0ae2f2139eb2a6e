// Everything the weekly emails of many users need, in a fixed number of queries whatever their
// number (the benchmark composes 10,000): users, open enrolments with their history, progress rows
// with done flips, the window's check-ins, and check-in weeks for the streak. Pacing is the same
// pure computePacing the dashboard uses, fed from these rows instead of one user's queries.
import { computeStreak } from "../checkins/streak";
import { isoWeekOf } from "../checkins/week";
import { db } from "../db";
import { computePacing, type PacingInput } from "../pacing";
import { dayOfIso, isoOfDay, localDayFunction } from "../pacing/calendar";
import { pacingHeadline } from "../pacing/headline";
import { parseFlips, roadmapTree } from "../progress/pacing";
import type { ProgressStatus } from "../validation/progress";
import type { DigestInput } from "./types";

const DAY_MS = 86_400_000;
/** A digest looks back over the seven days before it is composed. */
export const DIGEST_WINDOW_DAYS = 7;

export interface DigestRequest {
  userId: string;
  /** The delivery's ISO week (the user's local week of the send moment). */
  week: string;
  /** When the digest is composed: the end of the window it sums up. */
  at: Date;
}

export type DigestLinks = (userId: string) => Promise<DigestInput["links"]>;

/**
 * Digest inputs for each request, keyed by user id; a user who can't get one (no open enrolment,
 * digest turned off, deleted) is absent from the map.
 */
export async function loadDigestInputs(
  requests: readonly DigestRequest[],
  links: DigestLinks,
  options: { evenIfOff?: boolean } = {},
): Promise<Map<string, DigestInput>> {
  const userIds = [...new Set(requests.map((r) => r.userId))];
  if (userIds.length === 0) return new Map();
  const from = new Date(Math.min(...requests.map((r) => r.at.getTime())) - DIGEST_WINDOW_DAYS * DAY_MS);
  const to = new Date(Math.max(...requests.map((r) => r.at.getTime())));

  const [users, enrollments, progress, checkIns, weeks] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds }, ...(options.evenIfOff ? {} : { digestEnabled: true }) },
      select: { id: true, name: true, email: true },
    }),
    db.enrollment.findMany({
      where: { userId: { in: userIds }, status: { in: ["active", "paused"] } },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: {
        id: true,
        userId: true,
        roadmapId: true,
        startDate: true,
        targetMonths: true,
        status: true,
        timezone: true,
        roadmap: { select: { title: true, seededAt: true } },
        changes: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { kind: true, at: true, toTargetMonths: true } },
      },
    }),
    db.$queryRaw<{ userId: string; skillId: string; status: ProgressStatus; flips: string }[]>`
      select "userId", "skillId", status::text as status, "doneFlips"::text as flips
      from "MilestoneProgress" where "userId" = any(${userIds})`,
    db.checkIn.findMany({
      where: { userId: { in: userIds }, createdAt: { gte: from, lte: to } },
      select: { userId: true, hours: true, confidence: true, createdAt: true },
    }),
    db.$queryRaw<{ userId: string; isoWeek: string }[]>`
      select distinct "userId", "isoWeek" from "CheckIn" where "userId" = any(${userIds})`,
  ]);

  const group = <T extends { userId: string }>(rows: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const row of rows) {
      const list = by.get(row.userId);
      if (list) list.push(row);
      else by.set(row.userId, [row]);
    }
    return by;
  };
  const usersById = new Map(users.map((u) => [u.id, u]));
  const enrollmentOf = new Map<string, (typeof enrollments)[number]>();
  for (const e of enrollments) if (!enrollmentOf.has(e.userId)) enrollmentOf.set(e.userId, e);
  const progressOf = group(progress);
  const checkInsOf = group(checkIns);
  const weeksOf = group(weeks);

  // Who gets a digest, in request order. Their links are all asked for at once, before the loop:
  // signing is asynchronous (WebCrypto), and one await per user left the loop idle between users,
  // about 40% of this function's time for 500 users (tests/bench/digest.ts). The same calls, in the
  // same order, for the same users.
  const due = requests.flatMap((request) => {
    const user = usersById.get(request.userId);
    const enrollment = enrollmentOf.get(request.userId);
    return user && enrollment ? [{ request, user, enrollment }] : [];
  });
  const allLinks = Promise.all(due.map(({ user }) => links(user.id)));
  // Awaited below; this only keeps a rejection from counting as unhandled if the loop throws first.
  allLinks.catch(() => {});
  // Each roadmap's tree once (it is cached, but an await per user costs a turn of the event loop),
  // with its milestone titles by skill for "done this week".
  const trees = new Map<string, Promise<{ tree: PacingInput["roadmap"]; titleOf: Map<string, string> }>>();
  const treeOf = (enrollment: (typeof enrollments)[number]) => {
    const key = `${enrollment.roadmapId}@${enrollment.roadmap.seededAt.getTime()}`;
    let entry = trees.get(key);
    if (!entry) {
      entry = roadmapTree(enrollment.roadmapId, enrollment.roadmap.seededAt).then((tree) => ({
        tree,
        titleOf: new Map(tree.phases.flatMap((p) => p.milestones.map((m) => [m.skillId, m.title] as const))),
      }));
      trees.set(key, entry);
    }
    return entry;
  };
  const treeList = await Promise.all(due.map(({ enrollment }) => treeOf(enrollment)));
  const linkList = await allLinks;

  const inputs = new Map<string, DigestInput>();
  for (const [i, { request, user, enrollment }] of due.entries()) {
    const { tree, titleOf } = treeList[i]!;
    const rows = (progressOf.get(user.id) ?? []).map((p) => ({ skillId: p.skillId, status: p.status, doneFlips: parseFlips(p.flips) }));
    const startDate = enrollment.startDate.toISOString().slice(0, 10);
    const pacing = computePacing({
      roadmap: tree,
      enrollment: { startDate, targetMonths: enrollment.targetMonths, status: enrollment.status, changes: enrollment.changes },
      progress: rows,
      now: request.at,
      timeZone: enrollment.timezone,
    });

    const windowStart = request.at.getTime() - DIGEST_WINDOW_DAYS * DAY_MS;
    const end = request.at.getTime();
    // Done in the window and still done at its end: the flip into done is the last one, inside the window.
    const doneThisWeek = rows
      .filter((r) => r.status === "done" && titleOf.has(r.skillId))
      .flatMap((r) => {
        const last = r.doneFlips.filter((ms) => ms < end).at(-1);
        return r.doneFlips.filter((ms) => ms < end).length % 2 === 1 && last !== undefined && last >= windowStart ? [{ at: last, title: titleOf.get(r.skillId)! }] : [];
      })
      .sort((a, b) => a.at - b.at)
      .map(({ title }) => ({ title }));
    const windowCheckIns = (checkInsOf.get(user.id) ?? [])
      .filter((c) => c.createdAt.getTime() >= windowStart && c.createdAt.getTime() < end)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((c) => ({ hours: c.hours.toNumber(), confidence: c.confidence }));

    const localDay = localDayFunction(enrollment.timezone, windowStart, end);
    const today = localDay(end - 1);
    const start = dayOfIso(startDate);
    const planDays = dayOfIso(pacing.targetDate) - start;
    inputs.set(user.id, {
      user: { name: user.name, email: user.email },
      week: request.week,
      weekRange: { from: isoOfDay(localDay(windowStart)), to: isoOfDay(today) },
      roadmapTitle: enrollment.roadmap.title,
      planWeek: { n: Math.max(1, Math.floor((today - start) / 7) + 1), of: Math.max(1, Math.ceil(planDays / 7)) },
      pace: {
        status: pacing.status,
        varianceDays: pacing.varianceDays,
        bufferDays: pacing.bufferDays,
        projectedFinish: pacing.projectedFinish,
        finishedOn: pacing.finishedOn,
        targetDate: pacing.targetDate,
        headline: pacingHeadline(pacing),
        share: pacing.actual.share,
      },
      doneThisWeek,
      checkIns: windowCheckIns,
      streak: computeStreak(
        (weeksOf.get(user.id) ?? []).map((w) => w.isoWeek),
        isoWeekOf(request.at, enrollment.timezone),
      ),
      next: pacing.nextMilestones.map((m) => ({ title: m.title, dueDate: m.dueDate })),
      firstWeek: today - start >= 0 && today - start < DIGEST_WINDOW_DAYS,
      links: linkList[i]!,
    });
  }
  return inputs;
}
