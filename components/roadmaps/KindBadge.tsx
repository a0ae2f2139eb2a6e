const labels: Record<string, string> = { learn: "Learn", build: "Build", ship: "Ship", operate: "Operate", apply: "Apply" };

export function KindBadge({ kind }: { kind: string }) {
  return (
    <span className="rounded-full border border-stone-300 px-2 py-0.5 text-xs text-stone-700 dark:border-stone-700 dark:text-stone-300">
      {labels[kind] ?? kind}
    </span>
  );
}
