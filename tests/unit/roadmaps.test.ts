import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";
import { catalogue, findRoadmapDef, sweToAiEngineer, sweToMle, DURATION_ANCHORS, MILESTONE_KINDS } from "../../lib/roadmaps";
import type { MilestoneDef, MilestoneKind, RoadmapDef } from "../../lib/roadmaps";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface PlacedMilestone {
  phase: string;
  milestone: MilestoneDef;
}

function milestonesOf(roadmap: RoadmapDef): PlacedMilestone[] {
  return roadmap.phases.flatMap((phase) => phase.milestones.map((milestone) => ({ phase: phase.slug, milestone })));
}

function activeMilestonesOf(roadmap: RoadmapDef): PlacedMilestone[] {
  return milestonesOf(roadmap).filter(({ milestone }) => milestone.retired !== true);
}

function skillsOf(roadmap: RoadmapDef): Set<string> {
  return new Set(milestonesOf(roadmap).map(({ milestone }) => milestone.skill));
}

/**
 * Every concrete item the article names, where it must sit on the swe-to-mle roadmap.
 * Each pattern must match the title of exactly one live milestone.
 */
const ARTICLE_ITEMS: readonly { item: string; match: RegExp; phase: string; kind?: MilestoneKind }[] = [
  // Months 0–3: fundamentals, courses, small models
  { item: "gradient descent intuition", match: /gradient descent/i, phase: "ml-fundamentals", kind: "learn" },
  { item: "loss function choice", match: /loss function/i, phase: "ml-fundamentals", kind: "learn" },
  { item: "evaluation metric choice", match: /evaluation metric/i, phase: "ml-fundamentals", kind: "learn" },
  { item: "bias–variance in practice", match: /bias.variance/i, phase: "ml-fundamentals", kind: "learn" },
  { item: "PyTorch fluency", match: /pytorch/i, phase: "ml-fundamentals" },
  { item: "PyTorch: autograd", match: /autograd/i, phase: "ml-fundamentals" },
  { item: "PyTorch: training loops", match: /training loops?/i, phase: "ml-fundamentals" },
  { item: "Hugging Face Transformers", match: /hugging face/i, phase: "ml-fundamentals" },
  { item: "Transformers: fine-tuning", match: /fine-tun/i, phase: "ml-fundamentals" },
  { item: "Karpathy's Neural Networks: Zero to Hero", match: /karpathy.*zero to hero/i, phase: "ml-fundamentals" },
  { item: "fast.ai practical deep learning", match: /fast\.ai/i, phase: "ml-fundamentals" },
  { item: "small model: image classifier", match: /image classifier/i, phase: "ml-fundamentals", kind: "build" },
  { item: "small model: sentiment model", match: /sentiment/i, phase: "ml-fundamentals", kind: "build" },
  { item: "small model: text generator", match: /text generator/i, phase: "ml-fundamentals", kind: "build" },
  // Months 3–6: practical production ML
  { item: "deploy a model behind an API", match: /behind an API/i, phase: "production-ml" },
  { item: "deploy: FastAPI", match: /fastapi/i, phase: "production-ml" },
  { item: "deploy: Docker", match: /docker/i, phase: "production-ml" },
  { item: "basic eval pipeline", match: /eval pipeline/i, phase: "production-ml" },
  { item: "eval pipeline: offline and online", match: /offline.*online/i, phase: "production-ml" },
  { item: "read production ML post-mortems", match: /post-mortems/i, phase: "production-ml" },
  { item: "model versioning", match: /version/i, phase: "production-ml" },
  { item: "rollback", match: /roll ?back/i, phase: "production-ml" },
  { item: "drift detection", match: /drift/i, phase: "production-ml" },
  { item: "incident response", match: /incident/i, phase: "production-ml" },
  { item: "inference cost optimisation", match: /inference cost/i, phase: "production-ml" },
  { item: "cost: routing, batching, caching", match: /routing.*batching.*caching/i, phase: "production-ml" },
  { item: "distributed training (FSDP, DeepSpeed, ZeRO)", match: /distributed training/i, phase: "production-ml" },
  { item: "FSDP / DeepSpeed / ZeRO", match: /FSDP.*DeepSpeed.*ZeRO/, phase: "production-ml" },
  // Months 6–12: ship one real ML feature
  { item: "ship one ML feature in your current role", match: /ship one ML feature/i, phase: "ship-a-feature", kind: "ship" },
  { item: "maintain it for 3+ months", match: /maintain.*3\+ months/i, phase: "ship-a-feature", kind: "operate" },
  { item: "handle one production issue", match: /production issue/i, phase: "ship-a-feature", kind: "operate" },
  { item: "document the eval methodology", match: /eval methodology/i, phase: "ship-a-feature" },
  { item: "post-launch monitoring", match: /monitoring/i, phase: "ship-a-feature", kind: "operate" },
  // Months 12–18: pivot
  { item: "CV rewrite around the shipped feature", match: /\bCV\b.*shipped feature/i, phase: "pivot", kind: "apply" },
  { item: "CV: quantified outcomes", match: /quantified/i, phase: "pivot" },
  { item: "apply for ML Engineer roles", match: /apply for ML Engineer roles/i, phase: "pivot", kind: "apply" },
  { item: "the first 5–10 interviews", match: /5.10 interviews/i, phase: "pivot", kind: "apply" },
];

/** Skills that are the same learning on both roadmaps; progress on one counts for the other. */
const SHARED_SKILLS: readonly string[] = [
  "evaluation-metric-choice",
  "hugging-face-transformers",
  "deploy-model-behind-api",
  "basic-eval-pipeline",
  "read-production-post-mortems",
  "ship-feature-at-work",
  "document-eval-methodology",
  "post-launch-monitoring",
  "handle-production-issue",
  "maintain-feature-3-months",
  "cv-rewrite-shipped-feature",
  "first-rough-interviews",
];

describe("swe-to-mle covers the article", () => {
  const live = activeMilestonesOf(sweToMle);

  it("has the four phases on the 18-month timeline", () => {
    expect(sweToMle.canonicalMonths).toBe(18);
    expect(sweToMle.phases.map((p) => [p.slug, p.startMonth, p.endMonth])).toEqual([
      ["ml-fundamentals", 0, 3],
      ["production-ml", 3, 6],
      ["ship-a-feature", 6, 12],
      ["pivot", 12, 18],
    ]);
  });

  it.each(ARTICLE_ITEMS)("$item is exactly one milestone in $phase", ({ match, phase, kind }) => {
    const hits = live.filter(({ milestone }) => match.test(milestone.title));
    expect(hits.map((h) => h.milestone.slug)).toHaveLength(1);
    const [hit] = hits;
    expect(hit?.phase).toBe(phase);
    if (kind !== undefined) expect(hit?.milestone.kind).toBe(kind);
  });

  it("marks distributed training optional, for frontier-lab roles", () => {
    const hit = live.find(({ milestone }) => /distributed training/i.test(milestone.title));
    expect(hit?.milestone.optional).toBe(true);
    expect(hit?.milestone.why).toMatch(/frontier/i);
  });

  it("cannot finish maintaining the feature before 90 days after launch", () => {
    const hit = live.find(({ milestone }) => /maintain/i.test(milestone.title));
    expect(hit?.milestone.minDurationDays).toBe(90);
    expect(hit?.milestone.durationAnchor).toBe("feature_launch");
  });
});

describe("catalogue", () => {
  it("lists swe-to-mle first, then swe-to-ai-engineer", () => {
    expect(catalogue.map((r) => r.slug)).toEqual(["swe-to-mle", "swe-to-ai-engineer"]);
    expect(new Set(catalogue.map((r) => r.slug)).size).toBe(catalogue.length);
  });

  it("finds roadmaps by slug", () => {
    expect(findRoadmapDef("swe-to-mle")).toBe(sweToMle);
    expect(findRoadmapDef("swe-to-ai-engineer")).toBe(sweToAiEngineer);
    expect(findRoadmapDef("nope")).toBeUndefined();
  });

  it("recommends AI Engineer as the first step, with its own 12-month timeline", () => {
    expect(sweToAiEngineer.recommendedFirstStep).toBe(true);
    expect(sweToMle.recommendedFirstStep).toBe(false);
    expect(sweToAiEngineer.canonicalMonths).toBe(12);
  });
});

describe.each(catalogue.map((roadmap) => ({ slug: roadmap.slug, roadmap })))("roadmap $slug invariants", ({ roadmap }) => {
  const all = milestonesOf(roadmap);

  it("uses kebab-case slugs, unique within the roadmap", () => {
    expect(roadmap.slug).toMatch(KEBAB);
    const phaseSlugs = roadmap.phases.map((p) => p.slug);
    const milestoneSlugs = all.map(({ milestone }) => milestone.slug);
    for (const slug of [...phaseSlugs, ...milestoneSlugs]) expect(slug).toMatch(KEBAB);
    for (const { milestone } of all) expect(milestone.skill).toMatch(KEBAB);
    expect(new Set(phaseSlugs).size).toBe(phaseSlugs.length);
    expect(new Set(milestoneSlugs).size).toBe(milestoneSlugs.length);
  });

  it("names each skill at most once", () => {
    const skills = all.map(({ milestone }) => milestone.skill);
    expect(new Set(skills).size).toBe(skills.length);
  });

  it("has contiguous phase windows from 0 to canonicalMonths", () => {
    expect(roadmap.phases.length).toBeGreaterThan(0);
    let cursor = 0;
    for (const phase of roadmap.phases) {
      expect(phase.startMonth).toBe(cursor);
      expect(phase.endMonth).toBeGreaterThan(phase.startMonth);
      cursor = phase.endMonth;
    }
    expect(cursor).toBe(roadmap.canonicalMonths);
  });

  it("keeps durations within 6–18 months", () => {
    expect(roadmap.minMonths).toBeGreaterThanOrEqual(6);
    expect(roadmap.minMonths).toBeLessThanOrEqual(roadmap.typicalMonths);
    expect(roadmap.typicalMonths).toBeLessThanOrEqual(roadmap.maxMonths);
    expect(roadmap.maxMonths).toBeLessThanOrEqual(18);
    expect(Number.isInteger(roadmap.version) && roadmap.version >= 1).toBe(true);
  });

  it("gives every milestone effort, a reason and a valid kind", () => {
    for (const phase of roadmap.phases) {
      expect(phase.milestones.length).toBeGreaterThan(0);
      expect(phase.title.trim()).not.toBe("");
      expect(phase.summary.trim()).not.toBe("");
    }
    for (const { milestone } of all) {
      expect(Number.isInteger(milestone.effortHours), milestone.slug).toBe(true);
      expect(milestone.effortHours, milestone.slug).toBeGreaterThan(0);
      expect(milestone.why.trim(), milestone.slug).not.toBe("");
      expect(milestone.title.trim(), milestone.slug).not.toBe("");
      expect(MILESTONE_KINDS).toContain(milestone.kind);
      // A minimum duration only makes sense with an anchor, and vice versa.
      expect(milestone.minDurationDays === undefined, milestone.slug).toBe(milestone.durationAnchor === undefined);
      if (milestone.durationAnchor !== undefined) {
        expect(DURATION_ANCHORS).toContain(milestone.durationAnchor);
      }
      if (milestone.minDurationDays !== undefined) {
        expect(Number.isInteger(milestone.minDurationDays) && milestone.minDurationDays > 0).toBe(true);
      }
    }
  });
});

describe("skills across roadmaps", () => {
  it("gives a skill the same kind wherever it appears", () => {
    const kindBySkill = new Map<string, { kind: MilestoneKind; where: string }>();
    for (const roadmap of catalogue) {
      for (const { milestone } of milestonesOf(roadmap)) {
        const seen = kindBySkill.get(milestone.skill);
        if (seen === undefined) {
          kindBySkill.set(milestone.skill, { kind: milestone.kind, where: roadmap.slug });
        } else {
          expect(milestone.kind, `${milestone.skill} in ${roadmap.slug} vs ${seen.where}`).toBe(seen.kind);
        }
      }
    }
  });

  it("shares at least 8 skills between the two roadmaps", () => {
    expect(SHARED_SKILLS.length).toBeGreaterThanOrEqual(8);
    const mle = skillsOf(sweToMle);
    const ai = skillsOf(sweToAiEngineer);
    for (const skill of SHARED_SKILLS) {
      expect(mle.has(skill), `${skill} in swe-to-mle`).toBe(true);
      expect(ai.has(skill), `${skill} in swe-to-ai-engineer`).toBe(true);
    }
    const actual = [...mle].filter((skill) => ai.has(skill)).sort();
    expect(actual).toEqual([...SHARED_SKILLS].sort());
  });

  it("keeps applying for AI Engineer roles a different skill from ML Engineer roles", () => {
    const applyAi = activeMilestonesOf(sweToAiEngineer).find(({ milestone }) => /apply for AI Engineer roles/i.test(milestone.title));
    const applyMl = activeMilestonesOf(sweToMle).find(({ milestone }) => /apply for ML Engineer roles/i.test(milestone.title));
    expect(applyAi).toBeDefined();
    expect(applyMl).toBeDefined();
    expect(applyAi?.milestone.skill).not.toBe(applyMl?.milestone.skill);
    expect(skillsOf(sweToMle).has(applyAi?.milestone.skill ?? "")).toBe(false);
  });

  it("holds the 90-day minimum on the AI roadmap's maintain milestone too", () => {
    const hit = activeMilestonesOf(sweToAiEngineer).find(({ milestone }) => milestone.skill === "maintain-feature-3-months");
    expect(hit?.milestone.minDurationDays).toBe(90);
    expect(hit?.milestone.durationAnchor).toBe("feature_launch");
  });
});

const ARTICLE_URL = new URL("../../../shared/reference/000_37a11677436e09a0.txt", import.meta.url);
const ARTICLE_PATH = fileURLToPath(ARTICLE_URL);
const ARTICLE_PRESENT = existsSync(ARTICLE_PATH);
const RUN = 8;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

function runs(text: string, n: number): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(" "));
  return out;
}

/** Every piece of prose we wrote for the catalogue, labelled for failure messages. */
function ourTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const roadmap of catalogue) {
    texts.push({ where: `${roadmap.slug} title`, text: roadmap.title });
    texts.push({ where: `${roadmap.slug} summary`, text: roadmap.summary });
    for (const phase of roadmap.phases) {
      texts.push({ where: `${roadmap.slug}/${phase.slug} title`, text: phase.title });
      texts.push({ where: `${roadmap.slug}/${phase.slug} summary`, text: phase.summary });
      for (const m of phase.milestones) {
        const at = `${roadmap.slug}/${m.slug}`;
        texts.push({ where: `${at} title`, text: m.title });
        texts.push({ where: `${at} why`, text: m.why });
        if (m.evidencePrompt !== undefined) texts.push({ where: `${at} evidencePrompt`, text: m.evidencePrompt });
      }
    }
  }
  return texts;
}

describe("content is in our own words", () => {
  it.skipIf(!ARTICLE_PRESENT)(`shares no run of ${RUN} words with the source article`, () => {
    const article = ` ${words(readFileSync(ARTICLE_PATH, "utf8")).join(" ")} `;
    const copied: string[] = [];
    for (const { where, text } of ourTexts()) {
      for (const run of runs(text, RUN)) {
        if (article.includes(` ${run} `)) copied.push(`${where}: "${run}"`);
      }
    }
    expect(copied).toEqual([]);
  });
});
