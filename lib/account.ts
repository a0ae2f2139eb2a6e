// The signed-in user's own settings. Every function takes the user it acts for.
import "server-only";
import { openStatusWhere } from "./enrollments";
import { db } from "./db";
import { normalizeEmailAddress } from "./email-address";
import { AppError, notFound } from "./errors";
import type { Prisma } from "./generated/prisma/client";
import type { SettingsUpdate } from "./validation/settings";
import { userLimitKeys } from "./rate-limit";
import { isoDateOf } from "./calendar/days";

export interface Settings {
  email: string;
  name: string | null;
  timezone: string;
  digestEnabled: boolean;
  digestWeekday: number;
  digestHour: number;
}

const select = { email: true, name: true, timezone: true, digestEnabled: true, digestWeekday: true, digestHour: true } as const;

export async function getSettings(userId: string): Promise<Settings> {
  const user = await db.user.findUnique({ where: { id: userId }, select });
  if (!user) throw notFound("No such user.");
  return user;
}

/** An open (active or paused) enrolment's zone, for Settings to say what moving it would change. */
export interface OpenEnrollmentZone {
  id: string;
  roadmapTitle: string;
  timezone: string;
}

// Open = active or paused, the rule of the one-open-enrolment-per-roadmap index.

export async function openEnrollmentZones(userId: string): Promise<OpenEnrollmentZone[]> {
  const rows = await db.enrollment.findMany({
    where: { userId, status: openStatusWhere },
    orderBy: { createdAt: "asc" },
    select: { id: true, timezone: true, roadmap: { select: { title: true } } },
  });
  return rows.map((r) => ({ id: r.id, roadmapTitle: r.roadmap.title, timezone: r.timezone }));
}

export async function updateSettings(userId: string, update: SettingsUpdate): Promise<Settings & { movedEnrollments: number }> {
  const { moveOpenEnrollments, ...fields } = update;
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: fields });
    if (count === 0) throw notFound("No such user.");
    // The enrolment keeps its own zone (its days and weeks) unless the user asks to move it; one
    // transaction, so the account and the roadmap never disagree after a half-done save.
    const moved =
      moveOpenEnrollments && fields.timezone
        ? await tx.enrollment.updateMany({
            where: { userId, status: openStatusWhere, timezone: { not: fields.timezone } },
            data: { timezone: fields.timezone },
          })
        : { count: 0 };
    const settings = await tx.user.findUniqueOrThrow({ where: { id: userId }, select });
    return { ...settings, movedEnrollments: moved.count };
  });
}

/** Signs the user out everywhere: every session row goes, so every cookie stops working at once. */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/**
 * What the export's one query reads. Credentials (OAuth tokens, link, feed and invitation hashes) stay
 * out by never being selected here.
 */
const exportSelect = {
  email: true,
  name: true,
  timezone: true,
  digestEnabled: true,
  digestWeekday: true,
  digestHour: true,
  // When the public progress page's current link was made; the link's hash is a credential, not data.
  publicSince: true,
  // Whether the calendar feed is on and since when; never its token or hash (a credential).
  calendarSince: true,
  createdAt: true,
  accounts: { select: { provider: true } },
  enrollments: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      roadmap: { select: { slug: true, title: true } },
      startDate: true,
      targetMonths: true,
      weeklyHours: true,
      timezone: true,
      status: true,
      createdAt: true,
      endedAt: true,
      changes: { orderBy: { at: "asc" }, select: { kind: true, at: true, fromTargetMonths: true, toTargetMonths: true } },
    },
  },
  progress: {
    orderBy: { skillId: "asc" },
    select: {
      skill: { select: { slug: true, title: true } },
      status: true,
      note: true,
      evidenceUrl: true,
      startedAt: true,
      completedAt: true,
      updatedAt: true,
    },
  },
  progressEvents: {
    orderBy: { id: "asc" },
    select: {
      skill: { select: { slug: true } },
      enrollmentId: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      evidenceUrl: true,
      source: true,
      checkInId: true,
      occurredAt: true,
    },
  },
  checkIns: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      enrollmentId: true,
      isoWeek: true,
      hours: true,
      confidence: true,
      note: true,
      createdAt: true,
      updatedAt: true,
    },
  },
  digestDeliveries: {
    orderBy: { isoWeek: "asc" },
    select: { isoWeek: true, status: true, attempts: true, scheduledFor: true, sentAt: true },
  },
  partnerCopyEnabled: true,
  partnerCopies: {
    orderBy: { isoWeek: "asc" },
    select: { isoWeek: true, status: true, attempts: true, scheduledFor: true, sentAt: true },
  },
  // Accountability partners, both ways; invitations without their token hash (a credential).
  partnersOfMine: {
    orderBy: { createdAt: "asc" },
    select: { role: true, shares: true, mutedAt: true, createdAt: true, partner: { select: { name: true, email: true } } },
  },
  partnershipsAsPartner: {
    orderBy: { createdAt: "asc" },
    select: { role: true, shares: true, createdAt: true, owner: { select: { name: true } } },
  },
  partnerInvitations: {
    orderBy: { createdAt: "asc" },
    select: { email: true, role: true, shares: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  },
  partnerNotesReceived: {
    orderBy: { createdAt: "asc" },
    select: {
      kind: true,
      body: true,
      isoWeek: true,
      skill: { select: { slug: true } },
      hiddenAt: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  },
  partnerNotesGiven: {
    orderBy: { createdAt: "asc" },
    select: {
      kind: true,
      body: true,
      isoWeek: true,
      skill: { select: { slug: true } },
      createdAt: true,
      recipient: { select: { name: true } },
    },
  },
  assessment: { omit: { userId: true } },
  // Every column but keys and bookkeeping, so a field added to the record is exported without a second list.
  shippedFeature: {
    omit: { id: true, userId: true, autoCompletedFor: true },
    include: { incidents: { orderBy: { position: "asc" }, omit: { id: true, featureId: true, position: true } } },
  },
  pivotPlan: { omit: { userId: true } },
  applications: {
    orderBy: { createdAt: "asc" },
    omit: { userId: true },
    include: {
      stageChanges: { orderBy: { id: "asc" }, select: { fromStage: true, toStage: true, changedOn: true, recordedAt: true } },
      interviews: {
        orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
        omit: { applicationId: true },
        include: { revisitSkills: { select: { skill: { select: { slug: true } } } } },
      },
    },
  },
} satisfies Prisma.UserSelect;

type ExportedUser = Prisma.UserGetPayload<{ select: typeof exportSelect }>;

/**
 * Everything Waypoint holds about the user, as plain JSON (UK GDPR articles 15 and 20). OAuth tokens
 * are credentials, not data about the user: only which providers are linked is included.
 */
export async function exportAccount(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: exportSelect });
  if (!user) throw notFound("No such user.");
  const {
    accounts,
    progressEvents,
    checkIns,
    assessment,
    shippedFeature,
    applications,
    pivotPlan,
    calendarSince,
    partnersOfMine,
    partnershipsAsPartner,
    partnerInvitations,
    partnerNotesReceived,
    partnerNotesGiven,
    partnerCopies,
    ...profile
  } = user;
  return {
    exportedAt: new Date().toISOString(),
    format: "waypoint-export/1",
    profile: {
      ...profile,
      calendarFeed: { enabled: calendarSince !== null, since: calendarSince },
      linkedSignInProviders: accounts.map((a) => a.provider),
    },
    progressEvents: progressEvents.map(({ skill, ...e }) => ({ skill: skill.slug, ...e })),
    checkIns: checkIns.map((c) => ({ ...c, hours: c.hours.toNumber() })),
    /** The self-assessment's answers and the recommendation given for them; null if never taken. */
    assessment,
    shippedFeature: shippedFeature && exportedShippedFeature(shippedFeature),
    /** The interview goal and weekly targets of the pivot phase; null if never saved. */
    pivotPlan: pivotPlan && { ...pivotPlan, targetsSince: pivotPlan.targetsSince && isoDateOf(pivotPlan.targetsSince) },
    /** Who follows the user, whom the user follows, the invitations they sent, and the kudos and comments both ways. */
    partners: exportedPartners(user),
    /** Job applications with their stage history and interviews (skills to revise by slug). */
    applications: applications.map(exportedApplication),
  };
}

/** The shipped-feature record with its dates as ISO days. */
function exportedShippedFeature(shippedFeature: NonNullable<ExportedUser["shippedFeature"]>) {
  return {
    ...shippedFeature,
    launchDate: isoDateOf(shippedFeature.launchDate),
    incidents: shippedFeature.incidents.map((i) => ({ ...i, occurredOn: isoDateOf(i.occurredOn) })),
  };
}

/** The export's `partners` section, with each other person by name (and email where the user already sees it). */
function exportedPartners(user: ExportedUser) {
  return {
    followers: user.partnersOfMine.map(({ partner, ...p }) => ({ ...p, partnerName: partner.name, partnerEmail: partner.email })),
    following: user.partnershipsAsPartner.map(({ owner, ...p }) => ({ ...p, personName: owner.name })),
    invitationsSent: user.partnerInvitations,
    notesReceived: user.partnerNotesReceived.map(({ skill, author, ...n }) => ({
      ...n,
      milestoneSkill: skill?.slug ?? null,
      fromName: author.name,
      fromEmail: author.email,
    })),
    notesGiven: user.partnerNotesGiven.map(({ skill, recipient, ...n }) => ({
      ...n,
      milestoneSkill: skill?.slug ?? null,
      toName: recipient.name,
    })),
    weeklyCopies: user.partnerCopies,
  };
}

/** One job application with its dates as ISO days and its interviews' skills to revise by slug. */
function exportedApplication({ stageChanges, interviews, nextStepOn, ...a }: ExportedUser["applications"][number]) {
  return {
    ...a,
    nextStepOn: nextStepOn && isoDateOf(nextStepOn),
    stageHistory: stageChanges.map((c) => ({ ...c, changedOn: isoDateOf(c.changedOn) })),
    interviews: interviews.map(({ revisitSkills, heldOn, ...i }) => ({
      ...i,
      heldOn: isoDateOf(heldOn),
      revisitSkills: revisitSkills.map((r) => r.skill.slug),
    })),
  };
}

/**
 * Deletes the account and everything it owns in one transaction: the user row (sessions, linked
 * accounts, enrolments, progress, events, check-ins, deliveries, the self-assessment, the shipped-feature record with its incidents, job applications with their stage history and interviews, the pivot plan, partnerships both ways, invitations sent, kudos and comments given and received, and weekly-copy deliveries go with it by cascade; the public page's and calendar feed's link hashes are its columns), pending
 * sign-in links, development-outbox mail, any weekly email still queued for them, and their rate-limit counts. The caller
 * must type their email: a stolen open session alone can't do it by accident.
 */
export async function deleteAccount(userId: string, confirmEmail: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("No such user.");
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("bad_request", "Some fields need attention.", {
      confirmEmail: ["Type your email address exactly as shown to confirm."],
    });
  }
  await db.$transaction(async (tx) => {
    // pg-boss's tables live in the same database, so its queued jobs go in the same transaction.
    const [queue] = await tx.$queryRaw<{ exists: boolean }[]>`select to_regclass('pgboss.job') is not null as exists`;
    if (queue?.exists) await tx.$executeRaw`delete from pgboss.job where name like 'digest-%' and data->>'userId' = ${userId}`;
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    // Invitations others sent to this address name it; the user's own partnerships, invitations and
    // notes (given and received) go with the user row by cascade.
    await tx.partnerInvitation.deleteMany({ where: { email: normalizeEmailAddress(user.email) } });
    await tx.outboxMessage.deleteMany({ where: { to: user.email } });
    // The per-user rate-limit counts name the user id; they would expire, but go now.
    await tx.$executeRaw`delete from "UserRateLimit" where key = any(${userLimitKeys(userId)})`;
    await tx.user.delete({ where: { id: userId } });
  });
}
