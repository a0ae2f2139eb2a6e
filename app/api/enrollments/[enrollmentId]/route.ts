import { requireUser } from "@/lib/auth";
import { changeEnrollment } from "@/lib/enrollments";
import { handle, json, otherMethods, parseJson, parseParam } from "@/lib/http";
import { getDashboard, summarise } from "@/lib/progress";
import { idSchema } from "@/lib/validation/common";
import { enrollmentChangeSchema } from "@/lib/validation/enrollment";

type Context = { params: Promise<{ enrollmentId: string }> };

export const GET = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const enrollmentId = parseParam((await params).enrollmentId, idSchema, "enrolment");
  const dashboard = await getDashboard(user.id, enrollmentId);
  return json({ ...dashboard, summary: summarise(dashboard) });
});

/** Pause, resume, replan (new target) or abandon. History is kept in EnrollmentChange. */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const enrollmentId = parseParam((await params).enrollmentId, idSchema, "enrolment");
  const change = await parseJson(request, enrollmentChangeSchema);
  const enrollment = await changeEnrollment(user.id, enrollmentId, change);
  return json({ enrollment });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, DELETE, OPTIONS } = otherMethods("GET", "PATCH");
