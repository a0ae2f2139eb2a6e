// Job applications, their stage history and interviews: data access, every function taking the user
// it acts for. Another user's application is a 404, like one that doesn't exist.
//
// The first application sent (reaching "applied" or later) ticks the roadmap's "Apply for … roles"
// milestone through the normal tick path (tickSkillDone, source "application"), unless it is done or
// skipped already. The interview that brings the count up to the user's goal (5–10, PivotPlan) ticks
// "Get through your first 5–10 interviews" the same way (source "interview"), and so does lowering the
// goal to the count already logged: only on crossing it, so an un-tick by hand stays. Reads never tick.
import "server-only";
import { db } from "./db";
import { enrollmentOrder, openStatusWhere } from "./enrollments";
import { AppError, notFound } from "./errors";
import { INTERVIEW_GOAL_DEFAULT, INTERVIEWS_SKILL, interviewGoalProgress, type InterviewGoalProgress } from "./pivot/interview-goal";
import { readOffer, type OfferReading } from "./pivot/offer-bands";
import { pivotPace, type PivotPace } from "./pivot/pace";
import { CV_REWRITE_SKILL, EVAL_METHODOLOGY_SKILL, readinessChecklist, type Readiness } from "./pivot/readiness";
import { gapCheck, type GapCheck } from "./pivot/skill-match";
import { checkStageMove, isSentStage, nextStages, type ApplicationStage } from "./pivot/stages";
import { FEATURE_LAUNCH_SKILL } from "./pacing/rules";
import { tickSkillDone } from "./progress";
import { localToday } from "./calendar/zones";
import type { ApplicationCreate, ApplicationUpdate, InterviewCreate, PivotPlanUpdate, StageMove } from "./validation/applications";
import { dateOfIso, isoDateOf } from "./calendar/days";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const NOT_FOUND = "No such application.";

/** Which milestone a sent application ticks, by its track: each roadmap has its own "apply" skill. */
const APPLY_SKILL_BY_TRACK: Record<string, string | undefined> = {
  ml_engineer: "apply-ml-engineer-roles",
  ai_engineer: "apply-ai-engineer-roles",
};

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
      status: true,
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
    select: { skillId: true, status: true, note: true, evidenceUrl: true },
  });
  const bySkill = new Map(progress.map((p) => [p.skillId, p]));
  return {
    enrollmentId: enrollment.id,
    paused: enrollment.status === "paused",
    roadmap: { slug: enrollment.roadmap.slug, title: enrollment.roadmap.title },
    milestones: enrollment.roadmap.milestones.map((m) => ({
      milestoneId: m.id,
      skillId: m.skillId,
      title: m.title,
      skill: m.skill.slug,
      status: bySkill.get(m.skillId)?.status ?? ("not_started" as const),
      // Sent back with a status change (reopening a skill for review), which would otherwise clear them.
      note: bySkill.get(m.skillId)?.note ?? null,
      evidenceUrl: bySkill.get(m.skillId)?.evidenceUrl ?? null,
    })),
  };
}

/** Ticks the skill unless it is done or skipped already: a hand-made skip or tick is the user's. */
async function tickUnlessSettled(tx: Tx, userId: string, skill: string, now: Date, source: "application" | "interview"): Promise<void> {
  const current = await tx.milestoneProgress.findFirst({ where: { userId, skill: { slug: skill } }, select: { status: true } });
  if (current?.status === "done" || current?.status === "skipped") return;
  await tickSkillDone(tx, userId, skill, now, source);
}

/** Ticks the track's "apply" milestone on the first open enrolment that has it. */
async function tickApplied(tx: Tx, userId: string, track: string, now: Date): Promise<void> {
  const skill = APPLY_SKILL_BY_TRACK[track];
  if (skill) await tickUnlessSettled(tx, userId, skill, now, "application");
}

async function interviewCountOf(reader: Pick<Tx, "interview">, userId: string): Promise<number> {
  return reader.interview.count({ where: { application: { userId } } });
}

async function interviewGoalOf(reader: Pick<Tx, "pivotPlan">, userId: string): Promise<number> {
  const plan = await reader.pivotPlan.findUnique({ where: { userId }, select: { interviewGoal: true } });
  return plan?.interviewGoal ?? INTERVIEW_GOAL_DEFAULT;
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
    select: {
      id: true,
      heldOn: true,
      kind: true,
      felt: true,
      asked: true,
      wentBadly: true,
      revisitSkills: { select: { skill: { select: { slug: true, title: true } } } },
    },
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
  /** Its status now: a done one can be reopened as "in progress" to review it. */
  status: string | null;
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
  interviews: {
    id: string;
    heldOn: string;
    kind: string;
    felt: number;
    asked: string | null;
    wentBadly: string | null;
    revisitSkills: RevisitSkill[];
  }[];
  /** The job description's matched skills split by the user's progress; null without a description or a roadmap. */
  gaps: GapCheck | null;
  createdAt: string;
  updatedAt: string;
}

function toView(row: Row, context: Context): ApplicationView {
  const milestoneBySkill = new Map(context?.milestones.map((m) => [m.skill, m]) ?? []);
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
    nextStepOn: row.nextStepOn ? isoDateOf(row.nextStepOn) : null,
    notes: row.notes,
    jobDescription: row.jobDescription,
    offerBaseSalary: row.offerBaseSalary,
    offerLevel: row.offerLevel,
    offer: row.offerBaseSalary !== null && row.offerLevel ? readOffer(row.offerBaseSalary, row.offerLevel) : null,
    history: row.stageChanges.map((c) => ({
      fromStage: c.fromStage,
      toStage: c.toStage,
      changedOn: isoDateOf(c.changedOn),
      recordedAt: c.recordedAt.toISOString(),
    })),
    interviews: row.interviews.map((i) => ({
      id: i.id,
      heldOn: isoDateOf(i.heldOn),
      kind: i.kind,
      felt: i.felt,
      asked: i.asked,
      wentBadly: i.wentBadly,
      revisitSkills: i.revisitSkills.map(({ skill }) => {
        const milestone = milestoneBySkill.get(skill.slug);
        return { skill: skill.slug, title: skill.title, milestoneId: milestone?.milestoneId ?? null, status: milestone?.status ?? null };
      }),
    })),
    gaps: row.jobDescription && context ? gapCheck(row.jobDescription, context.milestones) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Next step soonest first; those without a date after, newest first: what needs doing leads the list. */
export function byNextStep(a: ApplicationView, b: ApplicationView): number {
  if (a.nextStepOn && b.nextStepOn)
    return a.nextStepOn < b.nextStepOn ? -1 : a.nextStepOn > b.nextStepOn ? 1 : a.createdAt.localeCompare(b.createdAt);
  if (a.nextStepOn || b.nextStepOn) return a.nextStepOn ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}

export interface PivotPlanView {
  interviewGoal: number;
  applicationsPerWeek: number | null;
  interviewsPerWeek: number | null;
}

export interface PivotOverview {
  today: string;
  /** The enrolment the page's milestones belong to (a reopened skill is set through it). */
  enrollmentId: string | null;
  roadmap: { slug: string; title: string } | null;
  /** The roadmap's milestones, for choosing skills to revise after an interview. */
  milestones: {
    milestoneId: string;
    skillId: string;
    title: string;
    skill: string;
    status: string;
    note: string | null;
    evidenceUrl: string | null;
  }[];
  applications: ApplicationView[];
  /** Interviews logged, over every application, and the milestone that counts them. */
  interviewCount: number;
  interviewsMilestone: { milestoneId: string; title: string; status: string } | null;
  applyMilestone: { milestoneId: string; title: string; status: string } | null;
  plan: PivotPlanView;
  interviewGoal: InterviewGoalProgress;
  /** Applications sent and interviews done a week against the targets (lib/pivot/pace.ts). */
  pace: PivotPace;
  /** The credibility check before applying (lib/pivot/readiness.ts). */
  readiness: Readiness;
}

/** The local date an application was sent: its first move to "applied" or later; null while saved. */
export function sentOn(history: ApplicationView["history"]): string | null {
  return history.find((h) => isSentStage(h.toStage))?.changedOn ?? null;
}

async function planOf(userId: string): Promise<PivotPlanView & { targetsSince: string | null }> {
  const plan = await db.pivotPlan.findUnique({
    where: { userId },
    select: { interviewGoal: true, applicationsPerWeek: true, interviewsPerWeek: true, targetsSince: true },
  });
  return {
    interviewGoal: plan?.interviewGoal ?? INTERVIEW_GOAL_DEFAULT,
    applicationsPerWeek: plan?.applicationsPerWeek ?? null,
    interviewsPerWeek: plan?.interviewsPerWeek ?? null,
    targetsSince: plan?.targetsSince ? isoDateOf(plan.targetsSince) : null,
  };
}

const READINESS_SKILLS = [FEATURE_LAUNCH_SKILL, EVAL_METHODOLOGY_SKILL, CV_REWRITE_SKILL];

async function readinessOf(userId: string): Promise<Readiness> {
  const [record, progress] = await Promise.all([
    db.shippedFeature.findUnique({ where: { userId }, select: { evalUrl: true } }),
    db.milestoneProgress.findMany({
      where: { userId, skill: { slug: { in: READINESS_SKILLS } } },
      select: { status: true, skill: { select: { slug: true } } },
    }),
  ]);
  return readinessChecklist({ record, statusBySkill: Object.fromEntries(progress.map((p) => [p.skill.slug, p.status])) });
}

/** Everything the /pivot page shows. Reads only. */
export async function getPivotOverview(userId: string, now: Date = new Date()): Promise<PivotOverview> {
  const [rows, context, timezone, plan, readiness] = await Promise.all([
    loadRows(userId),
    roadmapContext(userId),
    timeZoneOf(userId),
    planOf(userId),
    readinessOf(userId),
  ]);
  const applications = rows.map((row) => toView(row, context)).sort(byNextStep);
  const today = localToday(now, timezone);
  const interviewCount = applications.reduce((n, a) => n + a.interviews.length, 0);
  const find = (pred: (skill: string) => boolean) => {
    const m = context?.milestones.find((x) => pred(x.skill));
    return m ? { milestoneId: m.milestoneId, title: m.title, status: m.status } : null;
  };
  const { targetsSince, ...planView } = plan;
  return {
    today,
    enrollmentId: context?.enrollmentId ?? null,
    roadmap: context?.roadmap ?? null,
    milestones: context?.milestones ?? [],
    applications,
    interviewCount,
    interviewsMilestone: find((s) => s === INTERVIEWS_SKILL),
    applyMilestone: find((s) => Object.values(APPLY_SKILL_BY_TRACK).includes(s)),
    plan: planView,
    interviewGoal: interviewGoalProgress(interviewCount, plan.interviewGoal),
    pace: pivotPace({
      today,
      targets: { applicationsPerWeek: plan.applicationsPerWeek, interviewsPerWeek: plan.interviewsPerWeek },
      targetsSince,
      sentOn: applications.flatMap((a) => sentOn(a.history) ?? []),
      interviewsOn: applications.flatMap((a) => a.interviews.map((i) => i.heldOn)),
      paused: context?.paused ?? false,
    }),
    readiness,
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
      data: { userId, ...fields, nextStepOn: nextStepOn ? dateOfIso(nextStepOn) : null },
      select: { id: true },
    });
    await tx.applicationStageChange.create({
      data: { applicationId: created.id, fromStage: null, toStage: input.stage, changedOn: dateOfIso(stageOn ?? today) },
    });
    if (isSentStage(input.stage)) await tickApplied(tx, userId, input.track, now);
    return created.id;
  });
  return getApplication(userId, id);
}

export async function updateApplication(userId: string, id: string, input: ApplicationUpdate): Promise<ApplicationView> {
  const { nextStepOn, ...fields } = input;
  const { count } = await db.jobApplication.updateMany({
    where: { id, userId },
    data: { ...fields, ...(nextStepOn !== undefined ? { nextStepOn: nextStepOn ? dateOfIso(nextStepOn) : null } : {}) },
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
    const last = await tx.applicationStageChange.findFirst({
      where: { applicationId: id },
      orderBy: { id: "desc" },
      select: { changedOn: true },
    });
    const on = move.on ?? today;
    if (last && on < isoDateOf(last.changedOn)) {
      const reason = `The date can't be before the previous stage's (${isoDateOf(last.changedOn)}).`;
      throw new AppError("bad_request", "Some fields need attention.", { on: [reason] });
    }
    await tx.jobApplication.update({ where: { id }, data: { stage: move.stage } });
    await tx.applicationStageChange.create({
      data: { applicationId: id, fromStage: current.stage, toStage: move.stage, changedOn: dateOfIso(on) },
    });
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
export async function addInterview(
  userId: string,
  applicationId: string,
  input: InterviewCreate,
  now: Date = new Date(),
): Promise<ApplicationView> {
  const owned = await db.jobApplication.findFirst({ where: { id: applicationId, userId }, select: { id: true } });
  if (!owned) throw notFound(NOT_FOUND);
  refuseFuture(
    { heldOn: input.heldOn },
    localToday(now, await timeZoneOf(userId)),
    "Log an interview once it has happened: the date can't be in the future.",
  );
  const context = await roadmapContext(userId);
  // Only the current roadmap's live milestones: a skill to revise must have a milestone to link back to.
  const byId = new Map(context?.milestones.map((m) => [m.milestoneId, m.skillId]) ?? []);
  const skillIds = input.revisitMilestoneIds.map((milestoneId) => byId.get(milestoneId));
  if (skillIds.some((skillId) => skillId === undefined)) {
    throw new AppError("bad_request", "Some fields need attention.", { revisitMilestoneIds: ["Choose skills from your current roadmap."] });
  }
  const { revisitMilestoneIds: _ids, heldOn, ...fields } = input;
  await db.$transaction(async (tx) => {
    // Two interviews logged at once must count each other, or both could miss the goal. "No key update"
    // queues them behind each other but not behind ticks (which take the user row "for key share").
    await tx.$queryRaw`select 1 from "User" where id = ${userId} for no key update`;
    const before = await interviewCountOf(tx, userId);
    await tx.interview.create({
      data: {
        applicationId,
        ...fields,
        heldOn: dateOfIso(heldOn),
        revisitSkills: { create: skillIds.flatMap((skillId) => (skillId ? [{ skillId }] : [])) },
      },
    });
    const goal = await interviewGoalOf(tx, userId);
    if (before < goal && before + 1 >= goal) await tickUnlessSettled(tx, userId, INTERVIEWS_SKILL, now, "interview");
  });
  return getApplication(userId, applicationId);
}

/** Removes one interview of the user's application. */
export async function deleteInterview(userId: string, applicationId: string, interviewId: string): Promise<void> {
  const { count } = await db.interview.deleteMany({ where: { id: interviewId, applicationId, application: { userId } } });
  if (count === 0) throw notFound("No such interview.");
}

/** The user's pivot numbers; without a saved plan, the defaults. Reads only. */
export async function getPivotPlan(userId: string): Promise<PivotPlanView> {
  const { interviewGoal, applicationsPerWeek, interviewsPerWeek } = await planOf(userId);
  return { interviewGoal, applicationsPerWeek, interviewsPerWeek };
}

/**
 * Saves the interview goal and weekly targets (fields left out keep their value). A changed target
 * restarts the pace from this week (like a replan: the new number is judged from its first whole
 * week). A goal lowered to the interviews already logged ticks the interviews milestone then.
 */
export async function savePivotPlan(userId: string, input: PivotPlanUpdate, now: Date = new Date()): Promise<PivotPlanView> {
  const today = localToday(now, await timeZoneOf(userId));
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`insert into "PivotPlan" ("userId", "updatedAt") values (${userId}, ${now}) on conflict ("userId") do nothing`;
    const [old] = await tx.$queryRaw<{ interviewGoal: number; applicationsPerWeek: number | null; interviewsPerWeek: number | null }[]>`
      select "interviewGoal", "applicationsPerWeek", "interviewsPerWeek" from "PivotPlan" where "userId" = ${userId} for update`;
    if (!old) throw notFound("No such user.");
    const next = { ...old, ...input };
    const targetsChanged = next.applicationsPerWeek !== old.applicationsPerWeek || next.interviewsPerWeek !== old.interviewsPerWeek;
    await tx.pivotPlan.update({ where: { userId }, data: { ...input, ...(targetsChanged ? { targetsSince: dateOfIso(today) } : {}) } });
    const count = await interviewCountOf(tx, userId);
    if (count < old.interviewGoal && count >= next.interviewGoal) await tickUnlessSettled(tx, userId, INTERVIEWS_SKILL, now, "interview");
  });
  return getPivotPlan(userId);
}

/** The interviews milestone's count for the dashboard's row. Reads only. */
export async function getInterviewGoal(userId: string): Promise<InterviewGoalProgress> {
  const [count, goal] = await Promise.all([interviewCountOf(db, userId), interviewGoalOf(db, userId)]);
  return interviewGoalProgress(count, goal);
}
