import { requireUser } from "@/lib/auth";
import { checkInHistory, submitCheckIn } from "@/lib/checkins";
import { handle, json, otherMethods, parseJson } from "@/lib/http";
import { withUserLimit } from "@/lib/rate-limit";
import { checkInCreateSchema } from "@/lib/validation/checkin";

/** The newest 100 check-ins and the streak. */
export const GET = handle(async () => {
  const user = await requireUser();
  return json(await checkInHistory(user.id));
});

/**
 * A check-in; the same idempotency key again answers with the stored one, marked as a replay (and
 * with another body, a 422). Stored check-ins count against the user's limit; replays don't.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJson(request, checkInCreateSchema);
  const { replayed, ...result } = await withUserLimit(
    "checkIn",
    user.id,
    () => submitCheckIn(user.id, input),
    (r) => !r.replayed,
  );
  return json(result, { status: 201, headers: replayed ? { "Idempotent-Replayed": "true" } : {} });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
