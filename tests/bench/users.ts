// The user the page benchmarks measure (bench:load, bench:lighthouse): ten weeks into a 12-month plan
// with a few milestones done, so pages show real progress, a pace chart and this week's plan.
import { localDaysAgo } from "../support/dates";
import { createUser, seedHistory } from "../support/factories";

export async function tenWeeksIntoPlan(name: string) {
  const user = await createUser(name);
  const enrollment = await seedHistory(user.id, {
    start: localDaysAgo(70),
    targetMonths: 12,
    ticks: [
      { skill: "gradient-descent-intuition", day: 5 },
      { skill: "loss-function-choice", day: 19 },
      { skill: "evaluation-metric-choice", day: 40 },
      { skill: "bias-variance-in-practice", day: 61, status: "in_progress" },
    ],
  });
  return { user, enrollment };
}
