// Kudos and short comments a partner leaves for the person they follow. A note is both people's:
// the author may leave one only while they follow the person; the recipient sees it on the
// dashboard and in the next digest, may hide it, and may mute its author (lib/digest/load.ts reads
// the same rule in SQL: not hidden, from a partner who still follows and isn't muted).
import "server-only";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { partnershipFor } from "./index";
import type { PartnerNoteInput } from "../validation/partners";

/** Notes shown on the dashboard, newest first. */
const DASHBOARD_NOTES = 10;

export interface ReceivedNote {
  id: string;
  from: string;
  kind: "kudos" | "comment";
  body: string | null;
  /** The milestone's title, or the week ("2026-W49"). */
  on: string;
  createdAt: string;
}

export async function leaveNote(
  authorId: string,
  recipientId: string,
  input: PartnerNoteInput,
  now: Date = new Date(),
): Promise<{ id: string }> {
  await partnershipFor(authorId, recipientId);
  let skillId: string | null = null;
  if (input.milestoneId !== undefined) {
    // A milestone of the roadmap the person is on: kudos point at what the partner can see.
    const milestone = await db.milestone.findFirst({
      where: { id: input.milestoneId, roadmap: { enrollments: { some: { userId: recipientId, status: { in: ["active", "paused"] } } } } },
      select: { skillId: true },
    });
    if (!milestone)
      throw new AppError("bad_request", "Some fields need attention.", { milestoneId: ["Not a milestone on their roadmap."] });
    skillId = milestone.skillId;
  }
  const note = await db.partnerNote.create({
    data: {
      authorId,
      recipientId,
      kind: input.kind,
      body: input.body && input.body.length > 0 ? input.body : null,
      skillId,
      isoWeek: input.isoWeek ?? null,
      createdAt: now,
    },
    select: { id: true },
  });
  return note;
}

export async function receivedNotes(recipientId: string): Promise<ReceivedNote[]> {
  const rows = await db.partnerNote.findMany({
    where: { recipientId, hiddenAt: null, author: { partnershipsAsPartner: { some: { ownerId: recipientId, mutedAt: null } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DASHBOARD_NOTES,
    select: {
      id: true,
      kind: true,
      body: true,
      skillId: true,
      isoWeek: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  });
  const skillIds = rows.flatMap((r) => (r.skillId ? [r.skillId] : []));
  const skills = skillIds.length ? await db.skill.findMany({ where: { id: { in: skillIds } }, select: { id: true, title: true } }) : [];
  const titleOf = new Map(skills.map((s) => [s.id, s.title]));
  return rows.map((r) => ({
    id: r.id,
    from: r.author.name?.trim() || r.author.email,
    kind: r.kind,
    body: r.body,
    on: r.skillId ? (titleOf.get(r.skillId) ?? "a milestone") : `week ${r.isoWeek ?? ""}`.trim(),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Hides a note the caller received; it stays in their export. */
export async function hideNote(recipientId: string, noteId: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.partnerNote.updateMany({ where: { id: noteId, recipientId }, data: { hiddenAt: now } });
  if (count === 0) throw notFound("No such note.");
}
