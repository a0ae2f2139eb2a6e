// The exactly-once ledger behind every weekly email: one row per (user, ISO week), claimed before
// anything is sent, so only a failed claim or one whose holder has gone quiet for longer than the
// lease can be claimed again. The digest (DigestDelivery) and the partner's weekly copy
// (PartnerCopyDelivery) each have a table of the same shape and share this code. (A queue's own
// "exactly once" covers taking a job, not what the job does; see pg-boss's notes in ../shared/STACK.md.)
import "server-only";
import { db } from "../db";
import { parseEmailAddress, type MailAddress } from "../email-address";
import type { Mail } from "../mail";
import { Prisma } from "../generated/prisma/client";
import { ISO_WEEK_PG_FORMAT } from "../calendar/iso-weeks";
import { joinKnownZone, localTimeInKnownZone, logUnknownZones } from "../time-zones/sql";
import { openStatusSql } from "../enrollments";
import type { DigestRequest } from "./load";
import { digestWeekAllowedSql } from "./timing-sql";

/** The ISO week in PostgreSQL's words (to_char, to_date): lib/calendar/iso-weeks.ts's SQL twin. */
const ISO_WEEK_SQL_FORMAT = Prisma.raw(`'${ISO_WEEK_PG_FORMAT}'`);

export type LedgerTable = "DigestDelivery" | "PartnerCopyDelivery";
export type SettledStatus = "sent" | "skipped" | "failed" | "dead";

export interface DeliveryLedger {
  /** Takes the (user, week) delivery, or returns false when it is sent, settled, or held by a live claim. */
  claim(request: DigestRequest, leaseMs: number): Promise<boolean>;
  settle(userId: string, week: string, data: { status: SettledStatus; lastError?: string | null }): Promise<void>;
  /**
   * Users for whom this email is due at `now` and not settled: in their own time zone, this ISO
   * week's weekday and hour (their digest settings) have come, `eligible` holds for them (SQL over
   * the user row `u`), and no delivery for the week is sent, skipped or dead. Run on every tick,
   * this is also the reconciliation pass: a user a tick missed is found on the next one.
   */
  findDue(now: Date): Promise<DigestRequest[]>;
  /**
   * Every user `eligible` holds for, with their send moment in `week` (null for a zone PostgreSQL
   * doesn't know), whether `weekAllowed` lets that week go to them, and whether the week is settled:
   * what a one-off run for a given week (`npm run digest`) goes through. Due, as in `findDue`, is
   * allowed, unsettled and a send moment that has come.
   */
  weekCandidates(week: string): Promise<{ userId: string; timezone: string; sendAt: Date | null; allowed: boolean; settled: boolean }[]>;
}

/** Nothing more is sent for a (user, week) whose delivery is in one of these. */
const SETTLED_SQL = Prisma.sql`('sent', 'skipped', 'dead')`;

/** What a ledger's statements are made of: its table, the name its logs use, and who it is for. */
interface LedgerSql {
  /** The table, quoted. */
  t: Prisma.Sql;
  /** Its ids' prefix. */
  prefix: string;
  what: string;
  eligible: Prisma.Sql;
  weekAllowed: ((localTime: Prisma.Sql) => Prisma.Sql) | undefined;
}

/**
 * `eligible`: SQL over the user row `u`. `weekAllowed`: SQL over the user's local time (the digest's
 * first whole week after enrolling, lib/digest/timing-sql.ts); without it every week is allowed.
 */
export function deliveryLedger(
  table: LedgerTable,
  what: string,
  eligible: Prisma.Sql,
  weekAllowed?: (localTime: Prisma.Sql) => Prisma.Sql,
): DeliveryLedger {
  const sql: LedgerSql = { t: Prisma.raw(`"${table}"`), prefix: table === "DigestDelivery" ? "dd" : "pc", what, eligible, weekAllowed };
  return {
    claim: (request, leaseMs) => claimDelivery(sql, request, leaseMs),
    settle: (userId, week, data) => settleDelivery(sql, userId, week, data),
    findDue: (now) => findDue(sql, now),
    weekCandidates: (week) => weekCandidates(sql, week),
  };
}

async function claimDelivery({ t, prefix }: LedgerSql, request: DigestRequest, leaseMs: number): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
        insert into ${t} (id, "userId", "isoWeek", status, attempts, "claimedAt", "scheduledFor")
        values (${`${prefix}${crypto.randomUUID().replace(/-/g, "")}`}, ${request.userId}, ${request.week}, 'claimed', 1, now(), ${request.at})
        on conflict ("userId", "isoWeek") do update
          set status = 'claimed', attempts = ${t}.attempts + 1, "claimedAt" = now(), "lastError" = null
          where ${t}.status = 'failed'
             or (${t}.status = 'claimed' and ${t}."claimedAt" < now() - make_interval(secs => ${leaseMs / 1000}))
        returning id`;
  return rows.length > 0;
}

async function settleDelivery(
  { t }: LedgerSql,
  userId: string,
  week: string,
  data: { status: SettledStatus; lastError?: string | null },
): Promise<void> {
  await db.$executeRaw`
        update ${t} set status = ${data.status}::"DigestStatus", "lastError" = ${data.lastError ?? null},
          "sentAt" = case when ${data.status} = 'sent' then now() else "sentAt" end
        where "userId" = ${userId} and "isoWeek" = ${week} and status <> 'sent'`;
}

async function findDue({ t, what, eligible, weekAllowed }: LedgerSql, now: Date): Promise<DigestRequest[]> {
  // A user whose zone PostgreSQL doesn't know gets a null week here and is skipped (and logged),
  // rather than failing the statement for everyone (lib/time-zones/sql.ts).
  const rows = await db.$queryRaw<{ userId: string; timezone: string; week: string | null }[]>`
        with local as (
          select u.id as "userId", u.timezone, u."digestWeekday" as weekday, u."digestHour" as hour,
            ${localTimeInKnownZone(Prisma.sql`${now}::timestamptz`)} as t,
            ${weekAllowed ? weekAllowed(localTimeInKnownZone(Prisma.sql`${now}::timestamptz`)) : Prisma.sql`true`} as allowed
          from "User" u
          ${joinKnownZone(Prisma.raw("u.timezone"))}
          where ${eligible}
        )
        select l."userId", l.timezone, to_char(l.t, ${ISO_WEEK_SQL_FORMAT}) as week
        from local l
        where l.t is null
          or (l.allowed and l.t >= date_trunc('week', l.t) + make_interval(days => l.weekday - 1, hours => l.hour)
            and not exists (
              select 1 from ${t} d
              where d."userId" = l."userId" and d."isoWeek" = to_char(l.t, ${ISO_WEEK_SQL_FORMAT}) and d.status in ${SETTLED_SQL}
            ))
        order by l."userId"`;
  logUnknownZones(
    `due ${what}`,
    rows.filter((r) => r.week === null),
  );
  return rows.flatMap((r) => (r.week === null ? [] : [{ userId: r.userId, week: r.week, at: now }]));
}

async function weekCandidates({ t, eligible, weekAllowed }: LedgerSql, week: string): ReturnType<DeliveryLedger["weekCandidates"]> {
  const monday = Prisma.sql`to_date(${week}, ${ISO_WEEK_SQL_FORMAT})::timestamp`;
  return db.$queryRaw<{ userId: string; timezone: string; sendAt: Date | null; allowed: boolean; settled: boolean }[]>`
        select u.id as "userId", u.timezone,
          ${localTimeInKnownZone(Prisma.sql`${monday} + make_interval(days => u."digestWeekday" - 1, hours => u."digestHour")`)} as "sendAt",
          coalesce(${weekAllowed ? weekAllowed(monday) : Prisma.sql`true`}, false) as allowed,
          exists (select 1 from ${t} d where d."userId" = u.id and d."isoWeek" = ${week} and d.status in ${SETTLED_SQL}) as settled
        from "User" u
        ${joinKnownZone(Prisma.raw("u.timezone"))}
        where ${eligible}
        order by u.id`;
}

/**
 * The digest's ledger: users with the digest on and an open enrolment, from the first whole week
 * after they enrolled (lib/digest/timing.ts).
 */
export const digestLedger = deliveryLedger(
  "DigestDelivery",
  "weekly emails",
  Prisma.sql`u."digestEnabled" and exists (select 1 from "Enrollment" e where e."userId" = u.id and e.status in (${openStatusSql}))`,
  digestWeekAllowedSql,
);

/** The partner's weekly copy: partners who opted in and follow someone. */
export const partnerCopyLedger = deliveryLedger(
  "PartnerCopyDelivery",
  "partner weekly copies",
  Prisma.sql`u."partnerCopyEnabled" and exists (select 1 from "Partnership" p where p."partnerId" = u.id)`,
);

export type DeliveryOutcome = "sent" | "skipped" | "taken";

/**
 * Claims the (user, week) row, builds the email, sends it and settles the row. `build` returns null
 * when there is nothing to send (turned off, nothing to say, deleted since it was queued). A send that
 * throws leaves the row "failed" (claimable again) and rethrows, so the queue retries with backoff.
 */
export async function deliverOnce(
  ledger: DeliveryLedger,
  what: string,
  request: DigestRequest,
  deps: { send: (mail: Mail) => Promise<void>; leaseMs: number },
  build: () => Promise<{ email: string; mail: (to: MailAddress) => Mail } | null>,
): Promise<DeliveryOutcome> {
  if (!(await ledger.claim(request, deps.leaseMs))) return "taken";
  const built = await build();
  if (!built) {
    await ledger.settle(request.userId, request.week, { status: "skipped" });
    return "skipped";
  }
  // The same rule as sign-in: one plain address. A stored address it refuses (from before the rule,
  // or an OAuth provider's) is skipped and logged, never handed to the mailer to read as it likes.
  const to = parseEmailAddress(built.email);
  if (!to.ok) {
    console.error(`[${what}] user ${request.userId}: not sending the ${request.week} email to a refused address (${to.message})`);
    await ledger.settle(request.userId, request.week, { status: "skipped", lastError: `address refused: ${to.message}` });
    return "skipped";
  }
  try {
    await deps.send(built.mail(to.address));
  } catch (error) {
    await ledger.settle(request.userId, request.week, {
      status: "failed",
      lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
    });
    throw error;
  }
  await ledger.settle(request.userId, request.week, { status: "sent" });
  return "sent";
}
