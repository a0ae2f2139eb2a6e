import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseJson, parseParam } from "@/lib/http";
import { setMilestoneStatus } from "@/lib/progress";
import { idSchema } from "@/lib/validation/common";
import { milestoneUpdateSchema } from "@/lib/validation/progress";

type Context = { params: Promise<{ enrollmentId: string; milestoneId: string }> };

/** Set a milestone's status, note and evidence link: the tick. */
export const PUT = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const p = await params;
  const enrollmentId = parseParam(p.enrollmentId, idSchema, "enrolment");
  const milestoneId = parseParam(p.milestoneId, idSchema, "milestone");
  const update = await parseJson(request, milestoneUpdateSchema);
  const progress = await setMilestoneStatus(user.id, enrollmentId, milestoneId, update);
  return json({ progress });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
