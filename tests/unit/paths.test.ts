import { describe, expect, it } from "vitest";
import { pathComparisons } from "../../lib/context/paths";
import { sweToAiEngineer, sweToMle } from "../../lib/roadmaps";
import { assessmentAnswersSchema, assessmentQuery, assessmentQuerySchema } from "../../lib/validation/assessment";

describe("pathComparisons", () => {
  const [mle, ai] = pathComparisons();
  it("takes each path's durations from the catalogue", () => {
    expect(mle.duration).toMatchObject({
      minMonths: sweToMle.minMonths,
      maxMonths: sweToMle.maxMonths,
      typicalMonths: sweToMle.typicalMonths,
    });
    expect(ai.duration).toMatchObject({
      minMonths: sweToAiEngineer.minMonths,
      maxMonths: sweToAiEngineer.maxMonths,
      typicalMonths: sweToAiEngineer.typicalMonths,
    });
    expect([mle.title, ai.title]).toEqual([sweToMle.title, sweToAiEngineer.title]);
  });
  it("gives the article's pay figures with their source and year", () => {
    expect(mle.pay).toEqual({
      headline: "15–30% above a software engineer at the same level, UK",
      detail: "Senior in London: £120–165k against £95–130k for a senior software engineer (+24%).",
      cite: "JobLabs, 2026",
    });
    expect(ai.pay.headline).toBe("Within 5–10% of ML Engineer pay at senior level");
    expect(ai.pay.cite).toBe("JobLabs, 2026");
  });
  it("says the same things of both, in the same order", () => {
    for (const path of [mle, ai]) {
      expect(path.work.length).toBeGreaterThanOrEqual(3);
      expect(path.skills.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("assessment answers in a URL", () => {
  const answers = {
    operationalWork: "appeals",
    careerStage: "mid",
    goal: "long_term_compounding",
    mlSurfaceAtWork: true,
    mathsBackground: false,
  } as const;
  it("are written as readable query parameters", () => {
    expect(assessmentQuery(answers)).toBe(
      "operationalWork=appeals&careerStage=mid&goal=long_term_compounding&mlSurfaceAtWork=yes&mathsBackground=no",
    );
  });
  it("read back as the same answers, which the API's schema accepts", () => {
    const parsed = assessmentQuerySchema.parse(Object.fromEntries(new URLSearchParams(assessmentQuery(answers))));
    expect(parsed).toEqual(answers);
    expect(assessmentAnswersSchema.parse(parsed)).toEqual(answers);
  });
  it("are absent as a whole when one is missing, unknown or repeated", () => {
    expect(
      assessmentQuerySchema.safeParse({
        operationalWork: "appeals",
        careerStage: "mid",
        goal: "long_term_compounding",
        mlSurfaceAtWork: "yes",
      }).success,
    ).toBe(false);
    expect(
      assessmentQuerySchema.safeParse({ ...Object.fromEntries(new URLSearchParams(assessmentQuery(answers))), careerStage: "ancient" })
        .success,
    ).toBe(false);
    expect(
      assessmentQuerySchema.safeParse({
        ...Object.fromEntries(new URLSearchParams(assessmentQuery(answers))),
        mathsBackground: ["yes", "no"],
      }).success,
    ).toBe(false);
    expect(assessmentQuerySchema.safeParse({}).success).toBe(false);
  });
});
