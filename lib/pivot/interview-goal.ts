// "Get through your first 5–10 interviews": the user picks the number within the article's range;
// the interview that reaches it ticks the milestone. Pure.

/** The milestone the goal completes, on both roadmaps. */
export const INTERVIEWS_SKILL = "first-rough-interviews";

export const INTERVIEW_GOAL_MIN = 5;
export const INTERVIEW_GOAL_MAX = 10;
export const INTERVIEW_GOAL_DEFAULT = 5;

export interface InterviewGoalProgress {
  count: number;
  goal: number;
  reached: boolean;
  /** "3 of 5 interviews logged", the words of /pivot and the dashboard's milestone row. */
  text: string;
}

export function interviewGoalProgress(count: number, goal: number): InterviewGoalProgress {
  return { count, goal, reached: count >= goal, text: `${count} of ${goal} interviews logged` };
}
