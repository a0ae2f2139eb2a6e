// Small helpers over `call()` for the integration tests: the error shape, ticks and dashboards.
import { expect } from "vitest";
import type { Dashboard, DashboardMilestone } from "../../lib/progress";
import type { MilestoneUpdateInput } from "../../lib/validation/progress";
import { ERROR_STATUS, type ErrorCode } from "../../lib/errors";
import { call, testDb, type TestUser } from "./factories";
import { localDaysAgo } from "./dates";

export type CallResult = Awaited<ReturnType<typeof call>>;

const statusOfCode = ERROR_STATUS;
export type { ErrorCode };

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

/** True when `json` is our one error shape: { error: { code, message, fields? } } with a known code. */
export function isErrorBody(json: unknown): json is ErrorBody {
  if (typeof json !== "object" || json === null || !("error" in json)) return false;
  const error = json.error;
  if (typeof error !== "object" || error === null) return false;
  const { code, message, fields } = error as Record<string, unknown>;
  if (typeof code !== "string" || !(code in statusOfCode) || typeof message !== "string" || message.length === 0) return false;
  if (fields === undefined) return true;
  return (
    typeof fields === "object" &&
    fields !== null &&
    Object.values(fields).every((messages) => Array.isArray(messages) && messages.every((m) => typeof m === "string"))
  );
}

/** The status a code maps to in lib/errors.ts, so a body can't claim one thing while the status says another. */
export const statusOf = (code: string): number | undefined => statusOfCode[code as ErrorCode];

/** Asserts `res` is the error `code` with its status and the shared shape; returns the body. */
export function expectError(res: CallResult, code: ErrorCode): ErrorBody["error"] {
  expect({ status: res.status, body: res.json }, res.text).toMatchObject({ status: statusOfCode[code], body: { error: { code } } });
  expect(isErrorBody(res.json), res.text).toBe(true);
  return (res.json as ErrorBody).error;
}

export function expectOk(res: CallResult, status = 200): void {
  expect({ status: res.status, text: res.text }).toMatchObject({ status });
}

export async function tick(user: TestUser, enrollmentId: string, milestoneId: string, update: MilestoneUpdateInput): Promise<CallResult> {
  return call("PUT", `/api/enrollments/${enrollmentId}/milestones/${milestoneId}`, { user, body: update });
}

export async function dashboardOf(user: TestUser, enrollmentId: string): Promise<Dashboard> {
  const res = await call("GET", `/api/enrollments/${enrollmentId}`, { user });
  expectOk(res);
  return res.json as Dashboard;
}

/** Every milestone the dashboard shows, keyed by slug, with the phase it sits in. */
export function milestonesBySlug(dashboard: Dashboard): Map<string, DashboardMilestone & { phaseSlug: string }> {
  return new Map(dashboard.phases.flatMap((phase) => phase.milestones.map((m) => [m.slug, { ...m, phaseSlug: phase.slug }] as const)));
}

export async function milestoneBySlug(roadmapSlug: string, slug: string) {
  return testDb().milestone.findFirstOrThrow({ where: { roadmap: { slug: roadmapSlug }, slug } });
}

export const enrollmentBody = (overrides: Record<string, unknown> = {}) => ({
  roadmapSlug: "swe-to-mle",
  // About three months in, whatever the date the suite runs on (a fixed date would age out of the
  // roadmap's limits).
  startDate: localDaysAgo(90),
  targetMonths: 12,
  weeklyHours: 8,
  timezone: "Europe/London",
  ...overrides,
});
