import { ProgressBar } from "@/components/dashboard/ProgressBar";

/** Each phase's share done, as the read-only pages show it (the public page, a partner's view). */
export function PhaseProgressList({
  phases,
  itemTestId,
}: {
  phases: readonly { title: string; share: number; done: number; total: number }[];
  itemTestId?: string;
}) {
  return (
    <ol className="space-y-4">
      {phases.map((phase, index) => (
        <li key={index} data-testid={itemTestId}>
          <ProgressBar label={`${index + 1}. ${phase.title}`} share={phase.share} />
          <p className="mt-1 text-xs text-stone-700 dark:text-stone-300">
            {phase.done} of {phase.total} milestones done
          </p>
        </li>
      ))}
    </ol>
  );
}
