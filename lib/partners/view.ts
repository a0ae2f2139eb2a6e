// What a partner reads: one person's view (exactly the shared fields, through projectForPartner)
// and the cohort list of everyone they follow. Both authorize the partner per person first.
import "server-only";
import { db } from "../db";
import { listCheckIns, streakOf } from "../checkins";
import { loadDigestInputs } from "../digest/load";
import { digestLinks } from "../digest/deliver";
import { listEnrollments } from "../enrollments";
import { publicPaceHeadline } from "../pacing/headline";
import { getDashboard } from "../progress";
import { getPacing } from "../progress/pacing";
import { progressShare } from "../progress/summary";
import { getShippedOverview } from "../shipped";
import { outcomeChange } from "../shipped/cv-bullets";
import { cohortRow, sortCohort, type CohortRow, type CohortSort } from "./cohort";
import { partnershipFor } from "./index";
import { normaliseShares, projectForPartner, type PartnerSource, type PartnerView, type ShareField } from "./share";

/** Check-ins shown with their text or confidence, when those are shared. */
const RECENT_CHECK_INS = 8;

/** Everything the view could hold for one person; projectForPartner decides what leaves. */
async function partnerSource(ownerId: string, now: Date): Promise<PartnerSource> {
  const [owner, enrollments, streak, shipped, checkIns] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { name: true, email: true } }),
    listEnrollments(ownerId),
    streakOf(ownerId, now),
    getShippedOverview(ownerId, now),
    listCheckIns(ownerId, { limit: RECENT_CHECK_INS }),
  ]);
  const open = enrollments.find((e) => e.status === "active" || e.status === "paused");
  const [dashboard, pacing] = open ? await Promise.all([getDashboard(ownerId, open.id), getPacing(ownerId, open.id, now)]) : [null, null];
  const record = shipped.record;
  return {
    name: owner.name,
    email: owner.email,
    roadmap: dashboard && {
      slug: dashboard.enrollment.roadmap.slug,
      title: dashboard.enrollment.roadmap.title,
      phases: dashboard.phases.map((phase) => {
        const summary = progressShare(phase.milestones);
        return {
          title: phase.title,
          done: summary.done,
          total: summary.count - summary.skipped,
          share: summary.share,
          milestones: phase.milestones.map((m) => ({
            id: m.id,
            title: m.title,
            status: m.status,
            note: m.note,
            evidenceUrl: m.evidenceUrl,
          })),
        };
      }),
    },
    pace: pacing && {
      status: pacing.verdict.status,
      label: pacing.verdict.label,
      tone: pacing.verdict.tone,
      headline: publicPaceHeadline(pacing),
      bufferDays: pacing.bufferDays,
      share: pacing.actual.share,
      paused: pacing.paused,
    },
    thisWeek: pacing && {
      week: pacing.thisWeek.week,
      budgetHours: pacing.thisWeek.budgetHours,
      loggedHours: pacing.thisWeek.loggedHours,
      items: pacing.thisWeek.items.map((i) => ({ title: i.title, hours: i.hours })),
    },
    shipped: record && {
      title: record.title,
      launchDate: record.launchDate,
      outcome: outcomeChange(record),
      incidentDates: record.incidents.map((i) => i.occurredOn),
    },
    streak: { weeks: streak.weeks, lastCheckInWeek: checkIns[0]?.isoWeek ?? null },
    checkIns: checkIns.map((c) => ({ week: c.isoWeek, note: c.note, confidence: c.confidence })),
  };
}

export interface FollowedPerson {
  ownerId: string;
  role: string;
  shares: ShareField[];
  view: PartnerView;
}

/** One person's view for a partner who follows them; 404 for anyone else (or after revocation). */
export async function partnerView(partnerId: string, ownerId: string, now: Date = new Date()): Promise<FollowedPerson> {
  const partnership = await partnershipFor(partnerId, ownerId);
  return {
    ownerId,
    role: partnership.role,
    shares: partnership.shares,
    view: projectForPartner(partnership.shares, await partnerSource(ownerId, now)),
  };
}

/**
 * Everyone the partner follows, one row each, in a constant number of statements whatever their
 * number: the partnerships, then the digest's batch read (one statement for all of them, plus each
 * roadmap's tree the first time this process reads it). The digest's reading is reused, not
 * re-spelled, so the verdicts here are the dashboard's and the email's.
 */
export async function cohortOf(partnerId: string, sort: CohortSort = "attention", now: Date = new Date()): Promise<CohortRow[]> {
  const partnerships = await db.partnership.findMany({
    where: { partnerId },
    select: { ownerId: true, role: true, shares: true, owner: { select: { name: true } } },
  });
  if (partnerships.length === 0) return [];
  const inputs = await loadDigestInputs(
    partnerships.map((p) => ({ userId: p.ownerId, week: "", at: now })),
    (id) => digestLinks(id),
    { evenIfOff: true },
  );
  const rows = partnerships.map((p) => {
    const input = inputs.get(p.ownerId);
    return cohortRow(
      { ownerId: p.ownerId, name: p.owner.name, role: p.role, shares: normaliseShares(p.shares) },
      input
        ? {
            verdict: { status: input.pace.verdict.status, label: input.pace.verdict.label, tone: input.pace.verdict.tone },
            bufferDays: input.pace.bufferDays,
            streakWeeks: input.streak.weeks,
            lastCheckInWeek: input.lastCheckInWeek,
            thisWeek: { loggedHours: input.thisWeek.loggedHours, budgetHours: input.thisWeek.budgetHours },
          }
        : null,
    );
  });
  return sortCohort(rows, sort);
}
