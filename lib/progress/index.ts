// Milestone progress: the dashboard read and the tick write. Both take the user they act for.
import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { loggedHoursSql, roundLoggedHours } from "./logged-hours";
import { hasEnded } from "../enrollment-status";
import { enrollmentOrder, openStatusWhere } from "../enrollments";
import type { EnrollmentStatus } from "../generated/prisma/enums";
import { AppError, notFound, unauthenticated } from "../errors";
import type { DurationAnchor } from "../roadmaps";
import { resourcesFrom, type MilestoneResource } from "../roadmaps/resources";
import type { MilestoneUpdate, ProgressStatus } from "../validation/progress";
import { checkCompletion } from "../pacing/rules";
import { featureLaunchAnchor } from "../shipped/anchor";
import { progressShare } from "./summary";
import { isoDateOf } from "../calendar/days";

export interface DashboardMilestone {
  id: string;
  slug: string;
  skillSlug: string;
  title: string;
  why: string;
  kind: string;
  effortHours: number;
  evidencePrompt: string | null;
  resources: MilestoneResource[];
  optional: boolean;
  minDurationDays: number | null;
  status: ProgressStatus;
  note: string | null;
  evidenceUrl: string | null;
  completedAt: string | null;
  /** Check-in hours logged against it: each check-in's hours split evenly between the milestones worked on. */
  hoursLogged: number;
}

export interface DashboardPhase {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startMonth: number;
  endMonth: number;
  milestones: DashboardMilestone[];
}

export interface Dashboard {
  enrollment: {
    id: string;
    status: EnrollmentStatus;
    startDate: string;
    targetMonths: number;
    weeklyHours: number;
    timezone: string;
    roadmap: { slug: string; title: string; minMonths: number; maxMonths: number; canonicalMonths: number };
    changes: {
      kind: string;
      at: string;
      fromTargetMonths: number | null;
      toTargetMonths: number | null;
      fromWeeklyHours: number | null;
      toWeeklyHours: number | null;
    }[];
  };
  phases: DashboardPhase[];
}

/** Hours logged per skill across the user's check-ins, made by `asOf` when given (lib/progress/logged-hours.ts). */
export async function hoursLoggedBySkill(userId: string, asOf: Date | null = null): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ skillId: string; hours: number }[]>(loggedHoursSql(Prisma.sql`${userId}`, asOf));
  return new Map(rows.map((r) => [r.skillId, roundLoggedHours(r.hours)]));
}

/**
 * Everything the dashboard shows for one enrolment, in a fixed number of queries whatever the
 * roadmap's size: the enrolment with its roadmap tree, then the user's progress on those skills.
 */
export async function getDashboard(userId: string, enrollmentId: string): Promise<Dashboard> {
  const enrollment = await dashboardEnrollmentRow(userId, enrollmentId);
  const skillIds = enrollment.roadmap.phases.flatMap((p) => p.milestones.map((m) => m.skillId));
  const [progress, logged] = await Promise.all([
    db.milestoneProgress.findMany({ where: { userId, skillId: { in: skillIds } }, omit: { doneFlips: true } }),
    hoursLoggedBySkill(userId),
  ]);
  const bySkill = new Map(progress.map((p) => [p.skillId, p]));

  return {
    enrollment: dashboardEnrollment(enrollment),
    phases: enrollment.roadmap.phases.map((phase) => ({
      id: phase.id,
      slug: phase.slug,
      title: phase.title,
      summary: phase.summary,
      startMonth: Number(phase.startMonth),
      endMonth: Number(phase.endMonth),
      milestones: phase.milestones.map((m) => dashboardMilestone(m, bySkill.get(m.skillId), logged.get(m.skillId) ?? 0)),
    })),
  };
}

/** The dashboard's first query: the user's enrolment with its changes and its roadmap's live phases and milestones. */
async function dashboardEnrollmentRow(userId: string, enrollmentId: string) {
  const enrollment = await db.enrollment.findFirst({
    where: { id: enrollmentId, userId },
    include: {
      changes: { orderBy: { at: "asc" } },
      roadmap: {
        include: {
          phases: {
            where: { retiredAt: null },
            orderBy: { position: "asc" },
            include: {
              milestones: { where: { retiredAt: null }, orderBy: { position: "asc" }, include: { skill: { select: { slug: true } } } },
            },
          },
        },
      },
    },
  });
  if (!enrollment) throw notFound("No such enrolment.");
  return enrollment;
}

type DashboardEnrollmentRow = Awaited<ReturnType<typeof dashboardEnrollmentRow>>;

/** The dashboard's enrolment: its plan, roadmap and history, with dates as strings. */
function dashboardEnrollment(enrollment: DashboardEnrollmentRow): Dashboard["enrollment"] {
  const { roadmap } = enrollment;
  return {
    id: enrollment.id,
    status: enrollment.status,
    startDate: isoDateOf(enrollment.startDate),
    targetMonths: enrollment.targetMonths,
    weeklyHours: enrollment.weeklyHours,
    timezone: enrollment.timezone,
    roadmap: {
      slug: roadmap.slug,
      title: roadmap.title,
      minMonths: roadmap.minMonths,
      maxMonths: roadmap.maxMonths,
      canonicalMonths: roadmap.canonicalMonths,
    },
    changes: enrollment.changes.map((c) => ({
      kind: c.kind,
      at: c.at.toISOString(),
      fromTargetMonths: c.fromTargetMonths,
      toTargetMonths: c.toTargetMonths,
      fromWeeklyHours: c.fromWeeklyHours,
      toWeeklyHours: c.toWeeklyHours,
    })),
  };
}

/** One milestone as the dashboard shows it, with the user's progress on its skill (none: not started). */
function dashboardMilestone(
  m: DashboardEnrollmentRow["roadmap"]["phases"][number]["milestones"][number],
  p: { status: ProgressStatus; note: string | null; evidenceUrl: string | null; completedAt: Date | null } | undefined,
  hoursLogged: number,
): DashboardMilestone {
  return {
    id: m.id,
    slug: m.slug,
    skillSlug: m.skill.slug,
    title: m.title,
    why: m.why,
    kind: m.kind,
    effortHours: m.effortHours,
    evidencePrompt: m.evidencePrompt,
    resources: resourcesFrom(m.resources),
    optional: m.optional,
    minDurationDays: m.minDurationDays,
    status: p?.status ?? "not_started",
    note: p?.note ?? null,
    evidenceUrl: p?.evidenceUrl ?? null,
    completedAt: p?.completedAt?.toISOString() ?? null,
    hoursLogged,
  };
}

export function summarise(dashboard: Dashboard) {
  return {
    overall: progressShare(dashboard.phases.flatMap((p) => p.milestones)),
    phases: dashboard.phases.map((p) => ({ slug: p.slug, ...progressShare(p.milestones) })),
  };
}

export interface MilestoneProgressView {
  milestoneId: string;
  status: ProgressStatus;
  note: string | null;
  evidenceUrl: string | null;
  completedAt: string | null;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The enrolment a tick goes through, with what the completion rules need. */
export interface TickEnrollment {
  id: string;
  roadmapId: string;
  startDate: Date;
  timezone: string;
}

const NO_SUCH_ENROLLMENT = "No such enrolment.";
const ENDED_ENROLLMENT = "This enrolment has ended; enrol again to keep ticking.";
const NO_SUCH_MILESTONE = "No such milestone on this roadmap.";

/** The user's enrolment, open for ticking; 404 when it isn't theirs, 409 when it has ended. */
export async function openEnrollmentFor(userId: string, enrollmentId: string): Promise<TickEnrollment> {
  const enrollment = await db.enrollment.findFirst({
    where: { id: enrollmentId, userId },
    select: { id: true, status: true, roadmapId: true, startDate: true, timezone: true },
  });
  if (!enrollment) throw notFound(NO_SUCH_ENROLLMENT);
  if (hasEnded(enrollment.status)) throw new AppError("conflict", ENDED_ENROLLMENT);
  return enrollment;
}

type TickMilestone = { id: string; skillId: string; title: string; minDurationDays: number | null; durationAnchor: string | null };

/** Live milestones of the enrolment's roadmap by id; any id not among them is a 404. */
export async function milestonesOf(enrollment: TickEnrollment, milestoneIds: readonly string[]): Promise<TickMilestone[]> {
  if (milestoneIds.length === 0) return [];
  const found = await db.milestone.findMany({
    where: { id: { in: [...milestoneIds] }, roadmapId: enrollment.roadmapId, retiredAt: null },
    select: { id: true, skillId: true, title: true, minDurationDays: true, durationAnchor: true },
  });
  const byId = new Map(found.map((m) => [m.id, m]));
  return milestoneIds.map((id) => {
    const milestone = byId.get(id);
    if (!milestone) throw notFound(NO_SUCH_MILESTONE);
    return milestone;
  });
}

/** Who ticks a milestone when the server does it for the user: the shipped-feature record, an application sent, the interview reaching the goal. */
export type AutomaticTickSource = "shipped_record" | "application" | "interview";

type TickReader = Pick<Tx, "enrollment">;

/**
 * Where the server ticks a skill for the user: the first open enrolment (in the listing order, as the
 * dashboard lists them) whose roadmap has a live milestone for it, with that milestone. Null when
 * no open roadmap has it. The one lookup every automatic tick uses.
 */
export async function tickTargetFor(
  reader: TickReader,
  userId: string,
  skillSlug: string,
): Promise<{ enrollment: TickEnrollment; milestone: TickMilestone } | null> {
  const enrollment = await reader.enrollment.findFirst({
    where: { userId, status: openStatusWhere, roadmap: { milestones: { some: { retiredAt: null, skill: { slug: skillSlug } } } } },
    orderBy: enrollmentOrder,
    select: {
      id: true,
      roadmapId: true,
      startDate: true,
      timezone: true,
      roadmap: {
        select: {
          milestones: {
            where: { retiredAt: null, skill: { slug: skillSlug } },
            take: 1,
            select: { id: true, skillId: true, title: true, minDurationDays: true, durationAnchor: true },
          },
        },
      },
    },
  });
  const milestone = enrollment?.roadmap.milestones[0];
  if (!enrollment || !milestone) return null;
  return {
    enrollment: { id: enrollment.id, roadmapId: enrollment.roadmapId, startDate: enrollment.startDate, timezone: enrollment.timezone },
    milestone,
  };
}

/**
 * Ticks the skill done through the normal path (one event tagged `source`) where tickTargetFor
 * finds it, in the caller's transaction. False when no open roadmap has it.
 */
export async function tickSkillDone(tx: Tx, userId: string, skillSlug: string, now: Date, source: AutomaticTickSource): Promise<boolean> {
  const target = await tickTargetFor(tx, userId, skillSlug);
  if (!target) return false;
  await applyMilestoneUpdate(tx, userId, target.enrollment, target.milestone, { status: "done" }, now, { source });
  return true;
}

/**
 * Sets a milestone's status (and note / evidence) for the user, through one of their enrolments.
 * Progress belongs to the skill, so the change shows in every roadmap that shares it; each change
 * appends one event to the log.
 */
export async function setMilestoneStatus(
  userId: string,
  enrollmentId: string,
  milestoneId: string,
  update: MilestoneUpdate,
  now?: Date,
): Promise<MilestoneProgressView> {
  const { enrollment, milestone } = await tickTarget(userId, enrollmentId, milestoneId);
  // Without a given time, the tick is dated once it holds the row lock (applyMilestoneUpdate).
  return db.$transaction((tx) => applyMilestoneUpdate(tx, userId, enrollment, milestone, update, now));
}

/**
 * openEnrollmentFor and milestonesOf for one milestone, in one statement (the tick is the request
 * people make most): the same answers, in the same order of precedence (404, 409, then 404).
 */
async function tickTarget(
  userId: string,
  enrollmentId: string,
  milestoneId: string,
): Promise<{ enrollment: TickEnrollment; milestone: TickMilestone }> {
  const [row] = await db.$queryRaw<(TickEnrollment & { status: EnrollmentStatus; milestone: TickMilestone | null })[]>`
    select e.id, e.status::text as status, e."roadmapId", e."startDate", e.timezone,
      case when m.id is null then null else json_build_object(
        'id', m.id, 'skillId', m."skillId", 'title', m.title,
        'minDurationDays', m."minDurationDays", 'durationAnchor', m."durationAnchor") end as milestone
    from "Enrollment" e
    left join "Milestone" m on m.id = ${milestoneId} and m."roadmapId" = e."roadmapId" and m."retiredAt" is null
    where e.id = ${enrollmentId} and e."userId" = ${userId}`;
  if (!row) throw notFound(NO_SUCH_ENROLLMENT);
  if (hasEnded(row.status)) throw new AppError("conflict", ENDED_ENROLLMENT);
  if (!row.milestone) throw notFound(NO_SUCH_MILESTONE);
  const { milestone, status: _status, ...enrollment } = row;
  return { enrollment, milestone };
}

/**
 * When an event logged under the (user, skill) row lock happened: the caller's time (or the clock
 * now, once the lock is held), but always after the skill's last event. Requests date themselves
 * before they wait for the lock, and app instances' clocks differ, so without this the log could
 * be stored out of order and a replay by time end on another status than the one stored.
 */
export function eventTimeAfter(requested: Date, lastEventAt: Date | undefined): Date {
  if (!lastEventAt || requested.getTime() > lastEventAt.getTime()) return requested;
  return new Date(lastEventAt.getTime() + 1);
}

/**
 * One milestone's change inside the caller's transaction. A note or evidence link left undefined
 * keeps what was there (a check-in ticks without touching notes). `via` tags the logged event.
 */
export async function applyMilestoneUpdate(
  tx: Tx,
  userId: string,
  enrollment: TickEnrollment,
  milestone: TickMilestone,
  update: { status: ProgressStatus; note?: string | null; evidenceUrl?: string | null },
  requestedAt: Date | undefined,
  via: { checkInId: string } | { source: AutomaticTickSource } | null = null,
): Promise<MilestoneProgressView> {
  const current = await lockProgressRow(tx, userId, milestone.skillId, requestedAt);
  // A statement of its own, after the lock: its snapshot includes the event the last holder committed.
  const [last] = await tx.$queryRaw<{ occurredAt: Date }[]>`
    select "occurredAt" from "ProgressEvent"
    where "userId" = ${userId} and "skillId" = ${milestone.skillId}
    order by "occurredAt" desc limit 1`;
  const now = eventTimeAfter(requestedAt ?? new Date(), last?.occurredAt);
  const note = update.note === undefined ? current.note : update.note;
  const evidenceUrl = update.evidenceUrl === undefined ? current.evidenceUrl : update.evidenceUrl;

  if (update.status === "done" && current.status !== "done") await assertCompletable(tx, userId, enrollment, milestone, now, via);

  const changed = current.status !== update.status || current.note !== note || current.evidenceUrl !== evidenceUrl;
  const source = via && "checkInId" in via ? "checkin" : (via?.source ?? "web");
  // The row and its event in one statement; the event's trigger (doneFlips) runs after it, on the updated row.
  const [saved] = await tx.$queryRaw<
    { status: ProgressStatus; note: string | null; evidenceUrl: string | null; completedAt: Date | null }[]
  >`
    with saved as (
      update "MilestoneProgress" set
        status = ${update.status}::"ProgressStatus", note = ${note}, "evidenceUrl" = ${evidenceUrl},
        "startedAt" = ${current.startedAt ?? (update.status === "in_progress" || update.status === "done" ? now : null)},
        "completedAt" = ${update.status === "done" ? (current.status === "done" ? current.completedAt : now) : null},
        "updatedAt" = ${new Date()}
      where "userId" = ${userId} and "skillId" = ${milestone.skillId}
      returning status::text as status, note, "evidenceUrl", "completedAt"
    ), event as (
      insert into "ProgressEvent" ("userId", "skillId", "enrollmentId", "fromStatus", "toStatus", note, "evidenceUrl", source, "checkInId", "occurredAt")
      select ${userId}, ${milestone.skillId}, ${enrollment.id}, ${current.status}::"ProgressStatus", ${update.status}::"ProgressStatus",
        ${note}, ${evidenceUrl}, ${source}::"ProgressSource", ${via && "checkInId" in via ? via.checkInId : null}, ${now}
      where ${changed}
    )
    select * from saved`;
  if (!saved) throw unauthenticated();
  return {
    milestoneId: milestone.id,
    status: saved.status,
    note: saved.note,
    evidenceUrl: saved.evidenceUrl,
    completedAt: saved.completedAt?.toISOString() ?? null,
  };
}

/**
 * Takes the tick's locks and returns the skill's progress row as it stands (created not started if
 * missing); 401 when the account is gone.
 */
async function lockProgressRow(tx: Tx, userId: string, skillId: string, requestedAt: Date | undefined) {
  // The user row first (shared: ticks don't wait on each other), as deleting the account locks it
  // before the progress rows it cascades to; taking them the other way round deadlocked the two.
  // Then the (user, skill) row, created if needed: the no-op update of a conflict takes its lock, so
  // concurrent ticks log a consistent from→to chain. One statement for both; no row back when the
  // account is gone (progress rows go only with their user, by cascade).
  const [current] = await tx.$queryRaw<
    { status: ProgressStatus; note: string | null; evidenceUrl: string | null; startedAt: Date | null; completedAt: Date | null }[]
  >`
    with owner as (select id from "User" where id = ${userId} for key share)
    insert into "MilestoneProgress" (id, "userId", "skillId", status, "updatedAt")
    select ${`mp_${crypto.randomUUID().replace(/-/g, "")}`}, owner.id, ${skillId}, 'not_started', ${requestedAt ?? new Date()}
    from owner
    on conflict ("userId", "skillId") do update set status = "MilestoneProgress".status
    returning status::text as status, note, "evidenceUrl", "startedAt", "completedAt"`;
  if (!current) throw unauthenticated();
  return current;
}

/** A 409 when the milestone's time-based rule doesn't allow ticking it done at `now` (a check-in's message names it). */
async function assertCompletable(
  tx: Tx,
  userId: string,
  enrollment: TickEnrollment,
  milestone: TickMilestone,
  now: Date,
  via: { checkInId: string } | { source: AutomaticTickSource } | null,
): Promise<void> {
  const anchor = milestone.durationAnchor === "feature_launch" ? await featureLaunchAnchor(tx, userId, now, enrollment.timezone) : null;
  const check = checkCompletion(
    { minDurationDays: milestone.minDurationDays, durationAnchor: milestone.durationAnchor as DurationAnchor | null },
    { enrollmentStart: isoDateOf(enrollment.startDate), featureLaunch: anchor },
    now,
    enrollment.timezone,
  );
  if (!check.ok) throw new AppError("conflict", via && "checkInId" in via ? `"${milestone.title}": ${check.reason}` : check.reason);
}
