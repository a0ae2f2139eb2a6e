// Everything the weekly emails of many users need, one statement per batch of users (the benchmark
// composes 10,000): each user's name and address, first open enrolment with its history, progress
// rows with done flips, the window's check-ins, check-in weeks for the streak, and the shipped-feature
// record's launch and gaps (the launch anchor). Pacing is the dashboard's pure model (pacingSummary:
// computePacing without the chart's series), fed from these rows instead of getPacing's queries, so
// the email and the dashboard show the same numbers (an integration test holds them to it).
import "server-only";
import { computeStreak } from "../checkins/streak";
import { isoWeekOf } from "../calendar/iso-weeks";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { openStatusSql } from "../enrollments";
import { pacingSummary, type PacingInput, type PacingSummary } from "../pacing";
import { dayOfIso, isoDateOf, isoOfDay } from "../calendar/days";
import { localDayFunction, localDayOf } from "../calendar/zones";
import { pivotPace } from "../pivot/pace";
import { SENT_STAGES } from "../pivot/stages";
import { loggedHoursSql, roundLoggedHours } from "../progress/logged-hours";
import { pacingEnrollmentOf, roadmapTree, type PackedChange } from "../progress/pacing";
import { recordClockStart } from "../shipped/rules";
import type { ProgressStatus } from "../validation/progress";
import { digestWindow, firstDigestWeek, planWeekOf } from "./timing";
import { enrolledAtSql } from "./timing-sql";
import type { DigestInput } from "./types";
import { msDaysBefore } from "../calendar/instants";

/** Check-ins read back this far (a superset of pacing's 28-day velocity window in any zone). */
const VELOCITY_LOOKBACK_DAYS = 30;
/** Application and interview dates read back this far for the pivot pace (4 whole weeks and the open one, with room for zones). */
const PIVOT_LOOKBACK_DAYS = 42;

export interface DigestRequest {
  userId: string;
  /** The delivery's ISO week (the user's local week of the send moment). */
  week: string;
  /** When the digest is composed: the end of the window it sums up. */
  at: Date;
}

export type DigestLinks = (userId: string) => DigestInput["links"];

/**
 * One user's rows, as the batch statement returns them: instants in epoch milliseconds, dates as
 * "YYYY-MM-DD", progress and check-ins as tuples (a few hundred thousand values per batch parse
 * several times faster from one JSON text than as driver rows).
 */
interface DigestRow {
  userId: string;
  name: string | null;
  email: string;
  /** The user's own zone (the delivery week's), and when the account was made, in epoch ms. */
  timezone: string;
  createdAt: number;
  /** The earliest open enrolment's creation, in epoch ms: the first email waits for the week after it. */
  enrolledAt: number | null;
  enrollment: {
    roadmapId: string;
    id: string;
    startDate: string;
    targetMonths: number;
    weeklyHours: number;
    status: "active" | "paused";
    timezone: string;
    roadmapTitle: string;
    seededAt: number;
    /** In time order. */
    changes: PackedChange[];
  } | null;
  /** [skillId, status, doneFlips]. */
  progress: [string, ProgressStatus, number[]][];
  /** [createdAt, hours, confidence, enrollmentId], inside the batch's widest window (velocity's 28 days). */
  checkIns: [number, number, number, string | null][];
  weeks: string[];
  shipped: { launchDate: string; gaps: string[] } | null;
  /** [author's name, kind, body, isoWeek, skillId, createdAt]: partner notes in the read window (lib/partners). */
  notes: [string | null, "kudos" | "comment", string | null, string | null, string | null, number][];
  /** [skillId, hours]: hours logged per skill in all check-ins, as the dashboard's rows count them (this week's plan). */
  logged: [string, number][];
  /** The pivot phase's weekly targets with the dates they are judged on; null without a target. */
  pivot: {
    applicationsPerWeek: number | null;
    interviewsPerWeek: number | null;
    targetsSince: string | null;
    /** The user's zone: /pivot dates applications and interviews in it. */
    timezone: string;
    sentOn: string[];
    interviewsOn: string[];
  } | null;
}

/**
 * The rows for a batch of requests in ONE statement: PostgreSQL assembles each user's JSON (on its
 * own core, while this process composes the previous batch) and the driver hands back one text.
 * The check-ins read are those of the widest window; each digest keeps its own seven days.
 */
// eslint-disable-next-line max-lines-per-function -- the batch's one SQL statement is 55 of its lines; cutting it into Prisma.sql fragments would scatter one query
async function fetchDigestRows(requests: readonly DigestRequest[], options: { evenIfOff?: boolean }): Promise<DigestRow[]> {
  const userIds = [...new Set(requests.map((r) => r.userId))];
  if (userIds.length === 0) return [];
  // Back far enough for pacing's velocity window (28 local days), not only the email's 7.
  const earliest = Math.min(...requests.map((r) => r.at.getTime()));
  const from = new Date(msDaysBefore(earliest, VELOCITY_LOOKBACK_DAYS));
  const to = new Date(Math.max(...requests.map((r) => r.at.getTime())));
  const evenIfOff = options.evenIfOff ?? false;
  const sentStages = [...SENT_STAGES];
  // The pivot pace reads at most the 4 whole weeks before the current one: 6 weeks back covers them in any zone.
  const pivotFrom = isoDateOf(new Date(msDaysBefore(earliest, PIVOT_LOOKBACK_DAYS)));
  const [result] = await db.$queryRaw<{ rows: string }[]>`
    select coalesce(json_agg(d), '[]')::text as rows from (
      select u.id as "userId", u.name, u.email, u.timezone,
        (extract(epoch from u."createdAt") * 1000)::bigint as "createdAt",
        (extract(epoch from ${enrolledAtSql}) * 1000)::bigint as "enrolledAt",
        (select json_build_object(
            'roadmapId', e."roadmapId", 'id', e.id, 'startDate', e."startDate", 'targetMonths', e."targetMonths", 'weeklyHours', e."weeklyHours",
            'status', e.status, 'timezone', e.timezone, 'roadmapTitle', r.title,
            'seededAt', (extract(epoch from r."seededAt") * 1000)::bigint,
            'changes', coalesce((
              select json_agg(json_build_array(c.kind, (extract(epoch from c.at) * 1000)::bigint, c."toTargetMonths", c."fromWeeklyHours", c."toWeeklyHours") order by c.at, c.id)
              from "EnrollmentChange" c where c."enrollmentId" = e.id), '[]'))
          from "Enrollment" e join "Roadmap" r on r.id = e."roadmapId"
          where e."userId" = u.id and e.status in (${openStatusSql})
          -- Active before paused (the enum's order), then the newest: the enrolment the digest is about.
          order by e.status, e."createdAt" desc
          limit 1) as enrollment,
        coalesce((
          select json_agg(json_build_array(p."skillId", p.status, p."doneFlips"))
          from "MilestoneProgress" p where p."userId" = u.id), '[]') as progress,
        coalesce((
          select json_agg(json_build_array((extract(epoch from c."createdAt") * 1000)::bigint, c.hours, c.confidence, c."enrollmentId"))
          from "CheckIn" c where c."userId" = u.id and c."createdAt" >= ${from} and c."createdAt" <= ${to}), '[]') as "checkIns",
        array(select distinct c."isoWeek" from "CheckIn" c where c."userId" = u.id) as weeks,
        coalesce((
          select json_agg(json_build_array(l."skillId", l.hours)) from (${loggedHoursSql(Prisma.sql`u.id`, to)}) l), '[]') as logged,
        -- Only for users with a weekly target; the dates since five weeks before its window, at most.
        (select json_build_object(
            'applicationsPerWeek', pp."applicationsPerWeek", 'interviewsPerWeek', pp."interviewsPerWeek",
            'targetsSince', pp."targetsSince", 'timezone', u.timezone,
            -- The day each application was sent: its first move to a sent stage (lib/applications.ts sentOn).
            'sentOn', array(
              select min(c."changedOn") from "JobApplication" a join "ApplicationStageChange" c on c."applicationId" = a.id
              where a."userId" = u.id and c."toStage"::text = any(${sentStages}) group by a.id
              having min(c."changedOn") >= ${pivotFrom}::date),
            'interviewsOn', array(
              select i."heldOn" from "Interview" i join "JobApplication" a on a.id = i."applicationId"
              where a."userId" = u.id and i."heldOn" >= ${pivotFrom}::date))
          from "PivotPlan" pp
          where pp."userId" = u.id and (pp."applicationsPerWeek" is not null or pp."interviewsPerWeek" is not null)) as pivot,
        -- Partner notes the person would see on the dashboard (lib/partners/notes.ts says the same):
        -- not hidden, from a partner who still follows them and isn't muted.
        coalesce((
          select json_agg(json_build_array(a.name, n.kind, n.body, n."isoWeek", n."skillId", (extract(epoch from n."createdAt") * 1000)::bigint) order by n."createdAt", n.id)
          from "PartnerNote" n
          join "Partnership" ps on ps."ownerId" = n."recipientId" and ps."partnerId" = n."authorId" and ps."mutedAt" is null
          join "User" a on a.id = n."authorId"
          where n."recipientId" = u.id and n."hiddenAt" is null and n."createdAt" >= ${from} and n."createdAt" <= ${to}), '[]') as notes,
        (select json_build_object(
            'launchDate', f."launchDate",
            'gaps', array(select i."occurredOn" from "ShippedFeatureIncident" i where i."featureId" = f.id and i."featureWasOff"))
          from "ShippedFeature" f where f."userId" = u.id) as shipped
      from "User" u
      where u.id = any(${userIds}) and (u."digestEnabled" or ${evenIfOff})
    ) d`;
  return JSON.parse(result?.rows ?? "[]") as DigestRow[];
}

/** Users built between two turns of the event loop (see buildInputs). */
const YIELD_EVERY = 50;

type Tree = { tree: PacingInput["roadmap"]; titleOf: Map<string, string> };

/** Each roadmap's tree once per batch, with its milestone titles by skill for "done this week". */
async function treesFor(rows: readonly DigestRow[]): Promise<Map<string, Tree>> {
  const trees = new Map<string, Tree>();
  for (const { enrollment } of rows) {
    if (!enrollment) continue;
    const key = `${enrollment.roadmapId}@${enrollment.seededAt}`;
    if (trees.has(key)) continue;
    const tree = await roadmapTree(enrollment.roadmapId, new Date(enrollment.seededAt));
    trees.set(key, { tree, titleOf: new Map(tree.phases.flatMap((p) => p.milestones.map((m) => [m.skillId, m.title] as const))) });
  }
  return trees;
}

/** What the email says of the pace, from the pacing model's verdicts. */
export function digestPace(pacing: PacingSummary): DigestInput["pace"] {
  return {
    verdict: pacing.verdict,
    varianceDays: pacing.varianceDays,
    bufferDays: pacing.bufferDays,
    projectedFinish: pacing.projectedFinish,
    finishedOn: pacing.finishedOn,
    targetDate: pacing.targetDate,
    share: pacing.actual.share,
  };
}

/** One digest's input from its rows. Synchronous: the batch's reads are done. */
function inputOf(
  request: DigestRequest,
  row: DigestRow,
  enrollment: NonNullable<DigestRow["enrollment"]>,
  tree: Tree,
  links: DigestLinks,
): DigestInput {
  const rows = row.progress.map(([skillId, status, doneFlips]) => ({ skillId, status, doneFlips }));
  const pacing = pacingOf(request, row, enrollment, tree, rows);

  // Seven days, or fewer for a new account: nothing from before the account existed.
  const { from: windowStart, to: end } = digestWindow(request.at, new Date(row.createdAt));
  const doneThisWeek = doneIn(rows, tree, windowStart, end);
  const checkIns = row.checkIns
    .filter(([at]) => at >= windowStart && at < end)
    .sort((a, b) => a[0] - b[0])
    .map(([, hours, confidence]) => ({ hours, confidence }));
  const partnerNotes = partnerNotesIn(row.notes, tree, windowStart, end);

  const localDay = localDayFunction(enrollment.timezone, windowStart, end);
  const today = localDay(end - 1);
  const start = dayOfIso(enrollment.startDate);
  return {
    user: { name: row.name, email: row.email },
    week: request.week,
    weekRange: { from: isoOfDay(localDay(windowStart)), to: isoOfDay(today) },
    roadmapTitle: enrollment.roadmapTitle,
    planWeek: planWeekOf(start, dayOfIso(pacing.targetDate), today),
    pace: digestPace(pacing),
    doneThisWeek,
    checkIns,
    streak: computeStreak(row.weeks, isoWeekOf(request.at, enrollment.timezone)),
    partnerNotes,
    // "YYYY-Www" sorts as text in calendar order.
    lastCheckInWeek: row.weeks.reduce<string | null>((latest, w) => (latest === null || w > latest ? w : latest), null),
    next: pacing.nextMilestones.map((m) => ({ title: m.title, dueDate: m.dueDate })),
    thisWeek: pacing.thisWeek,
    pivot: row.pivot && pivotOf(row.pivot, end, enrollment.status === "paused"),
    // The first email's week, or (in the preview) one before it: the welcome email.
    firstWeek: row.enrolledAt !== null && request.week <= firstDigestWeek(new Date(row.enrolledAt), row.timezone),
    links: links(row.userId),
  };
}

type ProgressRow = PacingInput["progress"][number];

/** The pacing summary at the send moment, from the rows as getPacing would read them. */
function pacingOf(
  request: DigestRequest,
  row: DigestRow,
  enrollment: NonNullable<DigestRow["enrollment"]>,
  tree: Tree,
  progress: ProgressRow[],
): PacingSummary {
  const velocityFrom = msDaysBefore(request.at, VELOCITY_LOOKBACK_DAYS);
  return pacingSummary({
    roadmap: tree.tree,
    enrollment: pacingEnrollmentOf(enrollment),
    // getPacing's check-ins: this enrolment's, over the velocity window.
    checkIns: row.checkIns
      .filter(([at, , , enrollmentId]) => enrollmentId === enrollment.id && at > velocityFrom && at <= request.at.getTime())
      .map(([at, hours]) => ({ at, hours })),
    progress,
    hoursLogged: row.logged.map(([skillId, hours]) => ({ skillId, hours: roundLoggedHours(hours) })),
    featureLaunch: row.shipped ? recordClockStart(row.shipped, request.at, enrollment.timezone) : null,
    now: request.at,
    timeZone: enrollment.timezone,
  });
}

/** The roadmap's milestones done in the window [windowStart, end), by when, as "done this week" lists them. */
function doneIn(progress: readonly ProgressRow[], tree: Tree, windowStart: number, end: number): DigestInput["doneThisWeek"] {
  // Done in the window and still done at its end: the flip into done is the last one, inside the window.
  return progress
    .filter((r) => r.status === "done" && tree.titleOf.has(r.skillId))
    .flatMap((r) => {
      const flips = r.doneFlips.filter((ms) => ms < end);
      const last = flips.at(-1);
      return flips.length % 2 === 1 && last !== undefined && last >= windowStart ? [{ at: last, title: tree.titleOf.get(r.skillId)! }] : [];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ title }) => ({ title }));
}

/** The partner notes made in the window, each with who sent it and what it was on. */
function partnerNotesIn(notes: DigestRow["notes"], tree: Tree, windowStart: number, end: number): DigestInput["partnerNotes"] {
  return notes
    .filter(([, , , , , at]) => at >= windowStart && at < end)
    .map(([name, kind, body, isoWeek, skillId]) => ({
      from: name?.trim() || "Your partner",
      kind,
      body,
      on: skillId !== null ? (tree.titleOf.get(skillId) ?? "a milestone") : `week ${isoWeek ?? ""}`.trim(),
    }));
}

/** The pivot pace in the week holding `at` (the send moment), as /pivot shows it that day. */
function pivotOf(pivot: NonNullable<DigestRow["pivot"]>, at: number, paused: boolean): DigestInput["pivot"] {
  const today = isoOfDay(localDayOf(at, pivot.timezone));
  return pivotPace({
    today,
    targets: { applicationsPerWeek: pivot.applicationsPerWeek, interviewsPerWeek: pivot.interviewsPerWeek },
    targetsSince: pivot.targetsSince,
    sentOn: pivot.sentOn,
    interviewsOn: pivot.interviewsOn,
    paused,
  });
}

/**
 * Each request with its digest input (null: no digest for that user), built one at a time from a
 * batch's rows, so that a caller composing each as it comes holds one batch's rows, not its emails.
 */
async function* inputsOf(
  requests: readonly DigestRequest[],
  rows: readonly DigestRow[],
  links: DigestLinks,
): AsyncGenerator<{ request: DigestRequest; input: DigestInput | null }> {
  const trees = await treesFor(rows);
  const rowOf = new Map(rows.map((row) => [row.userId, row]));
  for (const [i, request] of requests.entries()) {
    // A turn of the event loop now and then: digestInputs' read-ahead is sent, and its rows
    // received, only in such turns, and without them it waited for the whole batch to be built.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const row = rowOf.get(request.userId);
    const enrollment = row?.enrollment;
    const tree = enrollment && trees.get(`${enrollment.roadmapId}@${enrollment.seededAt}`);
    yield { request, input: row && enrollment && tree ? inputOf(request, row, enrollment, tree, links) : null };
  }
}

/**
 * Digest inputs for each request, keyed by user id; a user who can't get one (no open enrolment,
 * digest turned off, deleted) is absent from the map.
 */
export async function loadDigestInputs(
  requests: readonly DigestRequest[],
  links: DigestLinks,
  options: { evenIfOff?: boolean } = {},
): Promise<Map<string, DigestInput>> {
  const inputs = new Map<string, DigestInput>();
  for await (const { request, input } of inputsOf(requests, await fetchDigestRows(requests, options), links)) {
    if (input) inputs.set(request.userId, input);
  }
  return inputs;
}

/**
 * Every request with its digest input (null: no digest for that user), reading `batchSize` users
 * per statement and the next batch while this one is composed: the statement runs in PostgreSQL's
 * process, so on a machine with two cores its time hides behind composing (tests/bench/digest.ts).
 */
export async function* digestInputs(
  requests: readonly DigestRequest[],
  links: DigestLinks,
  batchSize: number,
): AsyncGenerator<{ request: DigestRequest; input: DigestInput | null }> {
  const slices: DigestRequest[][] = [];
  for (let i = 0; i < requests.length; i += batchSize) slices.push(requests.slice(i, i + batchSize));
  let next = slices.length > 0 ? fetchDigestRows(slices[0]!, {}) : null;
  for (const [i, slice] of slices.entries()) {
    const rows = await next!;
    next = i + 1 < slices.length ? fetchDigestRows(slices[i + 1]!, {}) : null;
    // A failed read-ahead surfaces when it is awaited; until then it mustn't count as unhandled.
    next?.catch(() => {});
    yield* inputsOf(slice, rows, links);
  }
}
