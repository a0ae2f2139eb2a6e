// The two paths side by side, ML Engineer and AI Engineer: what the work is, what is new to learn, how
// long, and the pay. Pure data; the durations are the catalogue's and the figures salary-bands.ts's,
// so this page can't disagree with the roadmaps or the assessment. Facts from JobLabs (2026); words ours.
import { findRoadmapDef } from "../roadmaps";
import { AI_ENGINEER_GAP_PERCENT, LONDON_SALARY_BANDS, MLE_PREMIUM_PERCENT, SALARY_SOURCE, formatBand } from "./salary-bands";

export type PathSlug = "swe-to-mle" | "swe-to-ai-engineer";

export interface PathComparison {
  roadmapSlug: PathSlug;
  /** The role at the end of the path. */
  role: string;
  title: string;
  /** One line: what the role is. */
  gist: string;
  /** A typical week in the role. */
  work: string[];
  /** What a software engineer usually has to add. */
  skills: string[];
  duration: { minMonths: number; maxMonths: number; typicalMonths: number; note: string };
  pay: { headline: string; detail: string; cite: string };
  /** Who it suits, from the article's advice. */
  suits: string;
}

function durationOf(slug: PathSlug) {
  const def = findRoadmapDef(slug);
  if (!def) throw new Error(`No roadmap ${slug} in the catalogue`);
  return { title: def.title, minMonths: def.minMonths, maxMonths: def.maxMonths, typicalMonths: def.typicalMonths };
}

const senior = LONDON_SALARY_BANDS.find((band) => band.level === "Senior");

export function pathComparisons(): [PathComparison, PathComparison] {
  return [mlEngineerPath(), aiEngineerPath()];
}

function mlEngineerPath(): PathComparison {
  const mle = durationOf("swe-to-mle");
  return {
    roadmapSlug: "swe-to-mle",
    role: "ML Engineer",
    title: mle.title,
    gist: "Trains, evaluates and runs models in production, and answers for them when they misbehave.",
    work: [
      "Looking into a live model whose accuracy has slipped, starting from the drift dashboards",
      "Fine-tuning runs with several hyperparameter variants on a GPU cluster",
      "Checking the evaluation method before one model replaces another",
      "Profiling inference latency and moving to a faster serving stack",
      "Being on call for models, which is not the same as on call for services",
    ],
    skills: [
      "ML fundamentals: gradient descent, loss and metric choice, bias and variance",
      "PyTorch and Hugging Face Transformers; distributed training for frontier roles",
      "Production ML: eval pipelines, versioning and rollback, drift, inference cost",
      "One ML feature you shipped and kept running",
    ],
    duration: {
      ...mle,
      note: "Faster with a maths or statistics background and ML work to ship at your job; most people take 9–12 months.",
    },
    pay: {
      headline: `${MLE_PREMIUM_PERCENT[0]}–${MLE_PREMIUM_PERCENT[1]}% above a software engineer at the same level, UK`,
      detail: senior
        ? `Senior in London: ${formatBand(senior.mle)} against ${formatBand(senior.swe)} for a senior software engineer (+${senior.liftPercent}%).`
        : "",
      cite: SALARY_SOURCE.cite,
    },
    suits: "You found the production post-mortems interesting, and you want skills that keep paying off over ten years or more.",
  };
}

function aiEngineerPath(): PathComparison {
  const ai = durationOf("swe-to-ai-engineer");
  return {
    roadmapSlug: "swe-to-ai-engineer",
    role: "AI Engineer",
    title: ai.title,
    gist: "Builds product features on top of language models and AI APIs, on the engineering you already do.",
    work: [
      "Wiring a language-model API into a product, with its failures handled",
      "Designing prompts and structured outputs, and testing them like code",
      "Retrieval over the company's own documents",
      "Evaluating answers before and after a change, and watching cost",
      "The backend, infrastructure and integration work every AI feature still needs",
    ],
    skills: [
      "How language models behave: tokens, context windows, sampling",
      "Prompt design, structured outputs and retrieval-augmented generation",
      "Serving and evaluating a model-backed feature",
      "Most of your current skills carry over as they are",
    ],
    duration: { ...ai, note: "The smaller step: less new theory, so a plan can be shorter than the ML Engineer one." },
    pay: {
      headline: `Within ${AI_ENGINEER_GAP_PERCENT[0]}–${AI_ENGINEER_GAP_PERCENT[1]}% of ML Engineer pay at senior level`,
      detail: "Most of the ML Engineer pay lift, for a much gentler learning curve.",
      cite: SALARY_SOURCE.cite,
    },
    suits:
      "You want the pay sooner, or the model side doesn't draw you yet. Many engineers go on to ML Engineer from here after a year or so.",
  };
}
