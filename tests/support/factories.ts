// Test data made directly in the test database, documenso-style: each test creates its own user and
// signs in by writing a session row, never through a shared fixture user.
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrismaClient } from "../../lib/prisma-client";
import { localDaysAgo, shiftLocalDays } from "./dates";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`.");
  client ??= createPrismaClient(url);
  return client;
}

export const baseUrl = () => process.env.TEST_APP_URL ?? "http://localhost:3100";

/** next-auth v4's session cookie name over plain http. */
export const SESSION_COOKIE = "next-auth.session-token";

export interface TestUser {
  id: string;
  email: string;
  sessionToken: string;
  cookie: string;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(prefix = "user"): Promise<TestUser> {
  const db = testDb();
  const email = uniqueEmail(prefix);
  const user = await db.user.create({ data: { email, emailVerified: new Date() } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: shiftLocalDays(new Date(), 1, "UTC") } });
  return { id: user.id, email, sessionToken, cookie: `${SESSION_COOKIE}=${sessionToken}` };
}

/** `db`: another database than the stack's (a test file's own, tests/support/own-database.ts). */
export async function createEnrollment(
  userId: string,
  roadmapSlug = "swe-to-mle",
  overrides: { startDate?: string; targetMonths?: number; timezone?: string; weeklyHours?: number } = {},
  db: PrismaClient = testDb(),
) {
  const roadmap = await db.roadmap.findUniqueOrThrow({ where: { slug: roadmapSlug } });
  return db.enrollment.create({
    data: {
      userId,
      roadmapId: roadmap.id,
      startDate: new Date(`${overrides.startDate ?? localDaysAgo(90)}T00:00:00Z`),
      targetMonths: overrides.targetMonths ?? 12,
      weeklyHours: overrides.weeklyHours ?? 8,
      timezone: overrides.timezone ?? "Europe/London",
      changes: { create: { kind: "enrolled", toTargetMonths: overrides.targetMonths ?? 12, toWeeklyHours: overrides.weeklyHours ?? 8 } },
    },
  });
}

export async function firstMilestone(roadmapSlug = "swe-to-mle") {
  return testDb().milestone.findFirstOrThrow({
    where: { roadmap: { slug: roadmapSlug }, retiredAt: null, minDurationDays: null },
    orderBy: [{ phase: { position: "asc" } }, { position: "asc" }],
  });
}

/**
 * A history written straight to the database, as the app would have written it over months:
 * `start` is the enrolment's start date; each tick is (skill slug, days after the start, status),
 * each change (kind, days after the start, new target). Times are 12:00 UTC on those days.
 */
export async function seedHistory(
  userId: string,
  options: {
    roadmapSlug?: string;
    start: string;
    targetMonths: number;
    /** The weekly hours budget (8 unless given). */
    weeklyHours?: number;
    ticks: { skill: string; day: number; status?: "done" | "skipped" | "in_progress" | "not_started" }[];
    changes?: { kind: "paused" | "resumed" | "replanned"; day: number; toTargetMonths?: number }[];
  },
) {
  const db = testDb();
  const startMs = Date.parse(`${options.start}T12:00:00Z`);
  const at = (day: number) => shiftLocalDays(new Date(startMs), day, "UTC");
  const enrollment = await createEnrollment(userId, options.roadmapSlug, {
    startDate: options.start,
    targetMonths: options.targetMonths,
    ...(options.weeklyHours ? { weeklyHours: options.weeklyHours } : {}),
  });
  await db.enrollmentChange.updateMany({ where: { enrollmentId: enrollment.id }, data: { at: at(0) } });
  let target = options.targetMonths;
  let status: "active" | "paused" = "active";
  for (const c of options.changes ?? []) {
    const replan = c.kind === "replanned" ? { fromTargetMonths: target, toTargetMonths: c.toTargetMonths ?? target } : {};
    if (c.kind === "replanned") target = c.toTargetMonths ?? target;
    if (c.kind !== "replanned") status = c.kind === "paused" ? "paused" : "active";
    await db.enrollmentChange.create({ data: { enrollmentId: enrollment.id, kind: c.kind, at: at(c.day), ...replan } });
  }
  // A history that began at its start: the enrolment and the account were made then (the weekly
  // email reads nothing from before the account existed, and starts the week after enrolling).
  await db.enrollment.update({ where: { id: enrollment.id }, data: { targetMonths: target, status, createdAt: at(0) } });
  await db.user.updateMany({ where: { id: userId, createdAt: { gt: at(0) } }, data: { createdAt: at(0) } });
  const skills = new Map((await db.skill.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]));
  const current = new Map<string, "done" | "skipped" | "in_progress" | "not_started">();
  for (const tick of [...options.ticks].sort((a, b) => a.day - b.day)) {
    const skillId = skills.get(tick.skill);
    if (!skillId) throw new Error(`no skill ${tick.skill}`);
    const to = tick.status ?? "done";
    const from = current.get(skillId) ?? "not_started";
    current.set(skillId, to);
    // The row first: the log's trigger records done flips on it (and refuses an event without it).
    await db.milestoneProgress.upsert({
      where: { userId_skillId: { userId, skillId } },
      create: { userId, skillId, status: to, completedAt: to === "done" ? at(tick.day) : null, updatedAt: at(tick.day) },
      update: { status: to, completedAt: to === "done" ? at(tick.day) : null, updatedAt: at(tick.day) },
    });
    await db.progressEvent.create({
      data: { userId, skillId, enrollmentId: enrollment.id, fromStatus: from, toStatus: to, occurredAt: at(tick.day) },
    });
  }
  return enrollment;
}

/**
 * fetch without following redirects, except Next's cache-busting one: an RSC request without the
 * `_rsc` query parameter is sent to the same path with it (307), as a browser's router would be.
 */
export async function send(pathname: string, init: RequestInit = {}) {
  let res = await fetch(`${baseUrl()}${pathname}`, { ...init, redirect: "manual" });
  const location = new URL(res.headers.get("location") ?? "/", baseUrl());
  if (res.status === 307 && location.pathname === pathname.split("?")[0] && location.searchParams.has("_rsc")) {
    res = await fetch(`${baseUrl()}${location.pathname}${location.search}`, { ...init, redirect: "manual" });
  }
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** fetch against the running app, as `user` (or anonymous). */
export async function call(
  method: string,
  pathname: string,
  { user, body, rawBody, headers = {} }: { user?: TestUser; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: unknown; text: string; headers: Headers }> {
  const res = await fetch(`${baseUrl()}${pathname}`, {
    method,
    redirect: "manual",
    headers: {
      ...(body !== undefined || rawBody !== undefined ? { "content-type": "application/json" } : {}),
      ...(user ? { cookie: user.cookie } : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/**
 * A shipped-feature record written straight to the database, as if saved some time ago: saving it
 * through the API would run self-completion at once, and the tests of the maintenance pass need a
 * record whose 90 days came up after it was saved. Dates are "YYYY-MM-DD".
 */
export async function createShippedRecord(userId: string, options: { launchDate: string; gaps?: string[] }, db: PrismaClient = testDb()) {
  return db.shippedFeature.create({
    data: {
      userId,
      title: "ticket classifier",
      problem: "Agents sorted every ticket by hand.",
      model: "DistilBERT, fine-tuned",
      launchDate: new Date(`${options.launchDate}T00:00:00Z`),
      incidents: {
        create: (options.gaps ?? []).map((day, position) => ({
          position,
          occurredOn: new Date(`${day}T00:00:00Z`),
          whatHappened: "Switched off",
          whatChanged: "Back on",
          featureWasOff: true,
        })),
      },
    },
  });
}
