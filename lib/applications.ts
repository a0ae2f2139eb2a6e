// Job applications, their stage history and interviews: data access, every function taking the user
// it acts for. Another user's application is a 404, like one that doesn't exist.
//
// The first application sent (reaching "applied" or later) ticks the roadmap's "Apply for … roles"
// milestone through the normal tick path (applyMilestoneUpdate, source "application"), unless it is
// done or skipped already. Reads never tick.
import { db } from "./db";
import { enrollmentOrder, openStatusWhere } from "./enrollments";
import { AppError, notFound } from "./errors";
import { readOffer, type OfferReading } from "./pivot/offer-bands";
import { gapCheck, type GapCheck } from "./pivot/skill-match";
import { checkStageMove, isSentStage, nextStages, type ApplicationStage } from "./pivot/stages";
import { applyMilestoneUpdate } from "./progress";
import { localToday } from "./shipped/rules";
import type { ApplicationCreate, ApplicationUpdate, InterviewCreate, StageMove } from "./validation/applications";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const NOT_FOUND = "No such application.";
const iso = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** Which milestone a sent application ticks, by its track: each roadmap has its own "apply" skill. */
const APPLY_SKILL_BY_TRACK: Record<string, string | undefined> = {
  ml_engineer: "apply-ml-engineer-roles",
  ai_engineer: "apply-ai-engineer-roles",
};
export const INTERVIEWS_SKILL = "first-rough-interviews";

async function timeZoneOf(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
  return user?.timezone ?? "Europe/London";
}

/** The user's current enrolment (the one the dashboard opens on) with its live milestones and their status. */
async function roadmapContext(userId: string) {
  const enrollment = await db.enrollment.findFirst({
    where: { userId, status: openStatusWhere },
    orderBy: enrollmentOrder,
    select: {
      id: true,
      roadmap: {
        select: {
          slug: true,
          title: true,
          milestones: {
            where: { retiredAt: null },
            orderBy: [{ phase: { position: "asc" } }, { position: "asc" }],
            select: { id: true, title: true, skillId: true, skill: { select: { slug: true } } },
          },
        },
      },
    },
  });
  if (!enrollment) return null;
  const progress = await db.milestoneProgress.findMany({
    where: { userId, skillId: { in: enrollment.roadmap.milestones.map((m) => m.skillId) } },
    select: { skillId: true, status: true },
  });
  const status = new Map(progress.map((p) => [p.skillId, p.status]));
  return {
    enrollmentId: enrollment.id,
    roadmap: { slug: enrollment.roadmap.slug, title: enrollment.roadmap.title },
    milestones: enrollment.roadmap.milestones.map((m) => ({
      milestoneId: m.id,
      skillId: m.skillId,
      title: m.title,
      skill: m.skill.slug,
      status: status.get(m.skillId) ?? ("not_started" as const),
    })),
  };
}

/** Ticks the track's "apply" milestone on the first open enrolment that has it, unless already done or skipped. */
async function tickApplied(tx: Tx, userId: string, track: string, now: Date): Promise<void> {
  const skill = APPLY_SKILL_BY_TRACK[track];
  if (!skill) return;
  const current = await tx.milestoneProgress.findFirst({ where: { userId, skill: { slug: skill } }, select: { status: true } });
  if (current?.status === "done" || current?.status === "skipped") return;
  const enrollment = await tx.enrollment.findFirst({
    where: { userId, status: openStatusWhere, roadmap: { milestones: { some: { retiredAt: null, skill: { slug: skill } } } } },
    orderBy: enrollmentOrder,
    select: {
      id: true,
      roadmapId: true,
      startDate: true,
      timezone: true,
      roadmap: {
        select: {
          milestones: { where: { retiredAt: null, skill: { slug: skill } }, take: 1, select: { id: true, skillId: true, title: true, minDurationDays: true, durationAnchor: true } },
        },
      },
    },
  });
  const milestone = enrollment?.roadmap.milestones[0];
  if (!enrollment || !milestone) return;
  const { roadmap: _roadmap, ...target } = enrollment;
  await applyMilestoneUpdate(tx, userId, target, milestone, { status: "done" }, now, { source: "application" });
}

function refuseFuture(fields: Record<string, string | null | undefined>, today: string, message: string) {
  const future: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(fields)) if (value && value > today) future[field] = [message];
  if (Object.keys(future).length) throw new AppError("bad_request", "Some fields need attention.", future);
}

const applicationSelect = {
  id: true,
  company: true,
  roleTitle: true,
  track: true,
  url: true,
  source: true,
  stage: true,
  nextStep: true,
  nextStepOn: true,
  notes: true,
  jobDescription: true,
  offerBaseSalary: true,
  offerLevel: true,
  createdAt: true,
  updatedAt: true,
  stageChanges: { orderBy: { id: "asc" as const }, select: { fromStage: true, toStage: true, changedOn: true, recordedAt: true } },
  interviews: {
    orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }] as { heldOn?: "asc"; createdAt?: "asc" }[],
    select: { id: true, heldOn: true, kind: true, felt: true, asked: true, wentBadly: true, revisitSkills: { select: { skill: { select: { slug: true, title: true } } } } },
  },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof loadRows>>[number]>;
type Context = Awaited<ReturnType<typeof roadmapContext>>;

function loadRows(userId: string, id?: string) {
  return db.jobApplication.findMany({ where: id === undefined ? { userId } : { userId, id }, select: applicationSelect });
}

export interface RevisitSkill {
  skill: string;
  title: string;
  /** The milestone on the user's current roadmap, for the link back; null when that roadmap doesn't have it. */
  milestoneId: string | null;
}

export interface ApplicationView {
  id: string;
  company: string;
  roleTitle: string;
  track: string;
  url: string | null;
  source: string;
  stage: ApplicationStage;
  nextStages: ApplicationStage[];
  nextStep: string | null;
  nextStepOn: string | null;
  notes: string | null;
  jobDescription: string | null;
  offerBaseSalary: number | null;
  offerLevel: string | null;
  offer: OfferReading | null;
  history: { fromStage: ApplicationStage | null; toStage: ApplicationStage; changedOn: string; recordedAt: string }[];
  interviews: { id: string; heldOn: string; kind: string; felt: number; asked: string | null; wentBadly: string | null; revisitSkills: RevisitSkill[] }[];
  /** The job description's matched skills split by the user's progress; null without a description or a roadmap. */
  gaps: GapCheck | null;
  createdAt: string;
  updatedAt: string;
}

function toView(row: Row, context: Context): ApplicationView {
  const milestoneBySkill = new Map(context?.milestones.map((m) => [m.skill, m.milestoneId]) ?? []);
  return {
    id: row.id,
    company: row.company,
    roleTitle: row.roleTitle,
    track: row.track,
    url: row.url,
    source: row.source,
    stage: row.stage,
    nextStages: nextStages(row.stage),
    nextStep: row.nextStep,
    nextStepOn: row.nextStepOn ? iso(row.nextStepOn) : null,
    notes: row.notes,
    jobDescription: row.jobDescription,
    offerBaseSalary: row.offerBaseSalary,
    offerLevel: row.offerLevel,
    offer: row.offerBaseSalary !== null && row.offerLevel ? readOffer(row.offerBaseSalary, row.offerLevel) : null,
    history: row.stageChanges.map((c) => ({ fromStage: c.fromStage, toStage: c.toStage, changedOn: iso(c.changedOn), recordedAt: c.recordedAt.toISOString() })),
    interviews: row.interviews.map((i) => ({
      id: i.id,
      heldOn: iso(i.heldOn),
      kind: i.kind,
      felt: i.felt,
      asked: i.asked,
      wentBadly: i.wentBadly,
      revisitSkills: i.revisitSkills.map(({ skill }) => ({ skill: skill.slug, title: skill.title, milestoneId: milestoneBySkill.get(skill.slug) ?? null })),
    })),
    gaps: row.jobDescription && context ? gapCheck(row.jobDescription, context.milestones) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Next step soonest first; those without a date after, newest first: what needs doing leads the list. */
export function byNextStep(a: ApplicationView, b: ApplicationView): number {
  if (a.nextStepOn && b.nextStepOn) return a.nextStepOn < b.nextStepOn ? -1 : a.nextStepOn > b.nextStepOn ? 1 : a.createdAt.localeCompare(b.createdAt);
  if (a.nextStepOn || b.nextStepOn) return a.nextStepOn ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}

export interface PivotOverview {
  today: string;
  roadmap: { slug: string; title: string } | null;
  /** The roadmap's milestones, for choosing skills to revise after an interview. */
  milestones: { milestoneId: string; skillId: string; title: string; skill: string; status: string }[];
  applications: ApplicationView[];
  /** Interviews logged, over every application, and the milestone that counts them. */
  interviewCount: number;
  interviewsMilestone: { milestoneId: string; title: string; status: string } | null;
  applyMilestone: { milestoneId: string; title: string; status: string } | null;
}

/** Everything the /pivot page shows. Reads only. */
export async function getPivotOverview(userId: string, now: Date = new Date()): Promise<PivotOverview> {
  const [rows, context, timezone] = await Promise.all([loadRows(userId), roadmapContext(userId), timeZoneOf(userId)]);
  const applications = rows.map((row) => toView(row, context)).sort(byNextStep);
  const find = (pred: (skill: string) => boolean) => {
    const m = context?.milestones.find((x) => pred(x.skill));
    return m ? { milestoneId: m.milestoneId, title: m.title, status: m.status } : null;
  };
  return {
    today: localToday(now, timezone),
    roadmap: context?.roadmap ?? null,
    milestones: context?.milestones ?? [],
    applications,
    interviewCount: applications.reduce((n, a) => n + a.interviews.length, 0),
    interviewsMilestone: find((s) => s === INTERVIEWS_SKILL),
    applyMilestone: find((s) => Object.values(APPLY_SKILL_BY_TRACK).includes(s)),
  };
}

export async function getApplication(userId: string, id: string): Promise<ApplicationView> {
  const [[row], context] = await Promise.all([loadRows(userId, id), roadmapContext(userId)]);
  if (!row) throw notFound(NOT_FOUND);
  return toView(row, context);
}

export async function createApplication(userId: string, input: ApplicationCreate, now: Date = new Date()): Promise<ApplicationView> {
  const today = localToday(now, await timeZoneOf(userId));
  refuseFuture({ stageOn: input.stageOn }, today, "The stage's date can't be in the future.");
  const { stageOn, nextStepOn, ...fields } = input;
  const id = await db.$transaction(async (tx) => {
    const created = await tx.jobApplication.create({
      data: { userId, ...fields, nextStepOn: nextStepOn ? dateOf(nextStepOn) : null },
      select: { id: true },
    });
    await tx.applicationStageChange.create({ data: { applicationId: created.id, fromStage: null, toStage: input.stage, changedOn: dateOf(stageOn ?? today) } });
    if (isSentStage(input.stage)) await tickApplied(tx, userId, input.track, now);
    return created.id;
  });
  return getApplication(userId, id);
}

export async function updateApplication(userId: string, id: string, input: ApplicationUpdate): Promise<ApplicationView> {
  const { nextStepOn, ...fields } = input;
  const { count } = await db.jobApplication.updateMany({
    where: { id, userId },
    data: { ...fields, ...(nextStepOn !== undefined ? { nextStepOn: nextStepOn ? dateOf(nextStepOn) : null } : {}) },
  });
  if (count === 0) throw notFound(NOT_FOUND);
  return getApplication(userId, id);
}

/** Moves the application along the stage machine, appending to its history; an illegal move is a 400 naming it. */
export async function moveApplicationStage(userId: string, id: string, move: StageMove, now: Date = new Date()): Promise<ApplicationView> {
  const today = localToday(now, await timeZoneOf(userId));
  refuseFuture({ on: move.on }, today, "The date can't be in the future.");
  await db.$transaction(async (tx) => {
    // Locked, so two moves at once can't both start from the same stage.
    const [current] = await tx.$queryRaw<{ stage: ApplicationStage; track: string }[]>`
      select stage::text as stage, track::text as track from "JobApplication" where id = ${id} and "userId" = ${userId} for update`;
    if (!current) throw notFound(NOT_FOUND);
    const check = checkStageMove(current.stage, move.stage);
    if (!check.ok) throw new AppError("bad_request", check.reason, { stage: [check.reason] });
    const last = await tx.applicationStageChange.findFirst({ where: { applicationId: id }, orderBy: { id: "desc" }, select: { changedOn: true } });
    const on = move.on ?? today;
    if (last && on < iso(last.changedOn)) {
      const reason = `The date can't be before the previous stage's (${iso(last.changedOn)}).`;
      throw new AppError("bad_request", "Some fields need attention.", { on: [reason] });
    }
    await tx.jobApplication.update({ where: { id }, data: { stage: move.stage } });
    await tx.applicationStageChange.create({ data: { applicationId: id, fromStage: current.stage, toStage: move.stage, changedOn: dateOf(on) } });
    if (isSentStage(move.stage)) await tickApplied(tx, userId, current.track, now);
  });
  return getApplication(userId, id);
}

/** Deletes the application with its history and interviews; ticks it made stay, like any tick. */
export async function deleteApplication(userId: string, id: string): Promise<void> {
  const { count } = await db.jobApplication.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound(NOT_FOUND);
}

/** Logs an interview already held; the skills to revise are milestones of the user's current roadmap. */
export async function addInterview(userId: string, applicationId: string, input: InterviewCreate, now: Date = new Date()): Promise<ApplicationView> {
  const owned = await db.jobApplication.findFirst({ where: { id: applicationId, userId }, select: { id: true } });
  if (!owned) throw notFound(NOT_FOUND);
  refuseFuture({ heldOn: input.heldOn }, localToday(now, await timeZoneOf(userId)), "Log an interview once it has happened: the date can't be in the future.");
  const context = await roadmapContext(userId);
  // Only the current roadmap's live milestones: a skill to revise must have a milestone to link back to.
  const byId = new Map(context?.milestones.map((m) => [m.milestoneId, m.skillId]) ?? []);
  const skillIds = input.revisitMilestoneIds.map((milestoneId) => byId.get(milestoneId));
  if (skillIds.some((skillId) => skillId === undefined)) {
    throw new AppError("bad_request", "Some fields need attention.", { revisitMilestoneIds: ["Choose skills from your current roadmap."] });
  }
  const { revisitMilestoneIds: _ids, heldOn, ...fields } = input;
  await db.interview.create({
    data: { applicationId, ...fields, heldOn: dateOf(heldOn), revisitSkills: { create: skillIds.flatMap((skillId) => (skillId ? [{ skillId }] : [])) } },
  });
  return getApplication(userId, applicationId);
}

/** Removes one interview of the user's application. */
export async function deleteInterview(userId: string, applicationId: string, interviewId: string): Promise<void> {
  const { count } = await db.interview.deleteMany({ where: { id: interviewId, applicationId, application: { userId } } });
  if (count === 0) throw notFound("No such interview.");
}
