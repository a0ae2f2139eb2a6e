// The public progress page: an unguessable link that shows one user's roadmap, phase progress and
// pace, and nothing else (no name, email, notes, evidence or check-ins). Off by default. Every
// function takes the user it acts for, except getPublicProgress: the token is the only credential
// a visitor has. The link itself is lib/secret-links.ts's, shared with the calendar feed.
import { currentEnrollment } from "./enrollment-status";
import { listEnrollments } from "./enrollments";
import type { PacingStatus, VerdictTone } from "./pacing";
import { publicPaceHeadline } from "./pacing/headline";
import { getDashboard } from "./progress";
import { getPacing } from "./progress/pacing";
import { progressShare } from "./progress/summary";
import {
  isSecretToken,
  issueSecretLink,
  revokeSecretLink,
  secretLinkStatus,
  userOfSecretLink,
  type SecretLinkStatus,
} from "./secret-links";

export const isPublicToken = isSecretToken;

export const publicPagePath = (token: string) => `/p/${token}`;

export type PublicPageStatus = SecretLinkStatus;

/**
 * Turns the page on with a new link, replacing any earlier one (which stops working at once).
 * The token leaves the server only in this answer: it can't be shown again later (lib/secret-links.ts).
 */
export async function enablePublicPage(userId: string, now: Date = new Date()): Promise<{ path: string; since: Date }> {
  const { token, since } = await issueSecretLink(userId, "public_page", now);
  return { path: publicPagePath(token), since };
}

/** Turns the page off: its link answers 404 from now on. Turning it off twice is not an error. */
export const disablePublicPage = (userId: string): Promise<void> => revokeSecretLink(userId, "public_page");

export const publicPageStatus = (userId: string): Promise<PublicPageStatus> => secretLinkStatus(userId, "public_page");

export interface PublicPhase {
  title: string;
  /** Milestones done, of those that count (skipped ones don't). */
  done: number;
  total: number;
  /** Share of the phase's effort done, 0–1. */
  share: number;
}

export interface PublicProgress {
  /** Null when the user is on no roadmap at the moment (none active or paused). */
  roadmap: {
    /** The catalogue's roadmap: public already at /roadmaps/<slug>. */
    slug: string;
    title: string;
    status: PacingStatus;
    statusLabel: string;
    /** The verdict's colour (lib/pacing/verdict.ts), the same as the owner's dashboard badge. */
    tone: VerdictTone;
    headline: string;
    paused: boolean;
    share: number;
    phases: PublicPhase[];
  } | null;
}

/**
 * What the public page shows for a token, or null when no page has that token (never had, turned
 * off or replaced). The roadmap is the user's first open enrolment, the one their dashboard opens
 * on. Built field by field from the dashboard and pacing reads, so nothing private can ride along.
 */
export async function getPublicProgress(token: string, now: Date = new Date()): Promise<PublicProgress | null> {
  const userId = await userOfSecretLink("public_page", token);
  if (!userId) return null;
  const open = currentEnrollment(await listEnrollments(userId));
  if (!open) return { roadmap: null };
  const [dashboard, pacing] = await Promise.all([getDashboard(userId, open.id), getPacing(userId, open.id, now)]);
  return {
    roadmap: {
      slug: dashboard.enrollment.roadmap.slug,
      title: dashboard.enrollment.roadmap.title,
      status: pacing.verdict.status,
      statusLabel: pacing.verdict.label,
      tone: pacing.verdict.tone,
      headline: publicPaceHeadline(pacing),
      paused: pacing.paused,
      share: pacing.actual.share,
      phases: dashboard.phases.map((phase) => {
        const summary = progressShare(phase.milestones);
        return { title: phase.title, done: summary.done, total: summary.count - summary.skipped, share: summary.share };
      }),
    },
  };
}
