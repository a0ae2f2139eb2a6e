// The job-description gap check: which of a roadmap's skills an advert asks for. Pure, no I/O and
// no external service: whole-word matching of the catalogue's synonyms (lib/roadmaps/skill-synonyms.ts).
import { SKILL_SYNONYMS } from "../roadmaps/skill-synonyms";

/** Lower case, accents dropped, and every run of punctuation or space one space, padded at both ends. */
export function normaliseForMatch(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return ` ${words} `;
}

export interface SkillMatch {
  skill: string;
  /** The synonyms found, as the catalogue spells them, in catalogue order. */
  terms: string[];
}

/**
 * The skills among `skillSlugs` (in that order: pass the roadmap's) whose synonyms occur in the text
 * as whole words. "rag" matches "RAG pipelines" but not "drag"; "a/b testing" matches "A/B testing".
 */
export function matchSkills(
  jobDescription: string,
  skillSlugs: readonly string[],
  synonyms: Readonly<Record<string, readonly string[]>> = SKILL_SYNONYMS,
): SkillMatch[] {
  const text = normaliseForMatch(jobDescription);
  const matches: SkillMatch[] = [];
  for (const skill of skillSlugs) {
    const terms = (synonyms[skill] ?? []).filter((term) => text.includes(normaliseForMatch(term)));
    if (terms.length) matches.push({ skill, terms });
  }
  return matches;
}

export interface GapItem {
  skill: string;
  terms: string[];
  milestoneId: string;
  title: string;
}

export interface GapCheck {
  done: GapItem[];
  notDone: GapItem[];
}

/** Splits the matches by the user's progress: done, or still to do (anything else, skipped included). */
export function gapCheck(
  jobDescription: string,
  milestones: readonly { skill: string; milestoneId: string; title: string; status: string }[],
): GapCheck {
  const bySkill = new Map(milestones.map((m) => [m.skill, m]));
  const result: GapCheck = { done: [], notDone: [] };
  for (const match of matchSkills(
    jobDescription,
    milestones.map((m) => m.skill),
  )) {
    const milestone = bySkill.get(match.skill);
    if (!milestone) continue;
    const item = { skill: match.skill, terms: match.terms, milestoneId: milestone.milestoneId, title: milestone.title };
    (milestone.status === "done" ? result.done : result.notDone).push(item);
  }
  return result;
}
