// Check-ins: the 30-second phone update. Every function takes the user it acts for; another user's
// check-in is as unknown as a missing one (404).
import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { CALENDAR_MAX_WEEKS } from "../pacing/activity-calendar";
import { dateOfDay, dayOfDate, isoOfDay } from "../calendar/days";
import { localDayFunction } from "../calendar/zones";
import { pacingHeadline } from "../pacing/headline";
import { applyMilestoneUpdate, getDashboard, milestonesOf, openEnrollmentFor, type DashboardMilestone } from "../progress";
import { getPacing } from "../progress/pacing";
import { currentEnrollment } from "../enrollment-status";
import type { EnrollmentStatus } from "../generated/prisma/enums";
import { listEnrollments } from "../enrollments";
import type { Pacing } from "../pacing";
import type { ThisWeekPlan } from "../pacing/this-week";
import { MADE_AT_MAX_AGE_DAYS, MADE_AT_MAX_SKEW_MS, type CheckInCreate, type CheckInUpdate } from "../validation/checkin";
import { computeStreak, type Streak } from "./streak";
import { isoWeekOf } from "../calendar/iso-weeks";
import { msDaysBefore } from "../calendar/instants";

export interface CheckInView {
  id: string;
  enrollmentId: string | null;
  isoWeek: string;
  hours: number;
  confidence: number;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  /** Skills ticked done with this check-in. */
  ticked: { skillSlug: string; title: string }[];
}

export interface PaceSummary {
  headline: string;
  status: Pacing["status"];
  /** The verdict's badge: its label and tone (lib/pacing/verdict.ts), as the dashboard shows them. */
  label: string;
  tone: Pacing["verdict"]["tone"];
}

const checkInSelect = {
  id: true,
  enrollmentId: true,
  isoWeek: true,
  hours: true,
  confidence: true,
  note: true,
  createdAt: true,
  updatedAt: true,
  events: { where: { toStatus: "done" }, orderBy: { id: "asc" }, select: { skill: { select: { slug: true, title: true } } } },
} as const;

type CheckInRow = {
  id: string;
  enrollmentId: string | null;
  isoWeek: string;
  hours: { toNumber(): number };
  confidence: number;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  events: { skill: { slug: string; title: string } }[];
};

function view(row: CheckInRow): CheckInView {
  return {
    id: row.id,
    enrollmentId: row.enrollmentId,
    isoWeek: row.isoWeek,
    hours: row.hours.toNumber(),
    confidence: row.confidence,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ticked: row.events.map((e) => ({ skillSlug: e.skill.slug, title: e.skill.title })),
  };
}

/** When the check-in was made: the phone's clock within a month back and a few minutes ahead, else refused. */
function madeAtOf(input: CheckInCreate, now: Date): Date {
  if (!input.madeAt) return now;
  const madeAt = new Date(input.madeAt);
  const oldest = msDaysBefore(now, MADE_AT_MAX_AGE_DAYS);
  if (madeAt.getTime() > now.getTime() + MADE_AT_MAX_SKEW_MS || madeAt.getTime() < oldest) {
    throw new AppError("bad_request", "Some fields need attention.", {
      madeAt: [`A check-in can be back-dated by at most ${MADE_AT_MAX_AGE_DAYS} days, and not into the future.`],
    });
  }
  return madeAt;
}

export async function paceSummary(userId: string, enrollmentId: string, now: Date): Promise<PaceSummary> {
  return paceOf(await getPacing(userId, enrollmentId, now));
}

function paceOf(pacing: Pacing): PaceSummary {
  return { headline: pacingHeadline(pacing), status: pacing.verdict.status, label: pacing.verdict.label, tone: pacing.verdict.tone };
}

/**
 * The user's weekly streak as of `now`. It spans all their enrolments, so "this week" is in the
 * user's own time zone; each check-in keeps the week it was filed under.
 */
export async function streakOf(userId: string, now: Date): Promise<Streak & { currentWeek: string }> {
  const [user, weeks] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { timezone: true } }),
    db.checkIn.findMany({ where: { userId }, distinct: ["isoWeek"], select: { isoWeek: true } }),
  ]);
  const currentWeek = isoWeekOf(now, user.timezone);
  return {
    ...computeStreak(
      weeks.map((w) => w.isoWeek),
      currentWeek,
    ),
    currentWeek,
  };
}

export interface CheckInHistory {
  checkIns: CheckInView[];
  streak: Streak & { currentWeek: string };
}

/** The newest 100 check-ins with the streak: the dashboard's history and GET /api/checkins. */
export async function checkInHistory(userId: string, now: Date = new Date()): Promise<CheckInHistory> {
  const [checkIns, streak] = await Promise.all([listCheckIns(userId), streakOf(userId, now)]);
  return { checkIns, streak };
}

/**
 * What a check-in request asked for, hashed: the key's first request is stored with it, and a
 * later one with the same key must ask for the same. Taken from the validated input, not the raw
 * bytes, so key order and spacing don't matter; the ticks are a set.
 */
export function checkInRequestHash(input: CheckInCreate): string {
  const canonical = [
    input.enrollmentId,
    input.hours,
    input.confidence,
    input.note,
    [...input.milestoneIds].sort(),
    [...input.workedOnIds].sort(),
    input.madeAt === undefined ? null : new Date(input.madeAt).toISOString(),
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}

/** The same key again: the stored check-in if it was asked for with the same request, else a 422. */
function replayOf(row: CheckInRow & { requestHash: string | null }, requestHash: string): CheckInView {
  // Rows older than the hash can't be compared; they replay as before.
  if (row.requestHash !== null && row.requestHash !== requestHash) {
    throw new AppError(
      "unprocessable",
      "This idempotency key was already used for a different check-in; send a new key for a new check-in.",
    );
  }
  return view(row);
}

/**
 * Stores a check-in and ticks its milestones done, all or nothing. The (user, idempotency key) pair
 * is unique: a retry, a double tap or a phone replaying its offline queue gets the stored check-in
 * back (`replayed`), and nothing is stored or ticked twice. The same key with a different request
 * is refused (422), as payment APIs do, rather than answered with a check-in it didn't ask for.
 */
export async function createCheckIn(
  userId: string,
  input: CheckInCreate,
  now: Date = new Date(),
): Promise<{ checkIn: CheckInView; replayed: boolean }> {
  const requestHash = checkInRequestHash(input);
  const stored = () =>
    db.checkIn.findUnique({
      where: { userId_idempotencyKey: { userId, idempotencyKey: input.idempotencyKey } },
      select: { ...checkInSelect, requestHash: true },
    });
  const earlier = await stored();
  if (earlier) return { checkIn: replayOf(earlier, requestHash), replayed: true };

  const enrollment = await openEnrollmentFor(userId, input.enrollmentId);
  const milestones = await milestonesOf(enrollment, input.milestoneIds);
  // The hours are split evenly between every milestone worked on: the ticked ones and the others named.
  const workedOn = await milestonesOf(
    enrollment,
    input.workedOnIds.filter((id) => !input.milestoneIds.includes(id)),
  );
  const workedSkillIds = [...new Set([...milestones, ...workedOn].map((m) => m.skillId))];
  const madeAt = madeAtOf(input, now);
  // Letters and digits only, like the cuids Prisma makes: ids in URLs are checked against that shape.
  const id = `ci${crypto.randomUUID().replace(/-/g, "")}`;

  const created = await db.$transaction(async (tx) => {
    // A concurrent request with the same key waits on the unique index here, then inserts nothing.
    const inserted = await tx.$executeRaw`
      insert into "CheckIn" (id, "userId", "enrollmentId", "isoWeek", hours, confidence, note, "workedSkillIds", "idempotencyKey", "requestHash", "createdAt", "updatedAt")
      values (${id}, ${userId}, ${enrollment.id}, ${isoWeekOf(madeAt, enrollment.timezone)}, ${input.hours}, ${input.confidence},
        ${input.note}, ${workedSkillIds}::text[], ${input.idempotencyKey}, ${requestHash}, ${madeAt}, ${now})
      on conflict ("userId", "idempotencyKey") do nothing`;
    if (inserted === 0) return false;
    // Ticks are logged at arrival time, not madeAt: the progress log stays in time order.
    for (const milestone of milestones) {
      await applyMilestoneUpdate(tx, userId, enrollment, milestone, { status: "done" }, now, { checkInId: id });
    }
    return true;
  });
  const row = await stored();
  // Deleted in the moment since (in another tab, or with the account).
  if (!row) throw notFound("No such check-in.");
  // Lost the race to a concurrent request with the same key: it must have asked for the same.
  return { checkIn: created ? view(row) : replayOf(row, requestHash), replayed: !created };
}

export interface CheckInResult {
  checkIn: CheckInView;
  replayed: boolean;
  pace: PaceSummary;
  streak: Streak;
}

/** The check-in, then what the phone shows after it: the pace headline and the streak, fresh. */
export async function submitCheckIn(userId: string, input: CheckInCreate, now: Date = new Date()): Promise<CheckInResult> {
  const { checkIn, replayed } = await createCheckIn(userId, input, now);
  const enrollmentId = checkIn.enrollmentId ?? input.enrollmentId;
  const [pace, streak] = await Promise.all([paceSummary(userId, enrollmentId, now), streakOf(userId, now)]);
  return { checkIn, replayed, pace, streak };
}

export async function listCheckIns(userId: string, options: { enrollmentId?: string; limit?: number } = {}): Promise<CheckInView[]> {
  const rows = await db.checkIn.findMany({
    where: { userId, ...(options.enrollmentId ? { enrollmentId: options.enrollmentId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 100,
    select: checkInSelect,
  });
  return rows.map(view);
}

/**
 * One enrolment's check-ins per local day of its zone, with their hours, over what the dashboard's
 * activity calendar can show (from its start, at most CALENDAR_MAX_WEEKS weeks back). Empty for an
 * enrolment that isn't the user's.
 */
export async function checkInDays(
  userId: string,
  enrollmentId: string,
  now: Date = new Date(),
): Promise<{ date: string; count: number; hours: number }[]> {
  const enrollment = await db.enrollment.findFirst({ where: { id: enrollmentId, userId }, select: { timezone: true, startDate: true } });
  if (!enrollment) return [];
  const localDay = localDayFunction(enrollment.timezone, msDaysBefore(now, (CALENDAR_MAX_WEEKS + 1) * 7), now.getTime());
  // A week more than the calendar's span, in whole local days; the calendar cuts it to its own.
  const first = Math.max(dayOfDate(enrollment.startDate), localDay(now.getTime()) - (CALENDAR_MAX_WEEKS + 1) * 7);
  // A day early in UTC covers the first local day in any zone; the exact cut is by local day below.
  const since = dateOfDay(first - 1);
  const rows = await db.checkIn.findMany({
    where: { userId, enrollmentId, createdAt: { gte: since } },
    select: { createdAt: true, hours: true },
  });
  const byDay = new Map<number, { count: number; hours: number }>();
  for (const row of rows) {
    const day = localDay(row.createdAt.getTime());
    if (day < first) continue;
    const seen = byDay.get(day) ?? { count: 0, hours: 0 };
    byDay.set(day, { count: seen.count + 1, hours: seen.hours + Number(row.hours) });
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, { count, hours }]) => ({ date: isoOfDay(day), count, hours: Math.round(hours * 10) / 10 }));
}

export async function getCheckIn(userId: string, checkInId: string): Promise<CheckInView> {
  const row = await db.checkIn.findFirst({ where: { id: checkInId, userId }, select: checkInSelect });
  if (!row) throw notFound("No such check-in.");
  return view(row);
}

export async function updateCheckIn(userId: string, checkInId: string, update: CheckInUpdate): Promise<CheckInView> {
  const { count } = await db.checkIn.updateMany({ where: { id: checkInId, userId }, data: update });
  if (count === 0) throw notFound("No such check-in.");
  return getCheckIn(userId, checkInId);
}

/** Deletes the check-in; milestones it ticked stay done (untick them on the dashboard). */
export async function deleteCheckIn(userId: string, checkInId: string): Promise<void> {
  const { count } = await db.checkIn.deleteMany({ where: { id: checkInId, userId } });
  if (count === 0) throw notFound("No such check-in.");
}

export interface CheckInContext {
  enrollment: { id: string; roadmapTitle: string; timezone: string; status: EnrollmentStatus };
  week: string;
  phase: { title: string; milestones: Pick<DashboardMilestone, "id" | "skillSlug" | "title" | "status" | "minDurationDays">[] } | null;
  pace: PaceSummary;
  streak: Streak;
  thisWeek: CheckInView[];
  /** This week's plan, from the same getPacing as the pace (and as the dashboard's). */
  plan: ThisWeekPlan;
  /** The hours of this enrolment's latest check-in, the form's fallback prefill (lib/checkins/prefill). */
  lastHours: number | null;
}

/**
 * What the check-in screen needs: the open enrolment (the first active or paused one), the phase
 * being worked on (the first with a milestone neither done nor skipped), the pace and the streak.
 * Null when the user has no open enrolment.
 */
export async function getCheckInContext(userId: string, now: Date = new Date()): Promise<CheckInContext | null> {
  const open = currentEnrollment(await listEnrollments(userId));
  if (!open) return null;
  const [dashboard, pacing] = await Promise.all([getDashboard(userId, open.id), getPacing(userId, open.id, now)]);
  const timezone = dashboard.enrollment.timezone;
  const week = isoWeekOf(now, timezone);
  const [streak, recent] = await Promise.all([streakOf(userId, now), listCheckIns(userId, { limit: 10 })]);
  const current = dashboard.phases.find((p) => p.milestones.some((m) => m.status !== "done" && m.status !== "skipped"));
  return {
    enrollment: { id: open.id, roadmapTitle: dashboard.enrollment.roadmap.title, timezone, status: dashboard.enrollment.status },
    week,
    phase: current
      ? {
          title: current.title,
          milestones: current.milestones.map(({ id, skillSlug, title, status, minDurationDays }) => ({
            id,
            skillSlug,
            title,
            status,
            minDurationDays,
          })),
        }
      : null,
    pace: paceOf(pacing),
    streak,
    thisWeek: recent.filter((c) => c.isoWeek === week),
    plan: pacing.thisWeek,
    lastHours: recent.find((c) => c.enrollmentId === open.id)?.hours ?? null,
  };
}
