// The shipped-feature record: data access, every function taking the user it acts for. One record
// per user (the article asks for one credible shipped feature); saving replaces its incidents.
//
// Self-completion: `syncShippedMilestones` asks the pure rule (maintenanceTickDue) whether
// "maintained 3+ months" is due and, if so, ticks it through the normal tick path
// (applyMilestoneUpdate, one ProgressEvent with source "shipped_record"). It remembers the clock start
// it ticked for, so it ticks once per clock start: idempotent, and a hand-made un-tick stays.
// It runs after saving the record (an older launch date can make it due at once) and from the
// maintenance pass (`completeDueMaintenance`, every 15 minutes on pg-boss: lib/shipped/schedule.ts),
// never on a read: a GET changes nothing.
import "server-only";
import { db } from "../db";
import { openStatusSql } from "../enrollments";
import { AppError, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { FEATURE_LAUNCH_SKILL, MAINTAIN_FEATURE_SKILL } from "../pacing/rules";
export { featureLaunchAnchor } from "./anchor";
import { tickSkillDone, tickTargetFor } from "../progress";
import type { ProgressStatus } from "../validation/progress";
import type { ShippedFeatureUpdate } from "../validation/shipped";
import { draftCvBullets } from "./cv-bullets";
import {
  credibilityChecklist,
  MAINTENANCE_DAYS,
  maintenanceClock,
  maintenanceTick,
  maintenanceTickDue,
  type CredibilityItem,
  type MaintenanceClock,
  type MaintenanceTick,
  type ShippedRecord,
} from "./rules";
import { localToday } from "../calendar/zones";
import { dateOfIso, isoDateOf } from "../calendar/days";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Reader = Pick<Tx, "shippedFeature" | "enrollment" | "milestoneProgress">;

const NOT_FOUND = "No such shipped-feature record.";

const recordSelect = {
  id: true,
  title: true,
  problem: true,
  model: true,
  approach: true,
  launchDate: true,
  evalUrl: true,
  monitoringUrl: true,
  outcomeMetric: true,
  outcomeBefore: true,
  outcomeAfter: true,
  outcomeUnit: true,
  outcomeVolume: true,
  autoCompletedFor: true,
  updatedAt: true,
  incidents: {
    orderBy: { position: "asc" as const },
    select: { occurredOn: true, whatHappened: true, whatChanged: true, featureWasOff: true },
  },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(reader: Reader, userId: string) {
  return reader.shippedFeature.findUnique({ where: { userId }, select: recordSelect });
}

function toRecord(row: Row): ShippedRecord {
  return {
    title: row.title,
    problem: row.problem,
    model: row.model,
    approach: row.approach,
    launchDate: isoDateOf(row.launchDate),
    evalUrl: row.evalUrl,
    monitoringUrl: row.monitoringUrl,
    outcomeMetric: row.outcomeMetric,
    outcomeBefore: row.outcomeBefore,
    outcomeAfter: row.outcomeAfter,
    outcomeUnit: row.outcomeUnit,
    outcomeVolume: row.outcomeVolume,
    incidents: row.incidents.map((i) => ({
      occurredOn: isoDateOf(i.occurredOn),
      whatHappened: i.whatHappened,
      whatChanged: i.whatChanged,
      featureWasOff: i.featureWasOff,
    })),
  };
}

async function timeZoneOf(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
  return user?.timezone ?? "Europe/London";
}

async function statusOf(reader: Reader, userId: string, skillSlug: string): Promise<ProgressStatus | null> {
  const row = await reader.milestoneProgress.findFirst({ where: { userId, skill: { slug: skillSlug } }, select: { status: true } });
  return row?.status ?? null;
}

/** Self-completion of "maintained 3+ months" (see the header). Returns whether it ticked. */
export async function syncShippedMilestones(userId: string, now: Date = new Date()): Promise<boolean> {
  const row = await loadRow(db, userId);
  if (!row) return false;
  const clock = maintenanceClock(toRecord(row), now, await timeZoneOf(userId));
  if (!clock.due) return false;
  try {
    return await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ autoCompletedFor: Date | null }[]>`
        select "autoCompletedFor" from "ShippedFeature" where "userId" = ${userId} for update`;
      if (!locked[0]) return false;
      const state = {
        maintainStatus: await statusOf(tx, userId, MAINTAIN_FEATURE_SKILL),
        autoCompletedFor: locked[0].autoCompletedFor ? isoDateOf(locked[0].autoCompletedFor) : null,
      };
      if (!maintenanceTickDue(clock, state)) return false;
      const ticked = await tickSkillDone(tx, userId, MAINTAIN_FEATURE_SKILL, now, "shipped_record");
      if (ticked) await tx.shippedFeature.update({ where: { userId }, data: { autoCompletedFor: dateOfIso(clock.since) } });
      return ticked;
    });
  } catch (error) {
    // The enrolment's zone can put "today" a day behind the user's: the rule says not yet. A later pass ticks it.
    if (error instanceof AppError && error.code === "conflict") return false;
    throw error;
  }
}

export interface MaintenancePassResult {
  /** Records the query found whose clock may be due and not yet ticked for. */
  checked: number;
  ticked: number;
}

/**
 * The maintenance pass: ticks "maintained 3+ months" for every record whose 90 days are up. One
 * query finds the candidates; each then goes through `syncShippedMilestones`, which decides exactly
 * (the user's time zone, the pure rule) under a row lock, so passes running side by side in several
 * processes tick once, and a pass run twice ticks nothing the second time.
 *
 * The query is a superset of the exact rule. Every time zone's date is within a day of UTC's, so
 * it takes the earliest possible clock start (gaps up to UTC's yesterday) and the latest (gaps up
 * to UTC's tomorrow): the clock can be due only if the earliest start is 90 days before tomorrow,
 * and the record is already ticked for it only if `autoCompletedFor` equals both. It skips users
 * whose milestone is done or skipped and users with no open roadmap that has it, as the exact path
 * would tick nothing for them: they would otherwise be looked at again on every pass.
 */
export async function completeDueMaintenance(now: Date = new Date()): Promise<MaintenancePassResult> {
  const candidates = await db.$queryRaw<{ userId: string }[]>`
    with day as (
      select (${now}::timestamptz at time zone 'UTC')::date - 1 as earliest, (${now}::timestamptz at time zone 'UTC')::date + 1 as latest
    ),
    clock as (
      select f."userId", f."autoCompletedFor", d.latest,
        greatest(f."launchDate", (select max(i."occurredOn") from "ShippedFeatureIncident" i
          where i."featureId" = f.id and i."featureWasOff" and i."occurredOn" <= d.earliest)) as since_earliest,
        greatest(f."launchDate", (select max(i."occurredOn") from "ShippedFeatureIncident" i
          where i."featureId" = f.id and i."featureWasOff" and i."occurredOn" <= d.latest)) as since_latest
      from "ShippedFeature" f cross join day d
    )
    select c."userId" from clock c
    where c.since_earliest + ${MAINTENANCE_DAYS}::int <= c.latest
      and (c."autoCompletedFor" is distinct from c.since_earliest or c."autoCompletedFor" is distinct from c.since_latest)
      and not exists (
        select 1 from "MilestoneProgress" p join "Skill" s on s.id = p."skillId"
        where p."userId" = c."userId" and s.slug = ${MAINTAIN_FEATURE_SKILL} and p.status in ('done', 'skipped'))
      and exists (
        select 1 from "Enrollment" e join "Milestone" m on m."roadmapId" = e."roadmapId" join "Skill" s on s.id = m."skillId"
        where e."userId" = c."userId" and e.status in (${openStatusSql}) and m."retiredAt" is null and s.slug = ${MAINTAIN_FEATURE_SKILL})
    order by c."userId"`;
  let ticked = 0;
  const failures: unknown[] = [];
  for (const { userId } of candidates) {
    // One user's failure must not hold back everyone after them; the job still fails, and retries.
    try {
      if (await syncShippedMilestones(userId, now)) ticked++;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw new AggregateError(failures, `maintenance pass: ${failures.length} of ${candidates.length} records failed`);
  return { checked: candidates.length, ticked };
}

export interface ShippedOverview {
  id: string | null;
  record: ShippedRecord | null;
  timezone: string;
  today: string;
  clock: MaintenanceClock | null;
  /** Where the record's own tick of "maintained 3+ months" stands (null without a record). */
  maintenanceTick: MaintenanceTick | null;
  checklist: CredibilityItem[];
  bullets: { ml: string[]; swe: string[] };
  updatedAt: string | null;
}

/** The record with everything derived from it (clock, checklist, CV drafts). Reads only. */
export async function getShippedOverview(userId: string, now: Date = new Date()): Promise<ShippedOverview> {
  const [row, timezone, maintainStatus, target] = await Promise.all([
    loadRow(db, userId),
    timeZoneOf(userId),
    statusOf(db, userId, MAINTAIN_FEATURE_SKILL),
    tickTargetFor(db, userId, MAINTAIN_FEATURE_SKILL),
  ]);
  const today = localToday(now, timezone);
  if (!row)
    return {
      id: null,
      record: null,
      timezone,
      today,
      clock: null,
      maintenanceTick: null,
      checklist: [],
      bullets: { ml: [], swe: [] },
      updatedAt: null,
    };
  const record = toRecord(row);
  const clock = maintenanceClock(record, now, timezone);
  // The tick path checks the 90 days again in the enrolment's zone (lib/progress): the same here.
  const dueOnRoadmap = target !== null && maintenanceClock(record, now, target.enrollment.timezone).due;
  const state = { maintainStatus, autoCompletedFor: row.autoCompletedFor ? isoDateOf(row.autoCompletedFor) : null };
  return {
    id: row.id,
    record,
    timezone,
    today,
    clock,
    maintenanceTick: maintenanceTick(clock, state, dueOnRoadmap),
    checklist: credibilityChecklist(record, clock),
    bullets: { ml: draftCvBullets(record, "ml", today), swe: draftCvBullets(record, "swe", today) },
    updatedAt: row.updatedAt.toISOString(),
  };
}

function refuseFuture(input: ShippedFeatureUpdate, today: string) {
  const future: Record<string, string[]> = {};
  if (input.launchDate > today) future.launchDate = ["The launch date can't be in the future."];
  input.incidents.forEach((incident, i) => {
    if (incident.occurredOn > today) future[`incidents.${i}.occurredOn`] = ["An incident can't be in the future."];
  });
  if (Object.keys(future).length) throw new AppError("bad_request", "Some fields need attention.", future);
}

/**
 * Writes the record's fields and replaces its incidents, in the caller's transaction. Saving says
 * "I shipped": the ship milestone is ticked unless it is done or skipped already.
 */
async function writeRecord(tx: Tx, userId: string, featureId: string, input: ShippedFeatureUpdate, now: Date) {
  const { incidents, ...fields } = input;
  await tx.shippedFeature.update({ where: { id: featureId }, data: { ...fields, launchDate: dateOfIso(fields.launchDate) } });
  await tx.shippedFeatureIncident.deleteMany({ where: { featureId } });
  if (incidents.length) {
    await tx.shippedFeatureIncident.createMany({
      data: incidents.map((incident, position) => ({ featureId, position, ...incident, occurredOn: dateOfIso(incident.occurredOn) })),
    });
  }
  const ship = await statusOf(tx, userId, FEATURE_LAUNCH_SKILL);
  if (ship !== "done" && ship !== "skipped") await tickSkillDone(tx, userId, FEATURE_LAUNCH_SKILL, now, "shipped_record");
}

/** Creates the user's record; 409 when they have one (one per user: edit it instead). */
export async function createShippedFeature(userId: string, input: ShippedFeatureUpdate, now: Date = new Date()): Promise<ShippedOverview> {
  refuseFuture(input, localToday(now, await timeZoneOf(userId)));
  try {
    await db.$transaction(async (tx) => {
      // The incidents are written by writeRecord below, not as a column.
      const { incidents: _incidents, ...fields } = input;
      const created = await tx.shippedFeature.create({
        data: { userId, ...fields, launchDate: dateOfIso(fields.launchDate) },
        select: { id: true },
      });
      await writeRecord(tx, userId, created.id, input, now);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "You already have a shipped-feature record; edit that one.");
    }
    throw error;
  }
  await syncShippedMilestones(userId, now);
  return getShippedOverview(userId, now);
}

/** Replaces the user's record; another user's id is a 404, like one that doesn't exist. */
export async function updateShippedFeature(
  userId: string,
  featureId: string,
  input: ShippedFeatureUpdate,
  now: Date = new Date(),
): Promise<ShippedOverview> {
  refuseFuture(input, localToday(now, await timeZoneOf(userId)));
  await db.$transaction(async (tx) => {
    const owned = await tx.shippedFeature.findFirst({ where: { id: featureId, userId }, select: { id: true } });
    if (!owned) throw notFound(NOT_FOUND);
    await writeRecord(tx, userId, featureId, input, now);
  });
  await syncShippedMilestones(userId, now);
  return getShippedOverview(userId, now);
}

/** The user's record by id (404 when it isn't theirs), with everything derived from it. */
export async function getShippedFeature(userId: string, featureId: string, now: Date = new Date()): Promise<ShippedOverview> {
  const owned = await db.shippedFeature.findFirst({ where: { id: featureId, userId }, select: { id: true } });
  if (!owned) throw notFound(NOT_FOUND);
  return getShippedOverview(userId, now);
}

/** Removes the record and its incidents; ticks already made stay, like any other tick. */
export async function deleteShippedFeature(userId: string, featureId: string): Promise<void> {
  const { count } = await db.shippedFeature.deleteMany({ where: { id: featureId, userId } });
  if (count === 0) throw notFound(NOT_FOUND);
}
