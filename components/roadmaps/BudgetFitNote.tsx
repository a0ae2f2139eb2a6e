// Its own file so the dashboard's replan form can show it without loading the enrol form (and zod).
import { budgetFit, type BudgetPhase } from "@/lib/pacing/budget";

/** "At 8 h a week this takes about 16 months; …", as the hours and target change (lib/pacing/budget.ts). */
export function BudgetFitNote({
  effort,
  weeklyHours,
  targetMonths,
}: {
  effort: { canonicalMonths: number; maxMonths: number; phases: readonly BudgetPhase[] };
  weeklyHours: string;
  targetMonths: string;
}) {
  const hours = Number(weeklyHours);
  const months = Number(targetMonths);
  if (!Number.isInteger(hours) || hours < 1 || hours > 80 || !Number.isInteger(months)) return null;
  const fit = budgetFit(effort, hours, months);
  return (
    <p
      data-testid="budget-fit"
      data-fits={fit.fits}
      aria-live="polite"
      className={`mt-1 text-sm ${fit.fits ? "text-stone-700 dark:text-stone-300" : "font-medium text-amber-900 dark:text-amber-200"}`}
    >
      {fit.sentence}
    </p>
  );
}
