// getPacing: the one server entry point to the pacing model. The dashboard, the JSON route, the
// phone check-in and the weekly email all call it, so they all show the same numbers.
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { computePacing, shortestReplanTarget, type Pacing, type PacingInput } from "../pacing";
import type { DurationAnchor } from "../roadmaps/types";
import { anchorOfRecord } from "../shipped/anchor";
import { hoursLoggedBySkill } from "./index";
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
            select: { id: true, skillId: true, title: true, effortHours: true, minDurationDays: true, durationAnchor: true, skill: { select: { slug: true } } },
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

/** "{1767571200000,1767657600000}", PostgreSQL's text form of a bigint[], as numbers. */
export const parseFlips = (text: string): number[] => (text.length > 2 ? text.slice(1, -1).split(",").map(Number) : []);

/**
 * Pacing for one of the user's enrolments at `now`, in the enrolment's time zone. Five queries in
 * parallel (plus the roadmap's tree when the catalogue was re-seeded): the enrolment with its
 * changes, one row per skill the user has touched with its done flips (see lib/pacing/flips.ts),
 * so the cost follows the roadmap's size, not the length of the user's history, and the
 * shipped-feature record's launch date and gaps (the launch anchor, lib/shipped/anchor.ts), the
 * hours logged in this enrolment's check-ins over the velocity window (velocity, and this week's
 * hours), and the hours logged per skill (this week's plan).
 * Skills outside this roadmap are dropped by computePacing.
 */
export async function getPacing(userId: string, enrollmentId: string, now: Date = new Date()): Promise<Pacing> {
  return computePacing((await loadPacingInput(userId, enrollmentId, now)).input);
}

/** What getPacing feeds computePacing, and the enrolment's limits (a replan preview needs them). */
async function loadPacingInput(userId: string, enrollmentId: string, now: Date) {
  const [enrollment, progress, shipped, checkIns, logged] = await Promise.all([
    db.enrollment.findFirst({
      where: { id: enrollmentId, userId },
      select: {
        roadmapId: true,
        startDate: true,
        targetMonths: true,
        weeklyHours: true,
        status: true,
        timezone: true,
        roadmap: { select: { seededAt: true, minMonths: true, maxMonths: true } },
        changes: {
          orderBy: [{ at: "asc" }, { id: "asc" }],
          select: { kind: true, at: true, toTargetMonths: true, fromWeeklyHours: true, toWeeklyHours: true },
        },
      },
    }),
    // The flips as one text each ("{1767571200000,…}"): a few hundred strings split faster than
    // thousands of array elements decoded one by one.
    db.$queryRaw<{ skillId: string; status: ProgressStatus; flips: string }[]>`
      select "skillId", status::text as status, "doneFlips"::text as flips
      from "MilestoneProgress"
      where "userId" = ${userId}`,
    // The shipped-feature record's launch and its gaps in one statement (the relation read would be two).
    db.$queryRaw<{ launchDate: Date | string; gaps: (Date | string)[] }[]>`
      select f."launchDate",
        array(select i."occurredOn" from "ShippedFeatureIncident" i where i."featureId" = f.id and i."featureWasOff") as gaps
      from "ShippedFeature" f
      where f."userId" = ${userId}`,
    // The hours logged in the velocity window (28 local days; 30 is a superset in any zone), for the
    // blended velocity. Only this enrolment's check-ins: hours on another roadmap aren't this one's.
    db.$queryRaw<{ at: number; hours: number }[]>`
      select (extract(epoch from c."createdAt") * 1000)::float8 as at, c.hours::float8 as hours
      from "CheckIn" c
      where c."userId" = ${userId} and c."enrollmentId" = ${enrollmentId}
        and c."createdAt" > ${now}::timestamptz - interval '30 days' and c."createdAt" <= ${now}`,
    // Hours logged per skill, for this week's plan: what each milestone's estimate has left.
    hoursLoggedBySkill(userId, now),
  ]);
  const record = shipped[0];
  if (!enrollment) throw notFound("No such enrolment.");
  const input: PacingInput = {
    roadmap: await roadmapTree(enrollment.roadmapId, enrollment.roadmap.seededAt),
    enrollment: {
      startDate: enrollment.startDate.toISOString().slice(0, 10),
      targetMonths: enrollment.targetMonths,
      status: enrollment.status,
      changes: enrollment.changes,
      weeklyHours: enrollment.weeklyHours,
    },
    checkIns,
    hoursLogged: [...logged].map(([skillId, hours]) => ({ skillId, hours })),
    progress: progress.map((p) => ({ skillId: p.skillId, status: p.status, doneFlips: parseFlips(p.flips) })),
    featureLaunch: record
      ? anchorOfRecord(
          // new Date(): the driver may hand dates inside an array back as text.
          { launchDate: new Date(record.launchDate), incidents: record.gaps.map((gap) => ({ occurredOn: new Date(gap), featureWasOff: true })) },
          now,
          enrollment.timezone,
        )
      : null,
    now,
    timeZone: enrollment.timezone,
  };
  return { input, limits: { minMonths: enrollment.roadmap.minMonths, maxMonths: enrollment.roadmap.maxMonths }, weeklyHours: enrollment.weeklyHours, status: enrollment.status };
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
export async function previewReplan(userId: string, enrollmentId: string, change: { targetMonths: number; weeklyHours?: number | undefined }, now: Date = new Date()): Promise<ReplanPreview> {
  const { input, limits, weeklyHours, status } = await loadPacingInput(userId, enrollmentId, now);
  if (status !== "active" && status !== "paused") throw new AppError("conflict", `This enrolment is ${status}; it can't be replanned now.`);
  const shortest = shortestReplanTarget(input.enrollment, limits, now, input.timeZone);
  if (change.targetMonths < limits.minMonths || change.targetMonths > limits.maxMonths || shortest === null || change.targetMonths < shortest) {
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
  if (hours !== weeklyHours) changes.push({ kind: "budget_changed", at: now, toTargetMonths: null, fromWeeklyHours: weeklyHours, toWeeklyHours: hours });
  const pacing = computePacing({ ...input, enrollment: { ...input.enrollment, targetMonths: change.targetMonths, weeklyHours: hours, changes } });
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
