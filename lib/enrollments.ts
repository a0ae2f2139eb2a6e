// Enrolments. Every function takes the user it acts for and filters by it: another user's enrolment
// is indistinguishable from one that doesn't exist (404).
import "server-only";
import { db } from "./db";
import { AppError, notFound } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { OPEN_STATUSES } from "./enrollment-status";
import { shortestReplanTarget } from "./pacing";
import type { EnrollmentStatus } from "./generated/prisma/enums";
import type { EnrollmentChangeInput, EnrollmentCreateInput } from "./validation/enrollment";
import { dateOfIso, isoDateOf } from "./calendar/days";

const ENROLLMENT_NOT_FOUND = "No such enrolment.";

/** Active before paused (the enum's order) before ended, then the newest: how enrolments are listed, and so which is current. */
export const enrollmentOrder = [{ status: "asc" }, { createdAt: "desc" }] satisfies Prisma.EnrollmentOrderByWithRelationInput[];

/** OPEN_STATUSES as a SQL list for raw queries: `e.status in (${openStatusSql})`. Built from constants, never from input. */
export const openStatusSql = Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/** OPEN_STATUSES as a Prisma filter. */
export const openStatusWhere = { in: [...OPEN_STATUSES] } satisfies Prisma.EnumEnrollmentStatusFilter;

export async function listEnrollments(userId: string) {
  return db.enrollment.findMany({
    where: { userId },
    orderBy: enrollmentOrder,
    include: { roadmap: { select: { slug: true, title: true } } },
  });
}

export async function getEnrollment(userId: string, enrollmentId: string) {
  const enrollment = await db.enrollment.findFirst({
    where: { id: enrollmentId, userId },
    include: { roadmap: { select: { slug: true, title: true } }, changes: { orderBy: { at: "asc" } } },
  });
  if (!enrollment) throw notFound(ENROLLMENT_NOT_FOUND);
  return enrollment;
}

export async function enroll(userId: string, input: EnrollmentCreateInput) {
  const roadmap = await db.roadmap.findFirst({ where: { slug: input.roadmapSlug, retiredAt: null } });
  if (!roadmap) throw new AppError("bad_request", "Choose a roadmap from the catalogue.", { roadmapSlug: ["Unknown roadmap."] });
  if (input.targetMonths < roadmap.minMonths || input.targetMonths > roadmap.maxMonths) {
    throw new AppError("bad_request", "Some fields need attention.", {
      targetMonths: [`This roadmap takes ${roadmap.minMonths} to ${roadmap.maxMonths} months.`],
    });
  }
  try {
    return await db.enrollment.create({
      data: {
        userId,
        roadmapId: roadmap.id,
        startDate: dateOfIso(input.startDate),
        targetMonths: input.targetMonths,
        weeklyHours: input.weeklyHours,
        timezone: input.timezone,
        changes: { create: { kind: "enrolled", toTargetMonths: input.targetMonths, toWeeklyHours: input.weeklyHours } },
      },
      include: { roadmap: { select: { slug: true, title: true } } },
    });
  } catch (error) {
    // enrollment_one_open_per_roadmap: at most one active or paused enrolment per roadmap.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "You are already on this roadmap. Resume or replan it from your dashboard.");
    }
    throw error;
  }
}

const allowedFrom: Record<EnrollmentChangeInput["action"], readonly EnrollmentStatus[]> = {
  pause: ["active"],
  resume: ["paused"],
  replan: OPEN_STATUSES,
  budget: OPEN_STATUSES,
  abandon: OPEN_STATUSES,
};

export async function changeEnrollment(userId: string, enrollmentId: string, change: EnrollmentChangeInput) {
  return db.$transaction(async (tx) => {
    // Row lock: two tabs pausing and resuming at once apply one after the other.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      select id from "Enrollment" where id = ${enrollmentId} and "userId" = ${userId} for update`;
    if (rows.length === 0) throw notFound(ENROLLMENT_NOT_FOUND);
    const current = await tx.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, include: { roadmap: true } });
    if (!allowedFrom[change.action].includes(current.status)) {
      throw new AppError("conflict", `This enrolment is ${current.status}; it can't be ${verbPast(change.action)} now.`);
    }
    const now = new Date();
    switch (change.action) {
      case "pause":
        await tx.enrollmentChange.create({ data: { enrollmentId, kind: "paused", at: now } });
        return tx.enrollment.update({ where: { id: enrollmentId }, data: { status: "paused" } });
      case "resume":
        await tx.enrollmentChange.create({ data: { enrollmentId, kind: "resumed", at: now } });
        return tx.enrollment.update({ where: { id: enrollmentId }, data: { status: "active" } });
      case "abandon":
        await tx.enrollmentChange.create({ data: { enrollmentId, kind: "abandoned", at: now } });
        return tx.enrollment.update({ where: { id: enrollmentId }, data: { status: "abandoned", endedAt: now } });
      case "budget":
        return changeBudget(tx, current, change.weeklyHours, now);
      case "replan": {
        const { minMonths, maxMonths } = current.roadmap;
        if (change.targetMonths < minMonths || change.targetMonths > maxMonths) {
          throw new AppError("bad_request", "Some fields need attention.", {
            targetMonths: [`This roadmap takes ${minMonths} to ${maxMonths} months.`],
          });
        }
        const history = await tx.enrollmentChange.findMany({ where: { enrollmentId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
        const shortest = shortestReplanTarget(
          { startDate: isoDateOf(current.startDate), changes: history },
          { minMonths, maxMonths },
          now,
          current.timezone,
        );
        if (shortest === null || change.targetMonths < shortest) {
          throw new AppError("bad_request", "Some fields need attention.", {
            targetMonths: [
              shortest === null
                ? `The ${maxMonths}-month limit of this roadmap has passed; pause it or start a new enrolment.`
                : `A ${change.targetMonths}-month target has already passed; choose ${shortest} months or more.`,
            ],
          });
        }
        await tx.enrollmentChange.create({
          data: { enrollmentId, kind: "replanned", at: now, fromTargetMonths: current.targetMonths, toTargetMonths: change.targetMonths },
        });
        const updated = await tx.enrollment.update({ where: { id: enrollmentId }, data: { targetMonths: change.targetMonths } });
        return change.weeklyHours === undefined ? updated : changeBudget(tx, updated, change.weeklyHours, now);
      }
    }
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** A new weekly budget, kept in the history like a replan (pacing reads the budget in force at any moment from it). */
async function changeBudget(tx: Tx, current: { id: string; weeklyHours: number }, weeklyHours: number, now: Date) {
  if (weeklyHours === current.weeklyHours) return tx.enrollment.findUniqueOrThrow({ where: { id: current.id } });
  await tx.enrollmentChange.create({
    data: { enrollmentId: current.id, kind: "budget_changed", at: now, fromWeeklyHours: current.weeklyHours, toWeeklyHours: weeklyHours },
  });
  return tx.enrollment.update({ where: { id: current.id }, data: { weeklyHours } });
}

function verbPast(action: EnrollmentChangeInput["action"]): string {
  return { pause: "paused", resume: "resumed", replan: "replanned", budget: "given a new budget", abandon: "left" }[action];
}
