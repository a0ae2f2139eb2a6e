import { requireUser } from "@/lib/auth";
import { deleteApplication, getApplication, updateApplication } from "@/lib/applications";
import { handle, json, parseJson, parseParam, otherMethods } from "@/lib/http";
import { applicationUpdateSchema } from "@/lib/validation/applications";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ applicationId: string }> };

const applicationIdOf = async ({ params }: Context) => parseParam((await params).applicationId, idSchema, "application");

export const GET = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  return json(await getApplication(user.id, await applicationIdOf(context)));
});

/** Edits the details (not the stage: POST …/stage moves it, so its history stays true). */
export const PATCH = handle(async (request: Request, context: Context) => {
  const user = await requireUser();
  const id = await applicationIdOf(context);
  const input = await parseJson(request, applicationUpdateSchema);
  return json(await updateApplication(user.id, id, input));
});

export const DELETE = handle(async (_request: Request, context: Context) => {
  const user = await requireUser();
  await deleteApplication(user.id, await applicationIdOf(context));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
