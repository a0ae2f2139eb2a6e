// getPacing: the one server entry point to the pacing model. The dashboard, the JSON route, the
// phone check-in and the weekly email all call it, so they all show the same numbers.
import "server-only";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { computePacing, shortestReplanTarget, type Pacing, type PacingInput } from "../pacing";
import type { DurationAnchor } from "../roadmaps/types";
import { recordClockStart } from "../shipped/rules";
import { Prisma } from "../generated/prisma/client";
import { loggedHoursSql, roundLoggedHours } from "./logged-hours";
import type { EnrollmentStatus } from "../generated/prisma/enums";
import type { ProgressStatus } from "../validation/progress";

type RoadmapTree = PacingInput["roadmap"];

/**
 * Roadmap trees by id, kept with the seededAt they were read at: the catalogue changes only when it
 * is re-seeded, which moves seededAt, so a tree is reused until then. Saves a three-level read on
 * every pacing call.
 */
const trees = new Map<string, { seededAt: number; tree: RoadmapTree }>();

export async function roadmapTree(roadmapId: string, seededAt: Date): Promise<RoadmapTree> {
  const cached = trees.get(roadmapId);
  if (cached && cached.seededAt === seededAt.getTime()) return cached.tree;
  const roadmap = await db.roadmap.findUniqueOrThrow({
    where: { id: roadmapId },
    select: {
      canonicalMonths: true,
      maxMonths: true,
      phases: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: {
          slug: true,
          title: true,
          startMonth: true,
          endMonth: true,
          milestones: {
            where: { retiredAt: null },
            orderBy: { position: "asc" },
            select: {
              id: true,
              skillId: true,
              title: true,
              effortHours: true,
              minDurationDays: true,
              durationAnchor: true,
              skill: { select: { slug: true } },
            },
          },
        },
      },
    },
  });
  const tree: RoadmapTree = {
    canonicalMonths: roadmap.canonicalMonths,
    maxMonths: roadmap.maxMonths,
    phases: roadmap.phases.map((p) => ({
      slug: p.slug,
      title: p.title,
      startMonth: Number(p.startMonth),
      endMonth: Number(p.endMonth),
      milestones: p.milestones.map((m) => ({
        id: m.id,
        skillId: m.skillId,
        skillSlug: m.skill.slug,
        title: m.title,
        effortHours: m.effortHours,
        minDurationDays: m.minDurationDays,
        durationAnchor: m.durationAnchor as DurationAnchor | null,
      })),
    })),
  };
  trees.set(roadmapId, { seededAt: seededAt.getTime(), tree });
  return tree;
}

/**
 * Pacing for one of the user's enrolments at `now`, in the enrolment's time zone, from one
 * statement (plus the roadmap's tree when the catalogue was re-seeded): see loadPacingInput.
 * Skills outside this roadmap are dropped by computePacing.
 */
export async function getPacing(userId: string, enrollmentId: string, now: Date = new Date()): Promise<Pacing> {
  return computePacing((await loadPacingInput(userId, enrollmentId, now)).input);
}

/** One row of loadPacingInput's statement: each read as JSON text, parsed once. */
interface PacingRow {
  enrollment: {
    roadmapId: string;
    startDate: string;
    targetMonths: number;
    weeklyHours: number;
    status: EnrollmentStatus;
    timezone: string;
    seededAt: number;
    minMonths: number;
    maxMonths: number;
    /** kind, at (epoch ms), toTargetMonths, fromWeeklyHours, toWeeklyHours; by time, then id. */
    changes: PackedChange[];
  } | null;
  /** skillId, status, done flips (epoch ms). */
  progress: [string, ProgressStatus, number[]][];
  shipped: { launchDate: string; gaps: string[] } | null;
  /** This enrolment's check-ins over the velocity window: at (epoch ms), hours. */
  checkIns: [number, number][];
  /** Hours logged per skill by `now` (lib/progress/logged-hours.ts). */
  logged: [string, number][];
}

/** An enrolment's change as the pacing statements pack it (here and in lib/digest/load.ts). */
export type PackedChange = [
  kind: string,
  at: number,
  toTargetMonths: number | null,
  fromWeeklyHours: number | null,
  toWeeklyHours: number | null,
];

/** The pacing model's enrolment, from a row of either pacing statement. */
export function pacingEnrollmentOf(enrollment: {
  startDate: string;
  targetMonths: number;
  status: PacingInput["enrollment"]["status"];
  weeklyHours: number;
  changes: PackedChange[];
}): PacingInput["enrollment"] {
  return {
    startDate: enrollment.startDate,
    targetMonths: enrollment.targetMonths,
    status: enrollment.status,
    changes: enrollment.changes.map(([kind, at, toTargetMonths, fromWeeklyHours, toWeeklyHours]) => ({
      kind,
      at: new Date(at),
      toTargetMonths,
      fromWeeklyHours,
      toWeeklyHours,
    })),
    weeklyHours: enrollment.weeklyHours,
  };
}

/**
 * What getPacing feeds computePacing, and the enrolment's limits (a replan preview needs them).
 * One statement, one round trip: the pacing route, the dashboard and the check-in page call it on
 * every view, and each extra statement costs this process more than PostgreSQL.
 */
async function loadPacingInput(userId: string, enrollmentId: string, now: Date) {
  const { enrollment, progress, shipped: record, checkIns, logged } = await readPacingRow(userId, enrollmentId, now);
  if (!enrollment) throw notFound("No such enrolment.");
  const input: PacingInput = {
    roadmap: await roadmapTree(enrollment.roadmapId, new Date(enrollment.seededAt)),
    enrollment: pacingEnrollmentOf(enrollment),
    checkIns: checkIns.map(([at, hours]) => ({ at, hours })),
    hoursLogged: logged.map(([skillId, hours]) => ({ skillId, hours: roundLoggedHours(hours) })),
    progress: progress.map(([skillId, status, doneFlips]) => ({ skillId, status, doneFlips })),
    featureLaunch: record ? recordClockStart(record, now, enrollment.timezone) : null,
    now,
    timeZone: enrollment.timezone,
  };
  return {
    input,
    limits: { minMonths: enrollment.minMonths, maxMonths: enrollment.maxMonths },
    weeklyHours: enrollment.weeklyHours,
    status: enrollment.status,
  };
}

/** loadPacingInput's one statement: the enrolment, progress, shipped record, check-ins and logged hours as one JSON row. */
async function readPacingRow(userId: string, enrollmentId: string, now: Date): Promise<PacingRow> {
  const [result] = await db.$queryRaw<{ row: string }[]>`
    select json_build_object(
      'enrollment', (
        select json_build_object(
          'roadmapId', e."roadmapId", 'startDate', e."startDate", 'targetMonths', e."targetMonths", 'weeklyHours', e."weeklyHours",
          'status', e.status, 'timezone', e.timezone,
          'seededAt', (extract(epoch from r."seededAt") * 1000)::bigint, 'minMonths', r."minMonths", 'maxMonths', r."maxMonths",
          'changes', coalesce((
            select json_agg(json_build_array(c.kind, (extract(epoch from c.at) * 1000)::bigint, c."toTargetMonths", c."fromWeeklyHours", c."toWeeklyHours") order by c.at, c.id)
            from "EnrollmentChange" c where c."enrollmentId" = e.id), '[]'))
        from "Enrollment" e join "Roadmap" r on r.id = e."roadmapId"
        where e.id = ${enrollmentId} and e."userId" = ${userId}),
      -- One row per skill the user has touched, with its done flips (lib/pacing/flips.ts): the cost
      -- follows the roadmap's size, not the length of the user's history.
      'progress', coalesce((
        select json_agg(json_build_array(p."skillId", p.status, p."doneFlips"))
        from "MilestoneProgress" p where p."userId" = ${userId}), '[]'),
      -- The shipped-feature record's launch and its gaps: the launch anchor (launchAnchor, lib/pacing/rules.ts).
      'shipped', (
        select json_build_object('launchDate', f."launchDate", 'gaps', array(
          select i."occurredOn" from "ShippedFeatureIncident" i where i."featureId" = f.id and i."featureWasOff"))
        from "ShippedFeature" f where f."userId" = ${userId}),
      -- The hours logged in the velocity window (28 local days; 30 is a superset in any zone), for
      -- the blended velocity; only this enrolment's: hours on another roadmap aren't this one's.
      'checkIns', coalesce((
        select json_agg(json_build_array((extract(epoch from c."createdAt") * 1000)::bigint, c.hours))
        from "CheckIn" c
        where c."userId" = ${userId} and c."enrollmentId" = ${enrollmentId}
          and c."createdAt" > ${now}::timestamptz - interval '30 days' and c."createdAt" <= ${now}), '[]'),
      -- Hours logged per skill, for this week's plan: what each milestone's estimate has left.
      'logged', coalesce((
        select json_agg(json_build_array(l."skillId", l.hours)) from (${loggedHoursSql(Prisma.sql`${userId}`, now)}) l), '[]')
    )::text as row`;
  return JSON.parse(result!.row) as PacingRow;
}

export interface ReplanPreview {
  targetMonths: number;
  weeklyHours: number;
  /** The new plan's target date, the day its line paced at the hours reaches 100%, and the hours a week that would finish by the target. */
  targetDate: string;
  finishDate: string | null;
  hoursForTarget: number | null;
  /** The verdict the new plan would start with (a fresh replan: "Just replanned"). */
  verdict: Pacing["verdict"];
  /** Its lines: every earlier one kept (superseded), the new one last. */
  plans: Pacing["plans"];
}

/**
 * What a replan to `targetMonths` (and, if given, a new weekly budget) would give now, without
 * making it: the same pacing function on the enrolment's history with the replan appended, so the
 * preview is exactly what the replan then shows. Refuses a target the replan itself would refuse.
 */
export async function previewReplan(
  userId: string,
  enrollmentId: string,
  change: { targetMonths: number; weeklyHours?: number | undefined },
  now: Date = new Date(),
): Promise<ReplanPreview> {
  const { input, limits, weeklyHours, status } = await loadPacingInput(userId, enrollmentId, now);
  if (status !== "active" && status !== "paused") throw new AppError("conflict", `This enrolment is ${status}; it can't be replanned now.`);
  const shortest = shortestReplanTarget(input.enrollment, limits, now, input.timeZone);
  if (
    change.targetMonths < limits.minMonths ||
    change.targetMonths > limits.maxMonths ||
    shortest === null ||
    change.targetMonths < shortest
  ) {
    throw new AppError("bad_request", "Some fields need attention.", {
      targetMonths: [
        shortest === null
          ? `The ${limits.maxMonths}-month limit of this roadmap has passed; pause it or start a new enrolment.`
          : change.targetMonths < shortest
            ? `A ${change.targetMonths}-month target has already passed; choose ${shortest} months or more.`
            : `This roadmap takes ${limits.minMonths} to ${limits.maxMonths} months.`,
      ],
    });
  }
  const hours = change.weeklyHours ?? weeklyHours;
  const changes = [...input.enrollment.changes, { kind: "replanned", at: now, toTargetMonths: change.targetMonths }];
  if (hours !== weeklyHours)
    changes.push({ kind: "budget_changed", at: now, toTargetMonths: null, fromWeeklyHours: weeklyHours, toWeeklyHours: hours });
  const pacing = computePacing({
    ...input,
    enrollment: { ...input.enrollment, targetMonths: change.targetMonths, weeklyHours: hours, changes },
  });
  return {
    targetMonths: change.targetMonths,
    weeklyHours: hours,
    targetDate: pacing.targetDate,
    finishDate: pacing.budget?.finishDate ?? pacing.targetDate,
    hoursForTarget: pacing.budget?.hoursForTarget ?? null,
    verdict: pacing.verdict,
    plans: pacing.plans,
  };
}
