"use client";

import { useEffect, useRef, useState } from "react";
import { dayOfIso, formatDay, MONTHS } from "@/lib/pacing/calendar";
import type { Pacing } from "@/lib/pacing";

const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

/** The container's width in CSS pixels, so the chart draws at 1:1 and its text stays legible at 360 px. */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** "Jun 26": a month tick's label. */
function monthLabel(day: number): string {
  const date = new Date(day * 86_400_000);
  return `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCFullYear()).slice(2)}`;
}

/**
 * Plan line(s), actual line, projection, and markers for today, the target date and the limit (the
 * 18-month line). Superseded plans are drawn faded and dashed. A text summary follows for screen readers.
 */
export function PaceChart({ pacing }: { pacing: Pacing }) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const start = dayOfIso(pacing.startDate);
  const dayOf = (iso: string) => dayOfIso(iso) - start;
  const targetDay = dayOf(pacing.targetDate);
  const limitDay = dayOf(pacing.limitDate);
  const lastDay = Math.max(limitDay, targetDay, pacing.today.day, pacing.projection?.to.day ?? 0, ...pacing.plans.map((p) => dayOf(p.endDate)));

  const innerW = width - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (day: number) => PAD.left + (Math.max(0, day) / Math.max(lastDay, 1)) * innerW;
  const y = (share: number) => PAD.top + (1 - share) * innerH;
  const path = (points: { day: number; share: number }[]) => points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.day).toFixed(1)},${y(p.share).toFixed(1)}`).join("");
  // The actual share changes in steps: it holds until the next day with a change.
  const steps = pacing.actualSeries.flatMap((p, i, all) => (i === 0 ? [p] : [{ day: p.day, share: all[i - 1]!.share }, p]));

  // Month ticks, thinned so labels never collide (~56 px each).
  const ticks: number[] = [];
  const every = Math.max(1, Math.ceil((lastDay / 30.4) / Math.max(1, Math.floor(innerW / 56))));
  for (let m = 0; ; m += every) {
    const day = Math.round(m * 30.44);
    // A label centred on the tick needs ~22 px on its right: leave out one that would be clipped.
    if (day > lastDay || x(day) > width - PAD.right - 10) break;
    ticks.push(day);
  }
  const current = pacing.plans.at(-1);
  const markers = [
    { day: pacing.today.day, id: "today", label: "Today", className: "stroke-stone-900 dark:stroke-stone-100" },
    { day: targetDay, id: "target", label: "Target", className: "stroke-brand-700 dark:stroke-brand-100" },
    { day: limitDay, id: "limit", label: "Limit", className: "stroke-red-700 dark:stroke-red-400" },
  ];

  return (
    <figure className="space-y-2">
      <div ref={ref} className="w-full overflow-hidden">
        <svg width={width} height={HEIGHT} role="img" aria-labelledby="pace-chart-summary" className="block text-stone-700 dark:text-stone-300">
          {[0, 0.25, 0.5, 0.75, 1].map((share) => (
            <g key={share}>
              <line x1={PAD.left} x2={width - PAD.right} y1={y(share)} y2={y(share)} className="stroke-stone-200 dark:stroke-stone-800" />
              <text x={PAD.left - 6} y={y(share) + 4} textAnchor="end" className="fill-current text-[11px] tabular-nums">
                {share * 100}%
              </text>
            </g>
          ))}
          {ticks.map((day) => (
            <text key={day} x={x(day)} y={HEIGHT - 8} textAnchor="middle" className="fill-current text-[11px]">
              {monthLabel(start + day)}
            </text>
          ))}
          {markers.map((m) => (
            <g key={m.id} data-marker={m.id}>
              <line x1={x(m.day)} x2={x(m.day)} y1={PAD.top} y2={HEIGHT - PAD.bottom} strokeDasharray={m.label === "Today" ? undefined : "4 3"} strokeWidth={1.5} className={m.className} />
            </g>
          ))}
          {pacing.plans.filter((p) => p.superseded).map((p, i) => (
            <path key={i} data-series="earlier-plan" d={path(p.points)} fill="none" strokeWidth={2} strokeDasharray="6 4" className="stroke-stone-400 dark:stroke-stone-600" />
          ))}
          {current && <path data-series="plan" d={path(current.points)} fill="none" strokeWidth={2.5} className="stroke-brand-600" />}
          {pacing.projection && (
            <path
              data-series="projection"
              d={path([pacing.projection.from, { day: pacing.projection.to.day, share: 1 }])}
              fill="none"
              strokeWidth={2}
              strokeDasharray="2 4"
              strokeLinecap="round"
              className="stroke-amber-600 dark:stroke-amber-400"
            />
          )}
          <path data-series="actual" d={path(steps)} fill="none" strokeWidth={3} strokeLinejoin="round" className="stroke-indigo-700 dark:stroke-indigo-300" />
          <circle cx={x(pacing.today.day)} cy={y(pacing.actual.share)} r={4} className="fill-indigo-700 dark:fill-indigo-300" />
        </svg>
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700 dark:text-stone-300">
          <Legend swatch="border-t-[3px] border-indigo-700 dark:border-indigo-300">Done so far</Legend>
          <Legend swatch="border-t-[3px] border-brand-600">Plan</Legend>
          {pacing.plans.some((p) => p.superseded) && <Legend swatch="border-t-2 border-dashed border-stone-400 dark:border-stone-600">Earlier plan</Legend>}
          {pacing.projection && <Legend swatch="border-t-2 border-dotted border-amber-600 dark:border-amber-400">At this pace</Legend>}
          <Legend swatch="h-3 w-0 border-l-2 border-stone-900 dark:border-stone-100">Today</Legend>
          <Legend swatch="h-3 w-0 border-l-2 border-dashed border-brand-700 dark:border-brand-100">Target {formatDay(dayOfIso(pacing.targetDate))}</Legend>
          <Legend swatch="h-3 w-0 border-l-2 border-dashed border-red-700 dark:border-red-400">Limit {formatDay(dayOfIso(pacing.limitDate))}</Legend>
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
