import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseParam } from "@/lib/http";
import { previewReplan } from "@/lib/progress/pacing";
import { idSchema } from "@/lib/validation/common";
import { replanPreviewQuerySchema } from "@/lib/validation/enrollment";

type Context = { params: Promise<{ enrollmentId: string }> };

/** What a replan would give (new target, finish at the hours, the lines), changing nothing. */
export const GET = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const enrollmentId = parseParam((await params).enrollmentId, idSchema, "enrolment");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const change = replanPreviewQuerySchema.parse(query);
  return json({ preview: await previewReplan(user.id, enrollmentId, change) });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
