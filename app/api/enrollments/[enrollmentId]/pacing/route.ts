import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseParam } from "@/lib/http";
import { pacingHeadline } from "@/lib/pacing/headline";
import { getPacing } from "@/lib/progress/pacing";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ enrollmentId: string }> };

/** The pace of one of the caller's enrolments, as of now: the numbers, the chart's series and the headline. */
export const GET = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const enrollmentId = parseParam((await params).enrollmentId, idSchema, "enrolment");
  const pacing = await getPacing(user.id, enrollmentId);
  return json({ pacing, headline: pacingHeadline(pacing) });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
