import type { OpenEnrollmentZone } from "@/lib/account";

const show = (zone: string) => zone.replace(/_/g, " ");

/**
 * Shown when the zone being saved differs from an open enrolment's: an enrolment keeps the zone it was
 * started in unless moved, so the form asks, and says what moving it changes (and what it doesn't).
 */
export function MoveEnrollmentsChoice({
  enrollments,
  zone,
  checked,
  onChange,
}: {
  enrollments: readonly OpenEnrollmentZone[];
  zone: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const from = [...new Set(enrollments.map((e) => show(e.timezone)))].join(", ");
  const names = enrollments.map((e) => e.roadmapTitle).join(" and ");
  return (
    <div
      className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
      data-testid="move-enrollments"
    >
      <label className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
          aria-describedby="move-enrollments-what"
        />
        <span className="font-medium">
          Move {enrollments.length === 1 ? "my roadmap" : "my roadmaps"} ({names}) to {show(zone)} too
        </span>
      </label>
      <p id="move-enrollments-what" className="mt-1 text-stone-700 dark:text-stone-300">
        {enrollments.length === 1 ? "It counts" : "They count"} days and weeks in {from} now. Moved, the day, the week you check in for and
        your pace roll over at midnight in {show(zone)}. Your start date, target and past check-ins stay as they are. Left unticked, only
        the weekly email&apos;s timing moves.
      </p>
    </div>
  );
}
