import { requireUser } from "@/lib/auth";
import { moveApplicationStage } from "@/lib/applications";
import { handle, json, parseJson, parseParam, otherMethods } from "@/lib/http";
import { stageMoveSchema } from "@/lib/validation/applications";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ applicationId: string }> };

/** Moves the application to a later stage (or rejected / withdrawn); an illegal jump is a 400 saying why. */
export const POST = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const id = parseParam((await params).applicationId, idSchema, "application");
  const input = await parseJson(request, stageMoveSchema);
  return json(await moveApplicationStage(user.id, id, input));
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
