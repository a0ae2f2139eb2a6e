"use client";

import { ApiError } from "@/components/api-client";
import { dayOfIso, formatDay } from "@/lib/calendar/days";
import type { ShippedOverview } from "@/lib/shipped";
import { countdownText, type MaintenanceClock, type MaintenanceTick } from "@/lib/shipped/rules";
import { CopyableBullet } from "./CopyableBullet";
import { AreaField, IncidentsFieldset, TextField } from "./RecordFields";
import { useShippedFeature } from "./use-shipped-feature";

const date = (iso: string) => formatDay(dayOfIso(iso));

/**
 * The upkeep line once the 90 days are up. The milestone is ticked by a pass every 15 minutes
 * (lib/shipped/schedule.ts), not when this page loads: "queued" says when; otherwise nothing will
 * tick it (see MaintenanceTick), and the line claims nothing about the milestone.
 */
function upkeepDone(tick: MaintenanceTick | null): string {
  if (tick === "ticked") return "Done: 90 days of upkeep, and the milestone is ticked.";
  if (tick === "queued") return "90 days of upkeep reached. Waypoint ticks the milestone for you within the next 15 minutes.";
  return "Done: the feature has been looked after for 90 days.";
}

const panel = "space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";

function UpkeepPanel({
  launchDate,
  clock,
  today,
  tick,
}: {
  launchDate: string;
  clock: MaintenanceClock;
  today: string;
  tick: MaintenanceTick | null;
}) {
  const countdown = countdownText(clock.doneFrom, today);
  return (
    <section aria-labelledby="upkeep-heading" className={panel}>
      <h2 id="upkeep-heading" className="text-lg font-semibold">
        Maintained 3+ months
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Launched {date(launchDate)}
        {clock.restarted ? `; the clock restarted on ${date(clock.since)} after the feature was off` : ""}. {clock.daysMaintained} days of
        upkeep so far.
      </p>
      <p data-testid="maintenance-countdown" className="text-lg font-semibold">
        {countdown ?? upkeepDone(tick)}
      </p>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Once 90 days have passed, Waypoint ticks the milestone for you within 15 minutes, once: if you un-tick it, it stays that way. An
        incident marked &ldquo;the feature was off&rdquo; restarts the count from its date.
      </p>
    </section>
  );
}

function CredibilityPanel({ checklist }: { checklist: ShippedOverview["checklist"] }) {
  const missing = checklist.filter((item) => !item.done);
  return (
    <section aria-labelledby="credibility-heading" className={panel}>
      <h2 id="credibility-heading" className="text-lg font-semibold">
        Does it count yet?
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {missing.length === 0
          ? "Yes: this record has everything a hiring manager looks for."
          : `Still missing ${missing.length} of ${checklist.length}:`}
      </p>
      <ul className="space-y-1" data-testid="credibility-checklist">
        {checklist.map((item) => (
          <li key={item.key} data-done={item.done} className="flex items-start gap-2 text-sm">
            <span aria-hidden="true" className={item.done ? "text-green-700 dark:text-green-400" : "text-stone-500"}>
              {item.done ? "✓" : "○"}
            </span>
            <span>
              <span className="sr-only">{item.done ? "Done: " : "Missing: "}</span>
              {item.label}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CvBulletsPanel({ bullets }: { bullets: ShippedOverview["bullets"] }) {
  return (
    <section aria-labelledby="cv-heading" className={panel}>
      <h2 id="cv-heading" className="text-lg font-semibold">
        Draft CV bullets
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Drafts from your record: edit them here, then copy. They change when you save the record.
      </p>
      {(
        [
          ["ml", "For ML Engineer roles", bullets.ml],
          ["swe", "For staying on the software engineering track", bullets.swe],
        ] as const
      ).map(([track, heading, list]) => (
        <div key={`${track}-${list.join("|")}`} className="space-y-2">
          <h3 className="font-medium">{heading}</h3>
          <ul className="space-y-4" data-testid={`cv-bullets-${track}`}>
            {list.map((bullet, i) => (
              <CopyableBullet key={i} id={`cv-${track}-${i}`} label={`${heading}, bullet ${i + 1}`} initial={bullet} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function ShippedFeatureView({ initial }: { initial: ShippedOverview }) {
  const { overview, incidents, hasErrors, messagesAt, saved, save, bind, registerIncident, removeIncident, addIncident, onSubmit } =
    useShippedFeature(initial);
  const { clock, checklist, bullets, record, today } = overview;

  return (
    <div className="space-y-6">
      {record && clock && <UpkeepPanel launchDate={record.launchDate} clock={clock} today={today} tick={overview.maintenanceTick} />}

      {record && <CredibilityPanel checklist={checklist} />}

      {record && <CvBulletsPanel bullets={bullets} />}

      <section aria-labelledby="record-heading" className={panel}>
        <h2 id="record-heading" className="text-lg font-semibold">
          {record ? "Edit the record" : "Record your shipped feature"}
        </h2>
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4" aria-labelledby="record-heading">
          <TextField {...bind("title")} label="What you shipped" hint="A short name, e.g. “customer-support ticket classifier”." />
          <AreaField {...bind("problem")} label="The problem it solves" />
          <TextField {...bind("model")} label="The model" hint="e.g. “DistilBERT, fine-tuned” or “gradient-boosted trees”." />
          <AreaField {...bind("approach")} label="Approach (optional)" hint="How it works and how it is served." />
          <TextField {...bind("launchDate")} label="Launch date" type="date" />
          <TextField {...bind("evalUrl")} label="Eval methodology (link)" max={2000} type="url" inputMode="url" placeholder="https://…" />
          <TextField
            {...bind("monitoringUrl")}
            label="Monitoring dashboard (link)"
            max={2000}
            type="url"
            inputMode="url"
            placeholder="https://…"
          />

          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold">Measured outcome</legend>
            <TextField {...bind("outcomeMetric")} label="Metric" hint="What moved, e.g. “manual triage time” or “p99 latency”." />
            <div className="grid grid-cols-2 gap-3">
              <TextField {...bind("outcomeBefore")} label="Before" inputMode="decimal" max={30} />
              <TextField {...bind("outcomeAfter")} label="After" inputMode="decimal" max={30} />
            </div>
            <TextField {...bind("outcomeUnit")} label="Unit (optional)" hint="e.g. %, ms, min per ticket." max={40} />
            <TextField {...bind("outcomeVolume")} label="Volume" hint="The scale, e.g. “8,000 tickets a week”." />
          </fieldset>

          <IncidentsFieldset
            incidents={incidents}
            messagesAt={messagesAt}
            register={registerIncident}
            onRemove={removeIncident}
            onAdd={addIncident}
          />

          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={save.isPending}
              className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-50"
            >
              {record ? "Save changes" : "Save the record"}
            </button>
            <span role="status" className="text-sm">
              {save.isPending ? "Saving…" : saved ? "Saved." : ""}
            </span>
          </div>
          {save.isError && !(save.error instanceof ApiError && save.error.fields) && (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              {save.error.message}
            </p>
          )}
          {hasErrors && (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              Some fields need attention.
            </p>
          )}
        </form>
      </section>
    </div>
  );
}
