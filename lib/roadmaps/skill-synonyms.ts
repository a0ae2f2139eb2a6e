// What job descriptions call each roadmap skill: the words the gap check (lib/pivot/skill-match.ts)
// looks for. Keyed by the catalogue-wide skill slug, so both roadmaps share one list, and kept apart
// from the roadmap data so that editing a synonym doesn't change a roadmap's version or its seed.
//
// Terms are matched as whole words, ignoring case and punctuation ("fine-tuning" = "fine tuning").
// Keep each term specific enough that a job description using it really asks for the skill: plain
// "evaluation" or "models" would match nearly every advert. Skills a job description never names
// (following a course, rewriting your CV, the interviews themselves) have no entry and never match.

export const SKILL_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  "gradient-descent-intuition": ["gradient descent", "backpropagation", "optimisation algorithms", "optimization algorithms", "sgd", "adam optimizer"],
  "loss-function-choice": ["loss function", "loss functions", "objective function", "cross entropy"],
  "evaluation-metric-choice": ["evaluation metrics", "precision and recall", "precision recall", "auc", "roc auc", "f1 score", "ndcg", "metric selection"],
  "bias-variance-in-practice": ["bias variance", "overfitting", "underfitting", "regularisation", "regularization", "cross validation"],
  "pytorch-fluency": ["pytorch", "torch"],
  "hugging-face-transformers": ["hugging face", "huggingface", "transformers library", "fine tuning", "fine tune", "fine tuned", "peft", "lora"],
  "image-classifier-from-scratch": ["computer vision", "image classification", "cnn", "cnns", "convolutional"],
  "sentiment-model-from-scratch": ["sentiment analysis", "text classification", "nlp", "natural language processing"],
  "text-generator-from-scratch": ["language modelling", "language modeling", "text generation", "pretraining", "pre training"],
  "deploy-model-behind-api": ["model serving", "serve models", "serving models", "fastapi", "docker", "kubernetes", "inference api", "deploy models", "deploying models", "model deployment"],
  "basic-eval-pipeline": ["eval pipeline", "eval pipelines", "evaluation pipeline", "evaluation pipelines", "evals", "offline evaluation", "online evaluation", "a b testing", "evaluation harness"],
  "read-production-post-mortems": ["post mortem", "post mortems", "postmortem", "postmortems"],
  "model-versioning-rollback": ["model versioning", "model registry", "mlflow", "rollback", "rollbacks", "ci cd for models", "model lifecycle"],
  "drift-detection-incident-response": ["drift", "data drift", "concept drift", "drift detection", "incident response", "on call"],
  "inference-cost-optimisation": ["inference cost", "inference optimisation", "inference optimization", "quantisation", "quantization", "batching", "caching", "latency optimisation", "latency optimization", "gpu utilisation", "gpu utilization"],
  "distributed-training": ["distributed training", "fsdp", "deepspeed", "zero redundancy", "multi gpu", "multi node training", "data parallel"],
  "ship-feature-at-work": ["shipped ml", "ml in production", "production ml", "models in production", "end to end ml", "productionise", "productionize", "production machine learning"],
  "document-eval-methodology": ["evaluation methodology", "eval methodology", "experiment design", "experimental design"],
  "post-launch-monitoring": ["model monitoring", "monitoring", "observability", "alerting"],
  "handle-production-issue": ["production issues", "production incidents", "debug production", "troubleshooting production"],
  "llm-behaviour-basics": ["llm", "llms", "large language models", "large language model", "foundation models", "tokenisation", "tokenization", "context window", "hallucination", "hallucinations"],
  "llm-api-integration": ["openai api", "anthropic api", "llm apis", "llm api", "function calling", "tool use", "tool calling", "structured outputs"],
  "prompt-design": ["prompt engineering", "prompt design", "prompting", "few shot", "chain of thought"],
  "retrieval-augmented-generation": ["rag", "retrieval augmented generation", "vector database", "vector databases", "vector search", "embeddings", "semantic search", "pgvector", "pinecone"],
  "prompt-ab-testing": ["prompt experiments", "prompt a b", "prompt evaluation", "prompt testing"],
  "llm-cost-latency-routing": ["model routing", "llm routing", "token cost", "token costs", "cost and latency", "latency and cost"],
  "llm-guardrails": ["guardrails", "content filtering", "prompt injection", "jailbreak", "jailbreaks", "safety filters", "red teaming"],
};
