// An invitation's life, pure: open until it is accepted, withdrawn or 14 days old.
/** A token lifetime, not a calendar span: 14 × 24 hours from the moment it was made. */
export const INVITATION_TTL_MS = 14 * 24 * 3_600_000;

export type InvitationState = "open" | "accepted" | "withdrawn" | "expired";

export function invitationExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_TTL_MS);
}

/** Used or withdrawn wins over expired: the page then says what actually happened to it. */
export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "withdrawn";
  return now.getTime() >= invitation.expiresAt.getTime() ? "expired" : "open";
}
