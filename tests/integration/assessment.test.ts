// The self-assessment over HTTP and SQL: bad answers are 400s with field errors, the answers and the
// recommendation are stored (one row per user, replaced when retaken), the export carries them, the
// roadmap page pre-fills the suggested target, and deleting the user removes the row. Who may call
// the routes is in access-control.test.ts.
import { describe, expect, it } from "vitest";
import type { SavedAssessment } from "../../lib/assessment";
import { expectError, expectOk } from "../support/api";
import { call, createUser, testDb } from "../support/factories";

const VALID = {
  operationalWork: "appeals",
  careerStage: "mid",
  goal: "long_term_compounding",
  mlSurfaceAtWork: true,
  mathsBackground: false,
} as const;

const put = (user: Awaited<ReturnType<typeof createUser>>, body: unknown) => call("PUT", "/api/me/assessment", { user, body });

describe("self-assessment", () => {
  it("is null before it is taken", async () => {
    const user = await createUser("assess-none");
    const res = await call("GET", "/api/me/assessment", { user });
    expectOk(res);
    expect(res.json).toEqual({ assessment: null });
  });

  it.each([
    ["an empty body", {}, ["operationalWork", "careerStage", "goal", "mlSurfaceAtWork", "mathsBackground"]],
    ["an unknown career stage", { ...VALID, careerStage: "10+" }, ["careerStage"]],
    ["a string for a yes/no", { ...VALID, mlSurfaceAtWork: "yes" }, ["mlSurfaceAtWork"]],
    ["a null answer", { ...VALID, goal: null }, ["goal"]],
    [
      "an answer missing",
      { operationalWork: "appeals", careerStage: "mid", goal: "short_term_pay", mlSurfaceAtWork: false },
      ["mathsBackground"],
    ],
    ["an extra field (a recommendation can't be sent)", { ...VALID, recommendation: "ml_engineer" }, ["_"]],
  ])("refuses %s with 400 and field errors, and stores nothing", async (_case, body, fields) => {
    const user = await createUser("assess-bad");
    const error = expectError(await put(user, body), "bad_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([...fields].sort());
    expect(await testDb().assessment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const user = await createUser("assess-raw");
    expectError(await call("PUT", "/api/me/assessment", { user, rawBody: "operationalWork=appeals" }), "bad_request");
  });

  it("stores the answers and the recommendation, and returns them", async () => {
    const user = await createUser("assess-save");
    const res = await put(user, VALID);
    expectOk(res);
    const { assessment } = res.json as { assessment: SavedAssessment };
    expect(assessment).toMatchObject({
      answers: VALID,
      recommendation: "ml_engineer",
      roadmapSlug: "swe-to-mle",
      bracket: { minMonths: 9, maxMonths: 12 },
      suggestedMonths: 12,
      reasons: ["ops_appeals", "mid_career_benefit", "long_term_compounds", "duration_ship_without_maths"],
      rulesVersion: 1,
    });
    const row = await testDb().assessment.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({
      ...VALID,
      recommendation: "ml_engineer",
      suggestedRoadmapSlug: "swe-to-mle",
      suggestedMonths: 12,
      bracketMinMonths: 9,
      bracketMaxMonths: 12,
    });
    const again = await call("GET", "/api/me/assessment", { user });
    expectOk(again);
    expect(again.json).toEqual({ assessment });
  });

  it("taking it again replaces the answers: still one row", async () => {
    const user = await createUser("assess-edit");
    expectOk(await put(user, VALID));
    const res = await put(user, { ...VALID, operationalWork: "draining", careerStage: "senior" });
    expectOk(res);
    expect((res.json as { assessment: SavedAssessment }).assessment).toMatchObject({
      recommendation: "stay_senior_track",
      roadmapSlug: "swe-to-ai-engineer",
      suggestedMonths: 9,
    });
    expect(await testDb().assessment.count({ where: { userId: user.id } })).toBe(1);
  });

  it("is in the account export", async () => {
    const user = await createUser("assess-export");
    expectOk(await put(user, VALID));
    const res = await call("GET", "/api/me/export", { user });
    expectOk(res);
    expect((res.json as { assessment: unknown }).assessment).toMatchObject({
      ...VALID,
      recommendation: "ml_engineer",
      suggestedMonths: 12,
    });
  });

  it("pre-fills the roadmap page's target from ?target=, else from the saved suggestion, else the typical one", async () => {
    const user = await createUser("assess-prefill");
    const selected = async (path: string) => {
      const res = await call("GET", path, { user });
      expectOk(res);
      // React renders the select's value as `selected` on its option.
      const option = /<option[^>]*\sselected=""[^>]*>/.exec(res.text)?.[0] ?? "";
      return /value="(\d+)"/.exec(option)?.[1];
    };
    expect(await selected("/roadmaps/swe-to-mle")).toBe("12");
    expect(await selected("/roadmaps/swe-to-mle?target=9")).toBe("9");
    expect(await selected("/roadmaps/swe-to-mle?target=40")).toBe("12");
    expect(await selected("/roadmaps/swe-to-mle?target=abc")).toBe("12");
    expectOk(await put(user, { ...VALID, mlSurfaceAtWork: false }));
    expect(await selected("/roadmaps/swe-to-mle")).toBe("15");
    // A suggestion for another roadmap doesn't move this one's default.
    expect(await selected("/roadmaps/swe-to-ai-engineer")).toBe("9");
  });

  it("goes with its user when the account is deleted", async () => {
    const user = await createUser("assess-delete");
    expectOk(await put(user, VALID));
    expectOk(await call("DELETE", "/api/me", { user, body: { confirmEmail: user.email } }));
    expect(await testDb().assessment.count({ where: { userId: user.id } })).toBe(0);
  });
});
