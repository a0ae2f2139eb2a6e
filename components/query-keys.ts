// Every react-query key, named once: the query that reads a resource and each mutation that
// invalidates it use the same key, so a renamed or reshaped key can't leave one of them stale.
export const queryKeys = {
  dashboard: (enrollmentId: string) => ["dashboard", enrollmentId] as const,
  /** One enrolment's pacing; `queryKeys.pacing()` matches every enrolment's (a check-in may move any). */
  pacing: (enrollmentId?: string) => (enrollmentId === undefined ? (["pacing"] as const) : (["pacing", enrollmentId] as const)),
  thisWeek: (enrollmentId: string) => ["this-week", enrollmentId] as const,
  /** A replan's preview at `months`; without it, every preview of the enrolment. */
  replanPreview: (enrollmentId: string, months?: number | string) =>
    months === undefined ? (["replan-preview", enrollmentId] as const) : (["replan-preview", enrollmentId, months] as const),
  checkIns: ["checkins"] as const,
  partners: ["partners"] as const,
};
