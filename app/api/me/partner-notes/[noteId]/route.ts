import { requireUser } from "@/lib/auth";
import { handle, parseParam, otherMethods } from "@/lib/http";
import { hideNote } from "@/lib/partners/notes";
import { idSchema } from "@/lib/validation/common";

type Context = { params: Promise<{ noteId: string }> };

/** Hides a note the caller received (from the dashboard and the digest); it stays in the export. */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  await hideNote(user.id, parseParam((await params).noteId, idSchema, "note"));
  return new Response(null, { status: 204 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
