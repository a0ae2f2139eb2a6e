// The "should I pivot?" self-assessment: five answers in, a recommendation, its reasons and a
// suggested target duration out. Pure and table-driven: the two tables below are the whole rule
// set, read top to bottom, first match wins. Facts and figures come from JobLabs, "Software
// Engineer vs ML Engineer: Should You Pivot in 2026" (2026); how they are combined is ours.

export const OPERATIONAL_WORK = ["appeals", "draining"] as const;
export const CAREER_STAGES = ["early", "mid", "senior"] as const;
export const PIVOT_GOALS = ["short_term_pay", "long_term_compounding"] as const;
export const RECOMMENDATIONS = ["ml_engineer", "ai_engineer_first", "stay_senior_track"] as const;

export type OperationalWork = (typeof OPERATIONAL_WORK)[number];
export type CareerStage = (typeof CAREER_STAGES)[number];
export type PivotGoal = (typeof PIVOT_GOALS)[number];
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface AssessmentAnswers {
  /** After reading three production post-mortems: did they sound interesting, or draining? */
  operationalWork: OperationalWork;
  /** Years as a software engineer: 0–3, 3–7, 7+. */
  careerStage: CareerStage;
  goal: PivotGoal;
  /** Could you ship one real ML feature in your current role? */
  mlSurfaceAtWork: boolean;
  mathsBackground: boolean;
}

/** Bumped whenever a table below changes; stored with each saved assessment. */
export const ASSESSMENT_RULES_VERSION = 1;

export type ReasonCode =
  | "ops_appeals"
  | "ops_draining"
  | "senior_track_pays_similar"
  | "senior_short_term"
  | "senior_no_ml_surface"
  | "senior_lift_widest"
  | "ai_uses_your_skills"
  | "short_term_gentler"
  | "ml_later"
  | "early_career_benefit"
  | "mid_career_benefit"
  | "long_term_compounds"
  | "duration_ship_with_maths"
  | "duration_ship_without_maths"
  | "duration_no_ml_surface"
  | "duration_ai_ship_at_work"
  | "duration_ai_no_surface";

/** Plain-words text of each reason; a figure carries its source and year. */
export const REASON_TEXT: Record<ReasonCode, string> = {
  ops_appeals:
    "The post-mortems sounded interesting to you. That matters most: drift incidents, eval reviews and being on call for models are the everyday work of an ML Engineer.",
  ops_draining:
    "The post-mortems sounded draining. Production ML brings on-call shifts for models, drift incidents and careful eval work every week, and a pay rise rarely makes up for years of work you don't enjoy.",
  senior_track_pays_similar:
    "With 7+ years behind you, moving towards Staff Engineer or AI-augmented technical leadership usually pays about as well, without the operational learning curve (JobLabs, 2026).",
  senior_short_term: "You want the pay sooner. A senior move gets you there without spending 6–18 months on a new skill set first.",
  senior_no_ml_surface:
    "Your current role has no ML work to ship, so the pivot would mean 12–18 months of learning from scratch on the side.",
  senior_lift_widest:
    "The senior tier is where the ML pay gap is widest: £120–165k for a senior ML Engineer in London against £95–130k for a senior Software Engineer, about +24% (JobLabs, 2026).",
  ai_uses_your_skills:
    "AI Engineer work (building product features on top of AI models and APIs) uses more of what you already do well, and pays within about 5–10% of ML Engineer (JobLabs, 2026).",
  short_term_gentler:
    "You are optimising for pay in the near term. AI Engineer is the gentler move, paying within 5–10% of ML Engineer at senior level (JobLabs, 2026).",
  ml_later:
    "ML Engineer stays open: shipping AI features in a product role first is a common route into it, once the model side draws you in.",
  early_career_benefit: "At 0–3 years in, you keep 80% or more of the pivot's long-term pay benefit (JobLabs, 2026).",
  mid_career_benefit: "At 3–7 years in, you still get most of the pivot's long-term pay benefit (JobLabs, 2026).",
  long_term_compounds:
    "You are optimising for the long run, and ML engineering skills compound over ten years or more: they carry over to whatever the next wave of ML looks like.",
  duration_ship_with_maths:
    "You can ship an ML feature at work and already have maths or statistics: the quickest pivots take 6–9 months (JobLabs, 2026).",
  duration_ship_without_maths:
    "You can ship an ML feature at work; without a maths or statistics background, plan for 9–12 months, where most people land (JobLabs, 2026).",
  duration_no_ml_surface:
    "Your current role has no ML work to ship, so you would be learning on the side from zero: plan for 12–18 months (JobLabs, 2026).",
  duration_ai_ship_at_work:
    "You can ship a feature at work, and the AI Engineer step is smaller than the ML Engineer one: 6–9 months is a realistic plan.",
  duration_ai_no_surface:
    "Without AI work to ship in your current role you would build on the side, so plan for 9–12 months on the smaller AI Engineer step.",
};

/** A rule matches when every condition it names holds; an absent condition matches anything. */
type Conditions = Partial<AssessmentAnswers>;

interface PathRule {
  when: Conditions;
  recommendation: Recommendation;
  reasons: ReasonCode[];
}

/** Which path. Read top to bottom; the last rule has no conditions, so one always matches. */
export const PATH_RULES: readonly PathRule[] = [
  // The article's first test: if production incidents sound exhausting, don't pivot to ML Engineer.
  {
    when: { operationalWork: "draining", careerStage: "senior" },
    recommendation: "stay_senior_track",
    reasons: ["ops_draining", "senior_track_pays_similar"],
  },
  {
    when: { operationalWork: "draining" },
    recommendation: "ai_engineer_first",
    reasons: ["ops_draining", "ai_uses_your_skills", "ml_later"],
  },
  // Senior engineers often do better towards Staff / AI-augmented leadership, unless everything lines up.
  {
    when: { careerStage: "senior", goal: "short_term_pay" },
    recommendation: "stay_senior_track",
    reasons: ["senior_track_pays_similar", "senior_short_term"],
  },
  {
    when: { careerStage: "senior", mlSurfaceAtWork: false },
    recommendation: "stay_senior_track",
    reasons: ["senior_track_pays_similar", "senior_no_ml_surface"],
  },
  { when: { careerStage: "senior" }, recommendation: "ml_engineer", reasons: ["ops_appeals", "senior_lift_widest", "long_term_compounds"] },
  {
    when: { goal: "short_term_pay" },
    recommendation: "ai_engineer_first",
    reasons: ["short_term_gentler", "ai_uses_your_skills", "ml_later"],
  },
  {
    when: { careerStage: "early" },
    recommendation: "ml_engineer",
    reasons: ["ops_appeals", "early_career_benefit", "long_term_compounds"],
  },
  { when: {}, recommendation: "ml_engineer", reasons: ["ops_appeals", "mid_career_benefit", "long_term_compounds"] },
];

/** The roadmap each recommendation's "Enrol" button leads to. Staying on the senior track needs no
 * pivot; the AI Engineer roadmap is offered as the way to the AI fluency that leadership now asks for. */
export const ROADMAP_FOR: Record<Recommendation, string> = {
  ml_engineer: "swe-to-mle",
  ai_engineer_first: "swe-to-ai-engineer",
  stay_senior_track: "swe-to-ai-engineer",
};

interface DurationRule {
  roadmap: "swe-to-mle" | "swe-to-ai-engineer";
  when: Conditions;
  bracket: readonly [number, number];
  /** The target pre-filled at enrolment: see SUGGESTED_MONTHS_RULE. */
  months: number;
  reason: ReasonCode;
}

/**
 * The target pre-filled is the top of the bracket, but at most 15 months: a plan the user can beat
 * rather than one they slip behind from day one, while keeping three months between the target and
 * the 18-month line past which pacing calls a plan off track.
 */
export const SUGGESTED_MONTHS_RULE = "the top of the bracket, at most 15";

/** How long. The ML Engineer brackets are the article's; the AI Engineer ones are a bracket shorter (ours). */
export const DURATION_RULES: readonly DurationRule[] = [
  {
    roadmap: "swe-to-mle",
    when: { mlSurfaceAtWork: true, mathsBackground: true },
    bracket: [6, 9],
    months: 9,
    reason: "duration_ship_with_maths",
  },
  { roadmap: "swe-to-mle", when: { mlSurfaceAtWork: true }, bracket: [9, 12], months: 12, reason: "duration_ship_without_maths" },
  { roadmap: "swe-to-mle", when: {}, bracket: [12, 18], months: 15, reason: "duration_no_ml_surface" },
  { roadmap: "swe-to-ai-engineer", when: { mlSurfaceAtWork: true }, bracket: [6, 9], months: 9, reason: "duration_ai_ship_at_work" },
  { roadmap: "swe-to-ai-engineer", when: {}, bracket: [9, 12], months: 12, reason: "duration_ai_no_surface" },
];

export interface AssessmentResult {
  recommendation: Recommendation;
  roadmapSlug: string;
  bracket: { minMonths: number; maxMonths: number };
  suggestedMonths: number;
  /** Why the path, then why the duration. */
  reasons: ReasonCode[];
}

const matches = (when: Conditions, answers: AssessmentAnswers): boolean =>
  (Object.keys(when) as (keyof AssessmentAnswers)[]).every((key) => when[key] === answers[key]);

export function assessPivot(answers: AssessmentAnswers): AssessmentResult {
  const path = PATH_RULES.find((rule) => matches(rule.when, answers))!;
  const roadmapSlug = ROADMAP_FOR[path.recommendation];
  const duration = DURATION_RULES.find((rule) => rule.roadmap === roadmapSlug && matches(rule.when, answers))!;
  return {
    recommendation: path.recommendation,
    roadmapSlug,
    bracket: { minMonths: duration.bracket[0], maxMonths: duration.bracket[1] },
    suggestedMonths: duration.months,
    reasons: [...path.reasons, duration.reason],
  };
}

export const RECOMMENDATION_TITLE: Record<Recommendation, string> = {
  ml_engineer: "Go for ML Engineer",
  ai_engineer_first: "AI Engineer first",
  stay_senior_track: "Stay on the senior engineering track",
};

export const RECOMMENDATION_SUMMARY: Record<Recommendation, string> = {
  ml_engineer: "The pivot to ML engineering fits your answers. Aim to ship one real ML feature: it opens more doors than any course.",
  ai_engineer_first:
    "Move into AI engineering first: building product features on AI models and APIs. Go deeper into ML later if the model side pulls you in.",
  stay_senior_track:
    "Grow towards Staff Engineer or AI-augmented technical leadership rather than pivoting. If you want hands-on AI fluency for that, the AI Engineer roadmap is the closest fit.",
};
