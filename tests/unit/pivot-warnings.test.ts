// When the three common pivot mistakes are pointed out: exact cases around each threshold.
import { describe, expect, it } from "vitest";
import { monthsIntoPlan, pivotWarnings, type WarningInput } from "@/lib/context/warnings";
import { sweToMle } from "@/lib/roadmaps/swe-to-mle";

const all = sweToMle.phases.flatMap((p) => p.milestones);
const learnSkills = all.filter((m) => m.kind === "learn").map((m) => m.skill);

/** The ML Engineer roadmap's milestones, with `done` skills done. */
function milestones(done: string[]) {
  return all.map((m) => ({ kind: m.kind, skillSlug: m.skill, status: done.includes(m.skill) ? "done" : "not_started" }));
}

const base = (over: Partial<WarningInput>): WarningInput => ({
  roadmapSlug: "swe-to-mle",
  monthsIntoPlan: 10,
  milestones: milestones(learnSkills.slice(0, 8)),
  assessment: null,
  ...over,
});

describe("courses without shipping", () => {
  it("the roadmap has the learning milestones the rule counts (10 learn, 2 ship)", () => {
    expect(learnSkills).toHaveLength(10);
    expect(all.filter((m) => m.kind === "ship").map((m) => m.skill)).toEqual(["ship-feature-at-work", "document-eval-methodology"]);
  });

  it.each([
    ["month 10, 8 learning milestones, nothing shipped", base({}), true],
    ["month 14, all 10 learning milestones", base({ monthsIntoPlan: 14, milestones: milestones(learnSkills) }), true],
    ["month 9", base({ monthsIntoPlan: 9 }), false],
    ["only 7 learning milestones", base({ milestones: milestones(learnSkills.slice(0, 7)) }), false],
    [
      "7 learning + 3 build milestones (builds are not courses)",
      base({
        milestones: milestones([
          ...learnSkills.slice(0, 7),
          "image-classifier-from-scratch",
          "sentiment-model-from-scratch",
          "deploy-model-behind-api",
        ]),
      }),
      false,
    ],
    ["shipped the feature", base({ milestones: milestones([...learnSkills.slice(0, 8), "ship-feature-at-work"]) }), false],
    [
      "documented the eval methodology (a ship milestone)",
      base({ milestones: milestones([...learnSkills.slice(0, 8), "document-eval-methodology"]) }),
      false,
    ],
    [
      "shipped feature in progress only",
      base({
        milestones: milestones(learnSkills.slice(0, 8)).map((m) =>
          m.skillSlug === "ship-feature-at-work" ? { ...m, status: "in_progress" } : m,
        ),
      }),
      true,
    ],
    [
      "learning milestones skipped rather than done",
      base({ milestones: milestones([]).map((m) => (m.kind === "learn" ? { ...m, status: "skipped" } : m)) }),
      false,
    ],
  ])("%s ⇒ %s", (_case, input, expected) => {
    expect(pivotWarnings(input).includes("courses_without_shipping")).toBe(expected);
  });
});

describe("pay without enjoyment and ML when AI fits", () => {
  const early = { monthsIntoPlan: 1, milestones: milestones([]) };
  it.each([
    ["no assessment", base({ ...early }), []],
    [
      "draining, on the ML Engineer roadmap",
      base({ ...early, assessment: { operationalWork: "draining", recommendation: "ai_engineer_first" } }),
      ["pay_without_enjoyment"],
    ],
    [
      "draining senior, on the ML Engineer roadmap",
      base({ ...early, assessment: { operationalWork: "draining", recommendation: "stay_senior_track" } }),
      ["pay_without_enjoyment"],
    ],
    [
      "draining, on the AI Engineer roadmap",
      base({
        ...early,
        roadmapSlug: "swe-to-ai-engineer",
        assessment: { operationalWork: "draining", recommendation: "ai_engineer_first" },
      }),
      [],
    ],
    [
      "appeals, AI Engineer first suggested, on the ML Engineer roadmap",
      base({ ...early, assessment: { operationalWork: "appeals", recommendation: "ai_engineer_first" } }),
      ["ml_when_ai_fits"],
    ],
    [
      "appeals, senior track suggested, on the ML Engineer roadmap",
      base({ ...early, assessment: { operationalWork: "appeals", recommendation: "stay_senior_track" } }),
      ["ml_when_ai_fits"],
    ],
    [
      "appeals, ML Engineer suggested, on the ML Engineer roadmap",
      base({ ...early, assessment: { operationalWork: "appeals", recommendation: "ml_engineer" } }),
      [],
    ],
    [
      "appeals, AI Engineer first suggested, on the AI Engineer roadmap",
      base({
        ...early,
        roadmapSlug: "swe-to-ai-engineer",
        assessment: { operationalWork: "appeals", recommendation: "ai_engineer_first" },
      }),
      [],
    ],
    [
      "month 10 courses and draining together",
      base({ assessment: { operationalWork: "draining", recommendation: "ai_engineer_first" } }),
      ["courses_without_shipping", "pay_without_enjoyment"],
    ],
  ] as const)("%s ⇒ %j", (_case, input, expected) => {
    expect(pivotWarnings(input)).toEqual(expected);
  });
});

describe("monthsIntoPlan", () => {
  it.each([
    ["2026-01-01", "2026-01-01", 0],
    ["2026-01-01", "2026-01-31", 0],
    ["2026-01-01", "2026-02-01", 1],
    ["2025-09-01", "2026-06-30", 9],
    ["2025-09-01", "2026-07-01", 10],
    // 31 Jan + 1 month is 28 Feb (the month's last day), so 28 Feb completes the first month.
    ["2026-01-31", "2026-02-27", 0],
    ["2026-01-31", "2026-02-28", 1],
    ["2027-02-28", "2026-02-28", 0],
  ])("%s → %s: %i", (start, today, expected) => {
    expect(monthsIntoPlan(start, today)).toBe(expected);
  });
});
