// Sending a partner's weekly copy, at most once per (partner, ISO week), with the digest's ledger
// (lib/digest/ledger.ts): claimed before sending, retried, dead-lettered. It is composed when it is
// sent, from the partnerships as they are then: a person who removed the partner since it was
// queued is not in it, and with no one left it is skipped, not sent.
import "server-only";
import { db } from "../db";
import { deliverOnce, partnerCopyLedger, type DeliveryOutcome } from "../digest/ledger";
import type { DigestRequest } from "../digest/load";
import { env } from "../env";
import type { Mail } from "../mail";
import { partnerCopyMail } from "./copy-mail";
import { cohortOf } from "./view";

export async function deliverPartnerCopy(
  request: DigestRequest,
  deps: { send: (mail: Mail) => Promise<void>; baseUrl?: string; leaseMs: number },
): Promise<DeliveryOutcome> {
  return deliverOnce(partnerCopyLedger, "partner copy", request, deps, async () => {
    const partner = await db.user.findUnique({ where: { id: request.userId }, select: { email: true, partnerCopyEnabled: true } });
    if (!partner?.partnerCopyEnabled) return null;
    const rows = await cohortOf(request.userId, "attention", request.at);
    if (rows.length === 0) return null;
    const base = (deps.baseUrl ?? env.NEXTAUTH_URL).replace(/\/$/, "");
    const composed = partnerCopyMail({ week: request.week, rows, listUrl: `${base}/partners` });
    return {
      email: partner.email,
      mail: (to) => ({ ...composed, to, messageId: `<partner-copy-${request.week}-${request.userId}@${new URL(base).hostname}>` }),
    };
  });
}

export const findDuePartnerCopies = (now: Date): Promise<DigestRequest[]> => partnerCopyLedger.findDue(now);

export async function markPartnerCopyDead(userId: string, week: string, reason: string): Promise<void> {
  await partnerCopyLedger.settle(userId, week, { status: "dead", lastError: reason.slice(0, 500) });
}
