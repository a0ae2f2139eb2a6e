// Sending one user's weekly email, at most once per (user, ISO week). The DigestDelivery row is the
// guard, claimed before anything is sent (lib/digest/ledger.ts, shared with the partner's copy).
import type { MailAddress } from "../email-address";
import { env } from "../env";
import type { Mail } from "../mail";
import { composeDigest } from "./compose";
import { loadDigestInputs, type DigestRequest } from "./load";
import type { DigestInput } from "./types";
import { deliverOnce, digestLedger, type DeliveryOutcome } from "./ledger";
import { unsubscribeToken } from "./unsubscribe";

/** How long a claim protects a send in progress before another worker may take it over. */
export const DEFAULT_CLAIM_LEASE_MS = 5 * 60_000;

export interface DeliveryDeps {
  send: (mail: Mail) => Promise<void>;
  /** The public base URL links point at. */
  baseUrl?: string;
  leaseMs?: number;
}

export type { DeliveryOutcome } from "./ledger";

export function digestLinks(userId: string, baseUrl: string = env.NEXTAUTH_URL): DigestInput["links"] {
  const base = baseUrl.replace(/\/$/, "");
  const token = unsubscribeToken(userId);
  return {
    checkIn: `${base}/checkin`,
    dashboard: `${base}/dashboard`,
    settings: `${base}/settings`,
    unsubscribe: `${base}/unsubscribe?token=${token}`,
  };
}

/** The RFC 8058 one-click address: mail clients POST `List-Unsubscribe=One-Click` to it. */
export const oneClickUrl = (links: DigestInput["links"]) => links.unsubscribe.replace("/unsubscribe?", "/api/digest/unsubscribe?");

export function digestMail(input: DigestInput, ids: { userId: string; week: string }, to: MailAddress): Mail {
  const digest = composeDigest(input);
  const host = new URL(input.links.dashboard).hostname;
  return {
    // One Message-ID per (user, week): in the rare resend after a crash between the SMTP server's
    // acceptance and our record of it, mail clients that deduplicate by Message-ID show one email.
    messageId: `<digest-${ids.week}-${ids.userId}@${host}>`,
    to,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    headers: {
      "List-Unsubscribe": `<${oneClickUrl(input.links)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/**
 * Claims, composes and sends one digest. A send that throws leaves the delivery "failed" (claimable
 * again) and rethrows, so the queue retries it with backoff.
 */
export async function deliverDigest(request: DigestRequest, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  return deliverOnce(digestLedger, "digest", request, { send: deps.send, leaseMs: deps.leaseMs ?? DEFAULT_CLAIM_LEASE_MS }, async () => {
    const input = (await loadDigestInputs([request], (id) => digestLinks(id, deps.baseUrl))).get(request.userId);
    // Turned off, no open enrolment, or deleted since it was queued.
    return input ? { email: input.user.email, mail: (to) => digestMail(input, request, to) } : null;
  });
}

/** After the queue's last retry: the delivery is given up on, and stays visible as dead. */
export async function markDigestDead(userId: string, week: string, reason: string): Promise<void> {
  await digestLedger.settle(userId, week, { status: "dead", lastError: reason.slice(0, 500) });
}

/**
 * Users whose digest is due at `now` and not settled: in their own time zone, this ISO week's
 * weekday and hour have come, they have an open enrolment, the digest is on, and no delivery for
 * the week is sent, skipped or dead (lib/digest/ledger.ts). Run on every tick, this is also the
 * reconciliation pass: a user a tick missed (the app was down, a job was lost) is found on the next one.
 */
export const dueDigests = (now: Date): Promise<DigestRequest[]> => digestLedger.findDue(now);
