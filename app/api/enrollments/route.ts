import { requireUser } from "@/lib/auth";
import { enroll, listEnrollments } from "@/lib/enrollments";
import { handle, json, otherMethods, parseJson } from "@/lib/http";
import { enrollmentCreateSchema } from "@/lib/validation/enrollment";

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ enrollments: await listEnrollments(user.id) });
});

export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJson(request, enrollmentCreateSchema);
  const enrollment = await enroll(user.id, input);
  return json({ enrollment }, { status: 201 });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
