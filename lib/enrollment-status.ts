// What "open", "ended" and "the current enrolment" mean, said once. Pure and client-safe: the
// dashboard's components read it as well as the server. The SQL twin (`openStatusSql`, for raw
// queries) lives in lib/enrollments.ts and is built from OPEN_STATUSES; the partial unique index
// enrollment_one_open_per_roadmap is checked against it by tests/integration/enrollment-status.test.ts.
import type { EnrollmentStatus } from "./generated/prisma/enums";

/** An open enrolment can still be ticked, paused, resumed and replanned; at most one per roadmap. */
export const OPEN_STATUSES = ["active", "paused"] as const satisfies readonly EnrollmentStatus[];

export function isOpen(status: EnrollmentStatus): status is (typeof OPEN_STATUSES)[number] {
  return (OPEN_STATUSES as readonly EnrollmentStatus[]).includes(status);
}

/** Ended (abandoned or completed): kept for history, never ticked again. */
export function hasEnded(status: EnrollmentStatus): boolean {
  return !isOpen(status);
}

/**
 * The enrolment everything opens on when the user has not chosen one — the dashboard, /checkin, the
 * public page, the weekly email: the first open one in the listing order (active before paused,
 * then the newest; `enrollmentOrder` in lib/enrollments.ts and the digest's SQL sort the same way).
 */
export function currentEnrollment<T extends { status: EnrollmentStatus }>(listed: readonly T[]): T | undefined {
  return listed.find((e) => isOpen(e.status));
}
