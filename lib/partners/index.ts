// Accountability partners: invitations, partnerships, the partner's view and cohort list, and the
// notes partners leave. Every function takes the user it acts for. A partner is authorized per
// person by their Partnership row, read on every call: removing it revokes everything at once.
// Someone they don't follow is as unknown to them as a missing user (404, never 403).
import "server-only";
import { db } from "../db";
import { normalizeEmailAddress, parseEmailAddress } from "../email-address";
import { env } from "../env";
import { AppError, notFound } from "../errors";
import { sendMail } from "../mail";
import { formatDay } from "../calendar/days";
import { localDayOf } from "../calendar/zones";
import { invitationExpiry, invitationState, type InvitationState } from "./invitation";
import { invitationMail } from "./mail";
import { normaliseShares, type ShareField } from "./share";
import { hashSecretToken, isSecretToken, makeSecretToken } from "../secret-links";
import type { PartnerInvite, PartnerRole } from "../validation/partners";

export const invitationPath = (token: string) => `/partners/invite/${token}`;

export interface PartnerListing {
  /** People who follow the caller, with what each may see. */
  partners: { id: string; name: string | null; email: string; role: PartnerRole; shares: ShareField[]; muted: boolean; since: string }[];
  /** Invitations not yet accepted, withdrawn or expired. */
  pending: { id: string; email: string; role: PartnerRole; shares: ShareField[]; expiresAt: string }[];
}

export async function listPartners(ownerId: string, now: Date = new Date()): Promise<PartnerListing> {
  const [partners, pending] = await Promise.all([
    db.partnership.findMany({
      where: { ownerId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, shares: true, mutedAt: true, createdAt: true, partner: { select: { name: true, email: true } } },
    }),
    db.partnerInvitation.findMany({
      where: { ownerId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, role: true, shares: true, expiresAt: true },
    }),
  ]);
  return {
    partners: partners.map((p) => ({
      id: p.id,
      name: p.partner.name,
      email: p.partner.email,
      role: p.role,
      shares: normaliseShares(p.shares),
      muted: p.mutedAt !== null,
      since: p.createdAt.toISOString(),
    })),
    pending: pending.map((i) => ({ ...i, shares: normaliseShares(i.shares), expiresAt: i.expiresAt.toISOString() })),
  };
}

const fieldError = (field: string, message: string) => new AppError("bad_request", "Some fields need attention.", { [field]: [message] });

/**
 * Makes an invitation and emails its link to the address. The token leaves the server only in that
 * email; only its hash is stored. Inviting the same address again sends a new link and withdraws
 * the earlier one, so at most one is open per address.
 */
export async function invitePartner(
  ownerId: string,
  input: PartnerInvite,
  now: Date = new Date(),
): Promise<{ id: string; email: string; expiresAt: string }> {
  const parsed = parseEmailAddress(input.email);
  if (!parsed.ok) throw fieldError("email", parsed.message);
  const email = parsed.address.address;
  const owner = await db.user.findUnique({ where: { id: ownerId }, select: { email: true, name: true, timezone: true } });
  if (!owner) throw notFound("No such user.");
  if (normalizeEmailAddress(owner.email) === email) throw fieldError("email", "That is your own address: invite someone else.");
  const already = await db.partnership.count({ where: { ownerId, partner: { email } } });
  if (already > 0) throw fieldError("email", "They already follow you.");

  const { token, hash } = makeSecretToken();
  const expiresAt = invitationExpiry(now);
  const invitation = await db.$transaction(async (tx) => {
    await tx.partnerInvitation.updateMany({ where: { ownerId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    return tx.partnerInvitation.create({
      data: { ownerId, email, role: input.role, shares: normaliseShares(input.shares), tokenHash: hash, expiresAt, createdAt: now },
      select: { id: true },
    });
  });
  const base = env.NEXTAUTH_URL.replace(/\/$/, "");
  const expiresOn = formatDay(localDayOf(expiresAt, owner.timezone));
  await sendMail({
    to: parsed.address,
    ...invitationMail({ inviter: owner.name ?? owner.email, role: input.role, acceptUrl: `${base}${invitationPath(token)}`, expiresOn }),
  });
  return { id: invitation.id, email, expiresAt: expiresAt.toISOString() };
}

/** Withdraws an open invitation of the caller's: its link then says so. */
export async function withdrawInvitation(ownerId: string, invitationId: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.partnerInvitation.updateMany({
    where: { id: invitationId, ownerId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw notFound("No such invitation.");
}

export interface InvitationView {
  state: InvitationState;
  inviter: string;
  role: PartnerRole;
  email: string;
  shares: ShareField[];
}

/** What the invitation page shows for a token (reads only), or null for a token no invitation has. */
export async function invitationByToken(token: string, now: Date = new Date()): Promise<InvitationView | null> {
  if (!isSecretToken(token)) return null;
  const row = await db.partnerInvitation.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      email: true,
      role: true,
      shares: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      owner: { select: { name: true, email: true } },
    },
  });
  if (!row) return null;
  return {
    state: invitationState(row, now),
    inviter: row.owner.name ?? "Someone on Waypoint",
    role: row.role,
    email: row.email,
    shares: normaliseShares(row.shares),
  };
}

const REFUSED: Record<Exclude<InvitationState, "open">, string> = {
  accepted: "This invitation has already been used.",
  withdrawn: "This invitation was withdrawn.",
  expired: "This invitation has expired. Ask for a new one.",
};

/**
 * Accepts an invitation for the signed-in user: the address it was sent to must be theirs (the
 * email is the proof they were the one invited). Single use: the row is marked accepted by a
 * conditional update, so of two racing accepts one wins and the other is refused.
 */
export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
  now: Date = new Date(),
): Promise<{ ownerId: string }> {
  const invitation = await invitationByToken(token, now);
  if (!invitation) throw notFound("No such invitation.");
  if (invitation.state !== "open") throw new AppError("conflict", REFUSED[invitation.state]);
  if (normalizeEmailAddress(user.email) !== invitation.email) {
    throw new AppError("forbidden", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  const hash = hashSecretToken(token);
  return db.$transaction(async (tx) => {
    const { count } = await tx.partnerInvitation.updateMany({
      where: { tokenHash: hash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count === 0) throw new AppError("conflict", REFUSED.accepted);
    const row = await tx.partnerInvitation.findUniqueOrThrow({
      where: { tokenHash: hash },
      select: { ownerId: true, role: true, shares: true },
    });
    if (row.ownerId === user.id) throw new AppError("forbidden", "You can't follow yourself.");
    // Accepting a second invitation from the same person takes its role and field set.
    await tx.partnership.upsert({
      where: { ownerId_partnerId: { ownerId: row.ownerId, partnerId: user.id } },
      create: { ownerId: row.ownerId, partnerId: user.id, role: row.role, shares: row.shares, createdAt: now },
      update: { role: row.role, shares: row.shares },
    });
    return { ownerId: row.ownerId };
  });
}

async function ownPartnership(ownerId: string, partnershipId: string) {
  const row = await db.partnership.findFirst({ where: { id: partnershipId, ownerId }, select: { id: true } });
  if (!row) throw notFound("No such partner.");
  return row;
}

/** Changes what one of the caller's partners may see; the partner's next read shows exactly that. */
export async function updatePartner(
  ownerId: string,
  partnershipId: string,
  change: { shares?: readonly ShareField[]; muted?: boolean },
  now: Date = new Date(),
): Promise<void> {
  await ownPartnership(ownerId, partnershipId);
  await db.partnership.updateMany({
    where: { id: partnershipId, ownerId },
    data: {
      ...(change.shares ? { shares: normaliseShares(change.shares) } : {}),
      ...(change.muted === undefined ? {} : { mutedAt: change.muted ? now : null }),
    },
  });
}

/**
 * Ends a partnership, from either side: the owner removes a partner, or the partner leaves. Their
 * view 404s from the next request, and any weekly copy still queued for the partner is composed
 * from partnerships when it is sent, so it no longer mentions this person (or isn't sent at all).
 */
export async function removePartner(ownerId: string, partnershipId: string): Promise<void> {
  const { count } = await db.partnership.deleteMany({ where: { id: partnershipId, ownerId } });
  if (count === 0) throw notFound("No such partner.");
}

export async function leavePartnership(partnerId: string, ownerId: string): Promise<void> {
  const { count } = await db.partnership.deleteMany({ where: { ownerId, partnerId } });
  if (count === 0) throw notFound("No such person.");
}

/** The partnership that lets `partnerId` see `ownerId`, or a 404. Every read of a partner goes through it. */
export async function partnershipFor(partnerId: string, ownerId: string) {
  const row = await db.partnership.findUnique({
    where: { ownerId_partnerId: { ownerId, partnerId } },
    select: { id: true, role: true, shares: true, mutedAt: true },
  });
  if (!row) throw notFound("No such person.");
  return { ...row, shares: normaliseShares(row.shares) };
}

/** The partner's weekly copy: one email about everyone they follow, off until they turn it on. */
export async function setPartnerCopy(userId: string, enabled: boolean): Promise<void> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { partnerCopyEnabled: enabled } });
  if (count === 0) throw notFound("No such user.");
}

export async function partnerCopyEnabled(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { partnerCopyEnabled: true } });
  if (!user) throw notFound("No such user.");
  return user.partnerCopyEnabled;
}
