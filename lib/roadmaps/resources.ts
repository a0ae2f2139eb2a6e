import { z } from "zod";

export { resourceTimeLabel } from "./resource-time";

/**
 * Curated learning resources, one to three per skill, where the article names or implies one. Kept by
 * skill (like progress): a milestone shared by both roadmaps is the same learning and gets the same
 * links. Only stable, well-known https pages; the seed copies them onto each milestone's row.
 */
export const RESOURCE_KINDS = ["course", "docs", "article", "video"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const resourceSchema = z.object({
  url: z.url({ protocol: /^https$/ }),
  title: z.string().min(1).max(120),
  kind: z.enum(RESOURCE_KINDS),
  /** A rough time to work through it, in minutes; shown as "≈ 20 h" or "≈ 15 min". */
  minutes: z.int().positive(),
});
export type MilestoneResource = z.infer<typeof resourceSchema>;
export const resourceListSchema = z.array(resourceSchema).max(3);

const h = (hours: number) => hours * 60;

const postMortemCollection: MilestoneResource = {
  url: "https://github.com/danluu/post-mortems",
  title: "Dan Luu's collection of public post-mortems",
  kind: "article",
  minutes: 120,
};
const rulesOfMl: MilestoneResource = {
  url: "https://developers.google.com/machine-learning/guides/rules-of-ml",
  title: "Rules of Machine Learning (Google)",
  kind: "article",
  minutes: 90,
};
const sreIncidents: MilestoneResource = {
  url: "https://sre.google/sre-book/managing-incidents/",
  title: "Managing incidents (Google SRE book)",
  kind: "article",
  minutes: 30,
};
const shiftsAndMonitoring: MilestoneResource = {
  url: "https://huyenchip.com/2022/02/07/data-distribution-shifts-and-monitoring.html",
  title: "Data distribution shifts and monitoring (Chip Huyen)",
  kind: "article",
  minutes: 60,
};
const mlInterviewsBook: MilestoneResource = {
  url: "https://huyenchip.com/ml-interviews-book/",
  title: "Introduction to Machine Learning Interviews (Chip Huyen)",
  kind: "article",
  minutes: h(6),
};
const llmPatterns: MilestoneResource = {
  url: "https://eugeneyan.com/writing/llm-patterns/",
  title: "Patterns for building LLM-based systems (Eugene Yan)",
  kind: "article",
  minutes: 75,
};
const yourProductNeedsEvals: MilestoneResource = {
  url: "https://hamel.dev/blog/posts/evals/",
  title: "Your AI product needs evals (Hamel Husain)",
  kind: "article",
  minutes: 40,
};

export const RESOURCES_BY_SKILL: Readonly<Record<string, readonly MilestoneResource[]>> = {
  // Software Engineer → ML Engineer: fundamentals
  "gradient-descent-intuition": [
    {
      url: "https://www.3blue1brown.com/topics/neural-networks",
      title: "Neural networks, visually (3Blue1Brown)",
      kind: "video",
      minutes: h(2),
    },
    {
      url: "https://developers.google.com/machine-learning/crash-course",
      title: "Machine Learning Crash Course (Google)",
      kind: "course",
      minutes: h(15),
    },
  ],
  "loss-function-choice": [
    {
      url: "https://pytorch.org/docs/stable/nn.html#loss-functions",
      title: "PyTorch's loss functions, with what each expects",
      kind: "docs",
      minutes: 45,
    },
    {
      url: "https://developers.google.com/machine-learning/crash-course",
      title: "Machine Learning Crash Course (Google)",
      kind: "course",
      minutes: h(15),
    },
  ],
  "evaluation-metric-choice": [
    {
      url: "https://scikit-learn.org/stable/modules/model_evaluation.html",
      title: "Metrics and scoring (scikit-learn guide)",
      kind: "docs",
      minutes: 90,
    },
    {
      url: "https://developers.google.com/machine-learning/crash-course",
      title: "Machine Learning Crash Course (Google)",
      kind: "course",
      minutes: h(15),
    },
  ],
  "bias-variance-in-practice": [
    {
      url: "https://scikit-learn.org/stable/modules/learning_curve.html",
      title: "Validation and learning curves (scikit-learn guide)",
      kind: "docs",
      minutes: 45,
    },
    {
      url: "https://karpathy.github.io/2019/04/25/recipe/",
      title: "A recipe for training neural networks (Andrej Karpathy)",
      kind: "article",
      minutes: 40,
    },
  ],
  "pytorch-fluency": [
    {
      url: "https://pytorch.org/tutorials/beginner/basics/intro.html",
      title: "Learn the basics (PyTorch tutorials)",
      kind: "docs",
      minutes: h(4),
    },
    { url: "https://pytorch.org/docs/stable/notes/autograd.html", title: "Autograd mechanics (PyTorch docs)", kind: "docs", minutes: 45 },
  ],
  "hugging-face-transformers": [
    { url: "https://huggingface.co/learn/llm-course", title: "The LLM course (Hugging Face)", kind: "course", minutes: h(20) },
    {
      url: "https://huggingface.co/docs/transformers/index",
      title: "Transformers documentation (Hugging Face)",
      kind: "docs",
      minutes: h(2),
    },
  ],
  "karpathy-zero-to-hero": [
    {
      url: "https://karpathy.ai/zero-to-hero.html",
      title: "Neural Networks: Zero to Hero (Andrej Karpathy)",
      kind: "video",
      minutes: h(20),
    },
  ],
  "fastai-practical-deep-learning": [
    { url: "https://course.fast.ai/", title: "Practical Deep Learning for Coders (fast.ai)", kind: "course", minutes: h(30) },
  ],
  "image-classifier-from-scratch": [
    {
      url: "https://pytorch.org/tutorials/beginner/blitz/cifar10_tutorial.html",
      title: "Training a classifier on CIFAR-10 (PyTorch tutorial)",
      kind: "docs",
      minutes: 90,
    },
    { url: "https://course.fast.ai/", title: "Practical Deep Learning for Coders, lessons 1–2 (fast.ai)", kind: "course", minutes: h(4) },
  ],
  "sentiment-model-from-scratch": [
    {
      url: "https://huggingface.co/docs/transformers/tasks/sequence_classification",
      title: "Text classification task guide (Hugging Face)",
      kind: "docs",
      minutes: 90,
    },
  ],
  "text-generator-from-scratch": [
    {
      url: "https://github.com/karpathy/makemore",
      title: "makemore: a character-level text generator (Andrej Karpathy)",
      kind: "article",
      minutes: h(3),
    },
    {
      url: "https://github.com/karpathy/nanoGPT",
      title: "nanoGPT: a small GPT to train yourself (Andrej Karpathy)",
      kind: "article",
      minutes: h(6),
    },
  ],
  // Production ML
  "deploy-model-behind-api": [
    { url: "https://fastapi.tiangolo.com/tutorial/", title: "FastAPI tutorial", kind: "docs", minutes: h(3) },
    { url: "https://fastapi.tiangolo.com/deployment/docker/", title: "FastAPI in containers with Docker", kind: "docs", minutes: 60 },
    { url: "https://docs.docker.com/get-started/", title: "Get started with Docker", kind: "docs", minutes: h(2) },
  ],
  "basic-eval-pipeline": [
    yourProductNeedsEvals,
    {
      url: "https://scikit-learn.org/stable/modules/model_evaluation.html",
      title: "Metrics and scoring (scikit-learn guide)",
      kind: "docs",
      minutes: 90,
    },
  ],
  "read-production-post-mortems": [
    {
      url: "https://www.anthropic.com/engineering/a-postmortem-of-three-recent-issues",
      title: "A postmortem of three recent issues (Anthropic, 2025)",
      kind: "article",
      minutes: 25,
    },
    postMortemCollection,
    { url: "https://incidentdatabase.ai/", title: "AI Incident Database", kind: "article", minutes: 60 },
  ],
  "model-versioning-rollback": [
    {
      url: "https://cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning",
      title: "MLOps: continuous delivery for machine learning (Google Cloud)",
      kind: "article",
      minutes: 45,
    },
    rulesOfMl,
  ],
  "drift-detection-incident-response": [shiftsAndMonitoring, sreIncidents],
  "inference-cost-optimisation": [
    { url: "https://docs.vllm.ai/", title: "vLLM documentation: batching and serving", kind: "docs", minutes: h(2) },
    {
      url: "https://huggingface.co/docs/transformers/llm_optims",
      title: "Optimising LLM inference (Hugging Face)",
      kind: "docs",
      minutes: 60,
    },
  ],
  "distributed-training": [
    {
      url: "https://pytorch.org/tutorials/intermediate/FSDP_tutorial.html",
      title: "Getting started with FSDP (PyTorch tutorial)",
      kind: "docs",
      minutes: 90,
    },
    { url: "https://www.deepspeed.ai/tutorials/zero/", title: "ZeRO redundancy optimizer (DeepSpeed tutorial)", kind: "docs", minutes: 60 },
    {
      url: "https://huggingface.co/spaces/nanotron/ultrascale-playbook",
      title: "The Ultra-Scale Playbook (Hugging Face)",
      kind: "article",
      minutes: h(5),
    },
  ],
  // Shipping one feature
  "ship-feature-at-work": [rulesOfMl],
  "document-eval-methodology": [
    {
      url: "https://arxiv.org/abs/1810.03993",
      title: "Model Cards for Model Reporting (Mitchell et al., 2019)",
      kind: "article",
      minutes: 45,
    },
    { url: "https://huggingface.co/docs/hub/model-cards", title: "Model cards (Hugging Face Hub docs)", kind: "docs", minutes: 20 },
  ],
  "post-launch-monitoring": [
    shiftsAndMonitoring,
    {
      url: "https://sre.google/sre-book/monitoring-distributed-systems/",
      title: "Monitoring distributed systems (Google SRE book)",
      kind: "article",
      minutes: 40,
    },
  ],
  "handle-production-issue": [
    sreIncidents,
    { url: "https://sre.google/sre-book/postmortem-culture/", title: "Postmortem culture (Google SRE book)", kind: "article", minutes: 25 },
  ],
  "maintain-feature-3-months": [shiftsAndMonitoring, rulesOfMl],
  // The move
  "cv-rewrite-shipped-feature": [
    {
      url: "https://www.techinterviewhandbook.org/resume/",
      title: "Writing a software engineer's resume (Tech Interview Handbook)",
      kind: "article",
      minutes: 45,
    },
  ],
  "apply-ml-engineer-roles": [mlInterviewsBook],
  "first-rough-interviews": [
    mlInterviewsBook,
    { url: "https://www.techinterviewhandbook.org/", title: "Tech Interview Handbook", kind: "article", minutes: h(3) },
  ],
  // Software Engineer → AI Engineer
  "compare-role-descriptions": [
    {
      url: "https://www.latent.space/p/ai-engineer",
      title: "The rise of the AI Engineer (swyx, Latent Space)",
      kind: "article",
      minutes: 20,
    },
  ],
  "llm-behaviour-basics": [
    {
      url: "https://www.youtube.com/watch?v=zjkBMFhNj_g",
      title: "Intro to large language models (Andrej Karpathy)",
      kind: "video",
      minutes: 60,
    },
    { url: "https://platform.openai.com/tokenizer", title: "See text as tokens (OpenAI tokenizer)", kind: "docs", minutes: 10 },
  ],
  "llm-api-integration": [
    { url: "https://platform.openai.com/docs/quickstart", title: "Developer quickstart (OpenAI API)", kind: "docs", minutes: 45 },
    { url: "https://docs.anthropic.com/", title: "Building with Claude (Anthropic docs)", kind: "docs", minutes: 60 },
  ],
  "prompt-design": [
    {
      url: "https://platform.openai.com/docs/guides/prompt-engineering",
      title: "Prompt engineering guide (OpenAI)",
      kind: "docs",
      minutes: 45,
    },
    { url: "https://platform.openai.com/docs/guides/structured-outputs", title: "Structured outputs (OpenAI)", kind: "docs", minutes: 30 },
  ],
  "retrieval-augmented-generation": [
    {
      url: "https://huggingface.co/learn/cookbook/advanced_rag",
      title: "Advanced RAG on Hugging Face documentation (cookbook)",
      kind: "docs",
      minutes: 90,
    },
    { url: "https://arxiv.org/abs/2005.11401", title: "Retrieval-augmented generation (Lewis et al., 2020)", kind: "article", minutes: 60 },
  ],
  "prompt-ab-testing": [
    {
      url: "https://www.evanmiller.org/how-not-to-run-an-ab-test.html",
      title: "How not to run an A/B test (Evan Miller)",
      kind: "article",
      minutes: 15,
    },
    yourProductNeedsEvals,
  ],
  "llm-cost-latency-routing": [
    {
      url: "https://arxiv.org/abs/2305.05176",
      title: "FrugalGPT: cheaper LLM use by cascading models (Chen et al., 2023)",
      kind: "article",
      minutes: 45,
    },
    llmPatterns,
  ],
  "llm-guardrails": [
    {
      url: "https://owasp.org/www-project-top-10-for-large-language-model-applications/",
      title: "OWASP Top 10 for LLM applications",
      kind: "article",
      minutes: 45,
    },
    llmPatterns,
  ],
  "apply-ai-engineer-roles": [
    {
      url: "https://www.latent.space/p/ai-engineer",
      title: "The rise of the AI Engineer (swyx, Latent Space)",
      kind: "article",
      minutes: 20,
    },
    { url: "https://www.techinterviewhandbook.org/", title: "Tech Interview Handbook", kind: "article", minutes: h(3) },
  ],
};

/** A skill's resources; none for a skill without an entry (the catalogue test holds every live one to ≥ 1). */
export function resourcesForSkill(skill: string): readonly MilestoneResource[] {
  return RESOURCES_BY_SKILL[skill] ?? [];
}

/** A milestone row's stored resources, read back; a malformed list (hand-edited row) shows none rather than failing the page. */
export function resourcesFrom(stored: unknown): MilestoneResource[] {
  const parsed = resourceListSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}
