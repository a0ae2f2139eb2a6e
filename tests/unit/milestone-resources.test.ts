import { describe, expect, it } from "vitest";
import { catalogue } from "../../lib/roadmaps";
import { RESOURCE_KINDS, RESOURCES_BY_SKILL, resourceListSchema, resourcesForSkill, resourceTimeLabel } from "../../lib/roadmaps/resources";

const live = catalogue.flatMap((roadmap) =>
  roadmap.phases.flatMap((phase) => phase.milestones.filter((m) => !m.retired).map((m) => ({ roadmap: roadmap.slug, milestone: m }))),
);

describe("the catalogue's resources", () => {
  it("covers both roadmaps", () => {
    expect(new Set(live.map((l) => l.roadmap))).toEqual(new Set(["swe-to-mle", "swe-to-ai-engineer"]));
  });

  it.each(live.map((l) => [`${l.roadmap}/${l.milestone.slug}`, l.milestone.skill] as const))(
    "%s has one to three resources",
    (_, skill) => {
      const resources = resourcesForSkill(skill);
      expect(resources.length).toBeGreaterThanOrEqual(1);
      expect(resources.length).toBeLessThanOrEqual(3);
    },
  );

  it("has only well-formed https URLs, a known kind, a title and a positive whole number of minutes", () => {
    for (const [skill, resources] of Object.entries(RESOURCES_BY_SKILL)) {
      expect(resourceListSchema.safeParse(resources).success, skill).toBe(true);
      for (const r of resources) {
        const url = new URL(r.url);
        expect(url.protocol, r.url).toBe("https:");
        expect(url.hostname, r.url).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(url.username + url.password, r.url).toBe("");
        expect(r.url, "no whitespace").not.toMatch(/\s/);
        expect(RESOURCE_KINDS).toContain(r.kind);
        expect(r.title.trim().length).toBeGreaterThan(0);
        expect(Number.isInteger(r.minutes) && r.minutes > 0).toBe(true);
      }
      expect(new Set(resources.map((r) => r.url)).size, `${skill}: one link listed twice`).toBe(resources.length);
    }
  });

  it("names no skill the catalogue doesn't have (a typo would leave a milestone bare)", () => {
    const skills = new Set(live.map((l) => l.milestone.skill));
    expect(Object.keys(RESOURCES_BY_SKILL).filter((s) => !skills.has(s))).toEqual([]);
  });

  it("carries the links the article names", () => {
    expect(resourcesForSkill("karpathy-zero-to-hero").map((r) => r.url)).toContain("https://karpathy.ai/zero-to-hero.html");
    expect(resourcesForSkill("fastai-practical-deep-learning").map((r) => r.url)).toContain("https://course.fast.ai/");
    expect(resourcesForSkill("deploy-model-behind-api").map((r) => r.url)).toContain("https://fastapi.tiangolo.com/deployment/docker/");
  });

  it("refuses http and malformed URLs", () => {
    const base = { title: "x", kind: "docs", minutes: 5 };
    expect(resourceListSchema.safeParse([{ ...base, url: "http://example.com/" }]).success).toBe(false);
    expect(resourceListSchema.safeParse([{ ...base, url: "https//example.com" }]).success).toBe(false);
    expect(resourceListSchema.safeParse([{ ...base, url: "https://example.com/" }]).success).toBe(true);
  });

  it("labels times", () => {
    expect(resourceTimeLabel(15)).toBe("≈ 15 min");
    expect(resourceTimeLabel(60)).toBe("≈ 1 h");
    expect(resourceTimeLabel(90)).toBe("≈ 1 h 30");
    expect(resourceTimeLabel(1200)).toBe("≈ 20 h");
  });
});
