// Sending one user's weekly email, at most once per (user, ISO week). The DigestDelivery row is the
// guard: it is claimed before anything is sent, and only a failed claim or one whose holder has gone
// quiet for longer than the lease can be claimed again. (A queue's own "exactly once" covers taking a
// job, not what the job does; see pg-boss's notes in ../shared/STACK.md.)
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { parseEmailAddress, type MailAddress } from "../email-address";
import { openStatusSql } from "../enrollments";
import { env } from "../env";
import type { Mail } from "../mail";
import { composeDigest } from "./compose";
import { loadDigestInputs, type DigestRequest } from "./load";
import type { DigestInput } from "./types";
import { joinKnownZone, localTimeInKnownZone, logUnknownZones } from "../time-zones/sql";
import { digestWeekAllowedSql } from "./timing-sql";
import { unsubscribeToken } from "./unsubscribe";

/** How long a claim protects a send in progress before another worker may take it over. */
export const DEFAULT_CLAIM_LEASE_MS = 5 * 60_000;

export interface DeliveryDeps {
  send: (mail: Mail) => Promise<void>;
  /** The public base URL links point at. */
  baseUrl?: string;
  leaseMs?: number;
}

export type DeliveryOutcome = "sent" | "skipped" | "taken";

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

/** Takes the (user, week) delivery, or returns false when it is sent, settled, or held by a live claim. */
async function claim(request: DigestRequest, leaseMs: number): Promise<boolean> {
  const { userId, week } = request;
  const rows = await db.$queryRaw<{ id: string }[]>`
    insert into "DigestDelivery" (id, "userId", "isoWeek", status, attempts, "claimedAt", "scheduledFor")
    values (${`dd${crypto.randomUUID().replace(/-/g, "")}`}, ${userId}, ${week}, 'claimed', 1, now(), ${request.at})
    on conflict ("userId", "isoWeek") do update
      set status = 'claimed', attempts = "DigestDelivery".attempts + 1, "claimedAt" = now(), "lastError" = null
      where "DigestDelivery".status = 'failed'
         or ("DigestDelivery".status = 'claimed' and "DigestDelivery"."claimedAt" < now() - make_interval(secs => ${leaseMs / 1000}))
    returning id`;
  return rows.length > 0;
}

async function settle(userId: string, week: string, data: { status: "sent" | "skipped" | "failed" | "dead"; lastError?: string | null }) {
  await db.digestDelivery.updateMany({
    where: { userId, isoWeek: week, status: { not: "sent" } },
    data: { status: data.status, lastError: data.lastError ?? null, ...(data.status === "sent" ? { sentAt: new Date() } : {}) },
  });
}

/**
 * Claims, composes and sends one digest. A send that throws leaves the delivery "failed" (claimable
 * again) and rethrows, so the queue retries it with backoff.
 */
export async function deliverDigest(request: DigestRequest, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  if (!(await claim(request, deps.leaseMs ?? DEFAULT_CLAIM_LEASE_MS))) return "taken";
  const input = (await loadDigestInputs([request], (id) => digestLinks(id, deps.baseUrl))).get(request.userId);
  // Turned off, no open enrolment, or deleted since it was queued.
  if (!input) {
    await settle(request.userId, request.week, { status: "skipped" });
    return "skipped";
  }
  // The same rule as sign-in: one plain address. A stored address it refuses (from before the rule,
  // or an OAuth provider's) is skipped and logged, never handed to the mailer to read as it likes.
  const to = parseEmailAddress(input.user.email);
  if (!to.ok) {
    console.error(`[digest] user ${request.userId}: not sending the ${request.week} email to a refused address (${to.message})`);
    await settle(request.userId, request.week, { status: "skipped", lastError: `address refused: ${to.message}` });
    return "skipped";
  }
  try {
    await deps.send(digestMail(input, request, to.address));
  } catch (error) {
    await settle(request.userId, request.week, { status: "failed", lastError: error instanceof Error ? error.message.slice(0, 500) : String(error) });
    throw error;
  }
  await settle(request.userId, request.week, { status: "sent" });
  return "sent";
}

/** After the queue's last retry: the delivery is given up on, and stays visible as dead. */
export async function markDigestDead(userId: string, week: string, reason: string): Promise<void> {
  await settle(userId, week, { status: "dead", lastError: reason.slice(0, 500) });
}

/**
 * Users whose digest is due at `now` and not settled: in their own time zone, this ISO week's
 * weekday and hour have come, they have an open enrolment made before this week (the first email
 * waits for the first whole week after enrolling, lib/digest/timing.ts), the digest is on, and no
 * delivery for the week is sent, skipped or dead. Run on every tick, this is also the reconciliation pass: a
 * user a tick missed (the app was down, a job was lost) is found on the next one.
 */
export async function findDueDigests(now: Date): Promise<DigestRequest[]> {
  // A user whose zone PostgreSQL doesn't know gets a null week here and is skipped (and logged),
  // rather than failing the statement for everyone (lib/time-zones/sql.ts).
  const rows = await db.$queryRaw<{ userId: string; timezone: string; week: string | null }[]>`
    with local as (
      select u.id as "userId", u.timezone, u."digestWeekday" as weekday, u."digestHour" as hour,
        ${localTimeInKnownZone(Prisma.sql`${now}::timestamptz`)} as t,
        ${digestWeekAllowedSql(localTimeInKnownZone(Prisma.sql`${now}::timestamptz`))} as allowed
      from "User" u
      ${joinKnownZone(Prisma.raw("u.timezone"))}
      where u."digestEnabled"
        and exists (select 1 from "Enrollment" e where e."userId" = u.id and e.status in (${openStatusSql}))
    )
    select l."userId", l.timezone, to_char(l.t, 'IYYY-"W"IW') as week
    from local l
    where l.t is null
      or (l.allowed and l.t >= date_trunc('week', l.t) + make_interval(days => l.weekday - 1, hours => l.hour)
        and not exists (
          select 1 from "DigestDelivery" d
          where d."userId" = l."userId" and d."isoWeek" = to_char(l.t, 'IYYY-"W"IW') and d.status in ('sent', 'skipped', 'dead')
        ))
    order by l."userId"`;
  logUnknownZones("due weekly emails", rows.filter((r) => r.week === null));
  return rows.flatMap((r) => (r.week === null ? [] : [{ userId: r.userId, week: r.week, at: now }]));
}
