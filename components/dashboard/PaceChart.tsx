import { civilOfDay, dayOfIso, formatDay, MONTHS } from "@/lib/calendar/days";
import type { Pacing } from "@/lib/pacing";

// The chart is drawn the same on the server and in the browser, at any width, with no measuring:
// the lines live in an SVG whose x axis stretches to the container (viewBox 0..1000, strokes that
// don't scale), its 200 px of height drawn 1:1, and every text and the today dot are HTML placed by
// percentage, so nothing is distorted and nothing moves when the page hydrates.
const VIEW_W = 1000;
const PLOT_H = 200;

/**
 * Month labels need about 56 px each. Which ones show depends on the chart's width, decided by CSS
 * container queries at three widths (the plot's inner width at each is the estimate here): a phone,
 * from 448 px (`@md`) and from 672 px (`@2xl`). Whole class strings, so Tailwind sees them.
 */
const TIERS = [
  { innerWidth: 240, show: "block", hide: "hidden" },
  { innerWidth: 396, show: "@md:block", hide: "@md:hidden" },
  { innerWidth: 620, show: "@2xl:block", hide: "@2xl:hidden" },
] as const;

/** "Jun 26": a month tick's label. */
function monthLabel(day: number): string {
  const { year, month } = civilOfDay(day);
  return `${MONTHS[month - 1]} ${String(year).slice(2)}`;
}

/** Month ticks up to `lastDay`, each with the classes that show it at the widths where it fits. */
function monthTicks(lastDay: number): { day: number; className: string }[] {
  const months = lastDay / 30.44;
  const every = TIERS.map((t) => Math.max(1, Math.ceil(months / Math.max(1, Math.floor(t.innerWidth / 56)))));
  const ticks: { day: number; className: string }[] = [];
  for (let m = 0; ; m++) {
    const day = Math.round(m * 30.44);
    // A label centred on a tick this close to the right edge would be clipped.
    if (day > lastDay || day / Math.max(lastDay, 1) > 0.93) break;
    const classes = TIERS.map((t, i) => (m % every[i]! === 0 ? t.show : t.hide));
    if (classes.some((c, i) => c === TIERS[i]!.show)) ticks.push({ day, className: classes.join(" ") });
  }
  return ticks;
}

/**
 * Plan line(s), actual line, projection, and markers for today, the target date and the limit (the
 * 18-month line). Superseded plans are drawn faded and dashed. A text summary follows for screen readers.
 */
export function PaceChart({ pacing }: { pacing: Pacing }) {
  const start = dayOfIso(pacing.startDate);
  const dayOf = (iso: string) => dayOfIso(iso) - start;
  const targetDay = dayOf(pacing.targetDate);
  const limitDay = dayOf(pacing.limitDate);
  const lastDay = Math.max(
    limitDay,
    targetDay,
    pacing.today.day,
    pacing.projection?.to.day ?? 0,
    ...pacing.plans.map((p) => dayOf(p.endDate)),
  );

  const share = (day: number) => Math.max(0, day) / Math.max(lastDay, 1);
  const x = (day: number) => share(day) * VIEW_W;
  const y = (s: number) => (1 - s) * PLOT_H;
  const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;
  const path = (points: { day: number; share: number }[]) =>
    points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.day).toFixed(1)},${y(p.share).toFixed(1)}`).join("");
  // The actual share changes in steps: it holds until the next day with a change.
  const steps = pacing.actualSeries.flatMap((p, i, all) => (i === 0 ? [p] : [{ day: p.day, share: all[i - 1]!.share }, p]));

  const current = pacing.plans.at(-1);
  const markers = [
    { day: pacing.today.day, id: "today", label: "Today", className: "stroke-stone-900 dark:stroke-stone-100" },
    { day: targetDay, id: "target", label: "Target", className: "stroke-brand-700 dark:stroke-brand-100" },
    { day: limitDay, id: "limit", label: "Limit", className: "stroke-red-700 dark:stroke-red-400" },
  ];
  // Every line keeps its width however far the x axis stretches.
  const line = { vectorEffect: "non-scaling-stroke" } as const;

  return (
    <figure className="space-y-2">
      <div
        role="img"
        aria-labelledby="pace-chart-summary"
        className="@container relative h-[240px] w-full overflow-hidden text-[11px] text-stone-700 dark:text-stone-300"
      >
        <div aria-hidden="true">
          {[0, 0.25, 0.5, 0.75, 1].map((s) => (
            <span key={s} className="absolute left-0 w-[34px] -translate-y-1/2 text-right tabular-nums" style={{ top: 12 + y(s) }}>
              {s * 100}%
            </span>
          ))}
        </div>
        <div className="absolute top-3 right-3 bottom-7 left-10">
          <svg
            viewBox={`0 0 ${VIEW_W} ${PLOT_H}`}
            preserveAspectRatio="none"
            className="block h-full w-full overflow-visible"
            aria-hidden="true"
          >
            {[0, 0.25, 0.5, 0.75, 1].map((s) => (
              <line key={s} x1={0} x2={VIEW_W} y1={y(s)} y2={y(s)} style={line} className="stroke-stone-200 dark:stroke-stone-800" />
            ))}
            {markers.map((m) => (
              <g key={m.id} data-marker={m.id}>
                <line
                  x1={x(m.day)}
                  x2={x(m.day)}
                  y1={0}
                  y2={PLOT_H}
                  strokeDasharray={m.label === "Today" ? undefined : "4 3"}
                  strokeWidth={1.5}
                  style={line}
                  className={m.className}
                />
              </g>
            ))}
            {pacing.plans
              .filter((p) => p.superseded)
              .map((p, i) => (
                <path
                  key={i}
                  data-series="earlier-plan"
                  d={path(p.points)}
                  fill="none"
                  strokeWidth={2}
                  strokeDasharray="6 4"
                  style={line}
                  className="stroke-stone-400 dark:stroke-stone-600"
                />
              ))}
            {current && (
              <path data-series="plan" d={path(current.points)} fill="none" strokeWidth={2.5} style={line} className="stroke-brand-600" />
            )}
            {pacing.projection && (
              <path
                data-series="projection"
                d={path([pacing.projection.from, { day: pacing.projection.to.day, share: 1 }])}
                fill="none"
                strokeWidth={2}
                strokeDasharray="2 4"
                strokeLinecap="round"
                style={line}
                className="stroke-amber-600 dark:stroke-amber-400"
              />
            )}
            <path
              data-series="actual"
              d={path(steps)}
              fill="none"
              strokeWidth={3}
              strokeLinejoin="round"
              style={line}
              className="stroke-indigo-700 dark:stroke-indigo-300"
            />
          </svg>
          <span
            aria-hidden="true"
            className="absolute size-2 -translate-x-1/2 -translate-y-1/2 rounded-full bg-indigo-700 dark:bg-indigo-300"
            style={{ left: percent(share(pacing.today.day)), top: y(pacing.actual.share) }}
          />
          <div aria-hidden="true">
            {monthTicks(lastDay).map((t) => (
              <span
                key={t.day}
                data-month-tick
                className={`absolute top-full mt-1.5 -translate-x-1/2 whitespace-nowrap ${t.className}`}
                style={{ left: percent(share(t.day)) }}
              >
                {monthLabel(start + t.day)}
              </span>
            ))}
          </div>
        </div>
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700 dark:text-stone-300">
          <Legend swatch="border-t-[3px] border-indigo-700 dark:border-indigo-300">Done so far</Legend>
          <Legend swatch="border-t-[3px] border-brand-600">Plan</Legend>
          {pacing.plans.some((p) => p.superseded) && (
            <Legend swatch="border-t-2 border-dashed border-stone-400 dark:border-stone-600">Earlier plan</Legend>
          )}
          {pacing.projection && <Legend swatch="border-t-2 border-dotted border-amber-600 dark:border-amber-400">At this pace</Legend>}
          <Legend swatch="h-3 w-0 border-l-2 border-stone-900 dark:border-stone-100">Today</Legend>
          <Legend swatch="h-3 w-0 border-l-2 border-dashed border-brand-700 dark:border-brand-100">
            Target {formatDay(dayOfIso(pacing.targetDate))}
          </Legend>
          <Legend swatch="h-3 w-0 border-l-2 border-dashed border-red-700 dark:border-red-400">
            Limit {formatDay(dayOfIso(pacing.limitDate))}
          </Legend>
        </ul>
        <p id="pace-chart-summary" className="sr-only">
          {`Chart: ${Math.floor(pacing.actual.share * 100)}% done against ${Math.floor(pacing.planned.share * 100)}% planned by today. `}
          {`The plan reaches 100% on ${formatDay(dayOfIso(pacing.targetDate))}`}
          {pacing.projectedFinish ? `; at the current pace you reach it on ${formatDay(dayOfIso(pacing.projectedFinish))}.` : "."}
        </p>
      </figcaption>
    </figure>
  );
}

function Legend({ swatch, children }: { swatch: string; children: React.ReactNode }) {
  return (
    <li className="flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block w-5 ${swatch}`} />
      {children}
    </li>
  );
}
