import { describe, expect, it } from "vitest";
import { LONDON_SALARY_BANDS } from "../../lib/context/salary-bands";
import { bandPosition, readOffer } from "../../lib/pivot/offer-bands";
import { gapCheck, matchSkills, normaliseForMatch } from "../../lib/pivot/skill-match";
import { APPLICATION_STAGES, checkStageMove, nextStages, type ApplicationStage } from "../../lib/pivot/stages";
import { catalogue } from "../../lib/roadmaps";
import { SKILL_SYNONYMS } from "../../lib/roadmaps/skill-synonyms";

describe("stage machine", () => {
  it("lists the moves from each stage", () => {
    expect(nextStages("saved")).toEqual(["applied", "rejected", "withdrawn"]);
    expect(nextStages("applied")).toEqual(["screen", "technical", "final", "offer", "rejected", "withdrawn"]);
    expect(nextStages("technical")).toEqual(["final", "offer", "rejected", "withdrawn"]);
    expect(nextStages("offer")).toEqual(["rejected", "withdrawn"]);
    expect(nextStages("rejected")).toEqual([]);
    expect(nextStages("withdrawn")).toEqual([]);
  });

  it("allows the whole pipeline, one step at a time", () => {
    const path: ApplicationStage[] = ["saved", "applied", "screen", "technical", "final", "offer", "withdrawn"];
    for (let i = 1; i < path.length; i++) expect(checkStageMove(path[i - 1]!, path[i]!)).toEqual({ ok: true });
  });

  it("refuses illegal jumps with a reason that names them", () => {
    expect(checkStageMove("saved", "technical")).toEqual({
      ok: false,
      reason: "A saved application hasn't been sent: mark it applied before technical.",
    });
    expect(checkStageMove("final", "screen")).toEqual({
      ok: false,
      reason: "Stages only move forward: final round can't go back to screen.",
    });
    expect(checkStageMove("screen", "screen")).toEqual({ ok: false, reason: "The application is already at screen." });
    expect(checkStageMove("rejected", "offer")).toEqual({
      ok: false,
      reason: "This application is rejected: it can't move to offer. Add a new application instead.",
    });
    expect(checkStageMove("withdrawn", "rejected").ok).toBe(false);
  });

  it("agrees with nextStages on every pair", () => {
    for (const from of APPLICATION_STAGES) {
      for (const to of APPLICATION_STAGES) expect(checkStageMove(from, to).ok).toBe(nextStages(from).includes(to));
    }
  });
});

describe("offer against the bands", () => {
  it("is inclusive at both ends of a band, in pounds against thousands", () => {
    expect(bandPosition(120_000, [120, 165])).toBe("within");
    expect(bandPosition(165_000, [120, 165])).toBe("within");
    expect(bandPosition(119_999, [120, 165])).toBe("below");
    expect(bandPosition(165_001, [120, 165])).toBe("above");
  });

  it("reads a senior offer against both roles' bands", () => {
    expect(readOffer(125_000, "Senior")).toEqual({
      level: "Senior",
      baseSalary: 125_000,
      swe: { band: [95, 130], position: "within" },
      mle: { band: [120, 165], position: "within" },
      source: "JobLabs, 2026",
    });
    expect(readOffer(105_000, "Mid")).toMatchObject({ swe: { position: "above" }, mle: { position: "within" } });
    expect(readOffer(60_000, "Mid")).toMatchObject({ swe: { position: "below" }, mle: { position: "below" } });
    expect(readOffer(230_000, "Staff / Principal")).toMatchObject({ swe: { position: "above" }, mle: { position: "above" } });
  });

  it("has no reading for a level without a band", () => {
    expect(readOffer(100_000, "Distinguished")).toBeNull();
    expect(LONDON_SALARY_BANDS.map((b) => b.level)).toEqual(["Junior", "Mid", "Senior", "Staff / Principal"]);
  });
});

/** Every skill of both roadmaps, in catalogue order, once. */
const allSkills = [
  ...new Set(catalogue.flatMap((r) => r.phases.flatMap((p) => p.milestones.filter((m) => !m.retired).map((m) => m.skill)))),
];
const matched = (jd: string) =>
  matchSkills(jd, allSkills)
    .map((m) => m.skill)
    .sort();

describe("skill matcher", () => {
  it("keeps synonyms only for skills the catalogue has, each term matchable", () => {
    for (const [skill, terms] of Object.entries(SKILL_SYNONYMS)) {
      expect(allSkills, skill).toContain(skill);
      for (const term of terms) expect(normaliseForMatch(term).trim(), `${skill}: "${term}"`).not.toBe("");
    }
  });

  it("matches whole words only, ignoring case and punctuation", () => {
    expect(matched("Drag and drop UI; storage in a rag-tag bucket")).toEqual(["retrieval-augmented-generation"]);
    expect(matched("drag-and-drop dashboards")).toEqual([]);
    expect(matched("Experience with A/B-testing and Fine-Tuning")).toEqual(["basic-eval-pipeline", "hugging-face-transformers"]);
    expect(matchSkills("We use PyTorch (and some torch.compile).", ["pytorch-fluency"])).toEqual([
      { skill: "pytorch-fluency", terms: ["pytorch", "torch"] },
    ]);
  });

  const JOB_DESCRIPTIONS: { name: string; text: string; expected: string[] }[] = [
    {
      name: "ML Engineer, fintech (fraud)",
      text: `Machine Learning Engineer — Fraud. You will own fraud models end to end ML: from feature pipelines to model deployment.
        We work in Python and PyTorch, serve models through FastAPI on Kubernetes, and track experiments in MLflow.
        You understand precision and recall trade-offs, can spot overfitting, and have shipped ML in production before.
        Nice to have: experience with data drift and on-call for model services.`,
      expected: [
        "bias-variance-in-practice",
        "deploy-model-behind-api",
        "drift-detection-incident-response",
        "evaluation-metric-choice",
        "model-versioning-rollback",
        "pytorch-fluency",
        "ship-feature-at-work",
      ],
    },
    {
      name: "ML Engineer, marketplace ranking",
      text: `Senior ML Engineer, Search & Ranking. Build learning-to-rank models measured by NDCG and online A/B testing.
        Design evaluation pipelines, set up model monitoring and alerting, and cut inference cost with batching and caching.
        Strong grasp of loss functions and gradient descent; PyTorch preferred.`,
      expected: [
        "basic-eval-pipeline",
        "evaluation-metric-choice",
        "gradient-descent-intuition",
        "inference-cost-optimisation",
        "loss-function-choice",
        "post-launch-monitoring",
        "pytorch-fluency",
      ],
    },
    {
      name: "ML Engineer, computer vision",
      text: `We are hiring an ML Engineer for our computer vision team (retail shelf images). You'll train CNNs for image classification
        and detection, run distributed training on multi-GPU clusters with FSDP, and apply quantization for edge deployment.
        Experience with cross-validation and regularization expected.`,
      expected: ["bias-variance-in-practice", "distributed-training", "image-classifier-from-scratch", "inference-cost-optimisation"],
    },
    {
      name: "ML Engineer, NLP at a legal-tech start-up",
      text: `ML Engineer (NLP). Fine-tune transformer models with Hugging Face and LoRA for contract text classification.
        Write an evaluation methodology the legal team can trust, and productionise models behind a Docker-based service.`,
      expected: [
        "deploy-model-behind-api",
        "document-eval-methodology",
        "hugging-face-transformers",
        "sentiment-model-from-scratch",
        "ship-feature-at-work",
      ],
    },
    {
      name: "AI Engineer, customer support copilot",
      text: `AI Engineer. Build LLM features for our support copilot: retrieval-augmented generation over help-centre articles with pgvector,
        prompt engineering and structured outputs via the OpenAI API, guardrails against prompt injection, and evals for every change.`,
      expected: [
        "basic-eval-pipeline",
        "llm-api-integration",
        "llm-behaviour-basics",
        "llm-guardrails",
        "prompt-design",
        "retrieval-augmented-generation",
      ],
    },
    {
      name: "AI Engineer, agents platform",
      text: `AI Engineer — Agents. Design tool calling and function calling flows for large language models, manage context windows,
        reduce hallucinations, and route requests between models to balance cost and latency. You will run prompt experiments weekly.`,
      expected: ["llm-api-integration", "llm-behaviour-basics", "llm-cost-latency-routing", "prompt-ab-testing"],
    },
    {
      name: "AI Engineer, internal tools (light on ML)",
      text: `AI Engineer, Internal Tools. Integrate the Anthropic API into our back-office apps, write prompts, and own the observability
        of these features. TypeScript and Postgres; no research background needed.`,
      expected: ["llm-api-integration", "post-launch-monitoring"],
    },
    {
      name: "MLOps Engineer, platform",
      text: `MLOps Engineer. Own the model registry, CI/CD for models and safe rollbacks; run model serving on Kubernetes; build drift detection
        and incident response runbooks. Write post-mortems after every production incident. Terraform a plus.`,
      expected: [
        "deploy-model-behind-api",
        "drift-detection-incident-response",
        "model-versioning-rollback",
        "read-production-post-mortems",
      ],
    },
    {
      name: "MLOps Engineer, GPU infrastructure",
      text: `MLOps / ML Platform Engineer. Keep GPU utilization high across training clusters, support DeepSpeed and multi-node training jobs,
        and track model lifecycle from experiment to production. Experience with MLflow or Weights & Biases.`,
      expected: ["distributed-training", "inference-cost-optimisation", "model-versioning-rollback"],
    },
    {
      name: "MLOps Engineer, monitoring",
      text: `Senior MLOps Engineer. Build model monitoring for 200 models in production, detect concept drift, and help teams debug production
        issues. You'll evaluate online evaluation frameworks and set up A/B testing infrastructure.`,
      expected: [
        "basic-eval-pipeline",
        "drift-detection-incident-response",
        "handle-production-issue",
        "post-launch-monitoring",
        "ship-feature-at-work",
      ],
    },
    {
      name: "a backend role with no ML in it",
      text: `Backend Engineer. Java and Spring Boot microservices, PostgreSQL, Kafka, REST APIs. Drag-and-drop admin tools. On call one week in six.`,
      expected: ["drift-detection-incident-response"],
    },
  ];

  for (const { name, text, expected } of JOB_DESCRIPTIONS) {
    it(`finds exactly the skills a job description asks for: ${name}`, () => {
      expect(matched(text)).toEqual(expected);
    });
  }

  it("splits matches into done and not done, with the milestone to link to", () => {
    const milestones = [
      { skill: "pytorch-fluency", milestoneId: "m1", title: "PyTorch fluency", status: "done" },
      { skill: "deploy-model-behind-api", milestoneId: "m2", title: "Serve a model", status: "in_progress" },
      { skill: "distributed-training", milestoneId: "m3", title: "Distributed training", status: "skipped" },
      { skill: "prompt-design", milestoneId: "m4", title: "Prompt design", status: "done" },
    ];
    expect(gapCheck("PyTorch, Docker and DeepSpeed; Kubernetes.", milestones)).toEqual({
      done: [{ skill: "pytorch-fluency", terms: ["pytorch"], milestoneId: "m1", title: "PyTorch fluency" }],
      notDone: [
        { skill: "deploy-model-behind-api", terms: ["docker", "kubernetes"], milestoneId: "m2", title: "Serve a model" },
        { skill: "distributed-training", terms: ["deepspeed"], milestoneId: "m3", title: "Distributed training" },
      ],
    });
  });
});
