// The public progress page: an unguessable link that shows one user's roadmap, phase progress and
// pace, and nothing else (no name, email, notes, evidence or check-ins). Off by default. Every
// function takes the user it acts for, except getPublicProgress: the token is the only credential
// a visitor has.
import { createHash, randomBytes } from "node:crypto";
import { db } from "./db";
import { listEnrollments } from "./enrollments";
import { notFound } from "./errors";
import type { PacingStatus, VerdictTone } from "./pacing";
import { publicPaceHeadline } from "./pacing/headline";
import { getDashboard } from "./progress";
import { getPacing } from "./progress/pacing";
import { progressShare } from "./progress/summary";

/** 32 random bytes, base64url without padding: exactly 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const isPublicToken = (token: string): boolean => TOKEN_SHAPE.test(token);

/**
 * Only this hash is stored: someone who reads the database (or a backup) can't open anyone's page.
 * A plain SHA-256 is enough, unlike a password's: the token has 256 random bits, nothing to guess.
 */
export const hashPublicToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const publicPagePath = (token: string) => `/p/${token}`;

export interface PublicPageStatus {
  enabled: boolean;
  /** When the current link was made. */
  since: Date | null;
}

/**
 * Turns the page on with a new link, replacing any earlier one (which stops working at once).
 * The token leaves the server only in this answer: it can't be shown again later.
 */
export async function enablePublicPage(userId: string, now: Date = new Date()): Promise<{ path: string; since: Date }> {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { publicTokenHash: hashPublicToken(token), publicSince: now } });
  if (count === 0) throw notFound("No such user.");
  return { path: publicPagePath(token), since: now };
}

/** Turns the page off: its link answers 404 from now on. Turning it off twice is not an error. */
export async function disablePublicPage(userId: string): Promise<void> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { publicTokenHash: null, publicSince: null } });
  if (count === 0) throw notFound("No such user.");
}

export async function publicPageStatus(userId: string): Promise<PublicPageStatus> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { publicTokenHash: true, publicSince: true } });
  if (!user) throw notFound("No such user.");
  return { enabled: user.publicTokenHash !== null, since: user.publicSince };
}

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
  if (!isPublicToken(token)) return null;
  const user = await db.user.findUnique({ where: { publicTokenHash: hashPublicToken(token) }, select: { id: true } });
  if (!user) return null;
  const open = (await listEnrollments(user.id)).find((e) => e.status === "active" || e.status === "paused");
  if (!open) return { roadmap: null };
  const [dashboard, pacing] = await Promise.all([getDashboard(user.id, open.id), getPacing(user.id, open.id, now)]);
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
