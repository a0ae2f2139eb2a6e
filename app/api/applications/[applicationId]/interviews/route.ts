import { requireUser } from "@/lib/auth";
import { addInterview } from "@/lib/applications";
import { handle, json, parseJson, parseParam, otherMethods } from "@/lib/http";
import { interviewSchema } from "@/lib/validation/applications";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ applicationId: string }> };

/** Logs an interview already held → 201 with the application. */
export const POST = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const id = parseParam((await params).applicationId, idSchema, "application");
  const input = await parseJson(request, interviewSchema);
  return json(await addInterview(user.id, id, input), { status: 201 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
