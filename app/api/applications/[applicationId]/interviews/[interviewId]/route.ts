import { requireUser } from "@/lib/auth";
import { deleteInterview } from "@/lib/applications";
import { handle, parseParam, otherMethods } from "@/lib/http";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ applicationId: string; interviewId: string }> };

export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { applicationId, interviewId } = await params;
  await deleteInterview(user.id, parseParam(applicationId, idSchema, "application"), parseParam(interviewId, idSchema, "interview"));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
