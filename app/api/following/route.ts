import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods } from "@/lib/http";
import { COHORT_SORTS, type CohortSort } from "@/lib/partners/cohort";
import { cohortOf } from "@/lib/partners/view";

/** The cohort list: everyone the caller follows, whoever needs attention first (or ?sort=name|buffer|streak). */
export const GET = handle(async (request: Request) => {
  const user = await requireUser();
  const asked = new URL(request.url).searchParams.get("sort");
  const sort: CohortSort = COHORT_SORTS.find((s) => s === asked) ?? "attention";
  return json({ people: await cohortOf(user.id, sort) });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
