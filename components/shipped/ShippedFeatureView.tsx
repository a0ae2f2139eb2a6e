"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { FieldError } from "@/components/ui/FieldError";
import { dayOfIso, formatDay } from "@/lib/calendar/days";
import type { ShippedOverview } from "@/lib/shipped";
import { countdownText, type MaintenanceTick } from "@/lib/shipped/rules";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { INCIDENTS_MAX, SHIPPED_SHORT_MAX, SHIPPED_TEXT_MAX, shippedFeatureSchema } from "@/lib/validation/shipped";
import { CopyableBullet } from "./CopyableBullet";

interface IncidentDraft {
  key: number;
  occurredOn: string;
  whatHappened: string;
  whatChanged: string;
  featureWasOff: boolean;
}

type Draft = Record<
  | "title"
  | "problem"
  | "model"
  | "approach"
  | "launchDate"
  | "evalUrl"
  | "monitoringUrl"
  | "outcomeMetric"
  | "outcomeBefore"
  | "outcomeAfter"
  | "outcomeUnit"
  | "outcomeVolume",
  string
>;

const date = (iso: string) => formatDay(dayOfIso(iso));
const numberText = (n: number | null) => (n === null ? "" : String(n));
/** "" is nothing; anything else must read as a number (the schema says so if not). */
const numberOf = (text: string) => (text.trim() === "" ? null : Number(text.trim().replace(/,/g, "")));

function draftOf(overview: ShippedOverview): Draft {
  const r = overview.record;
  return {
    title: r?.title ?? "",
    problem: r?.problem ?? "",
    model: r?.model ?? "",
    approach: r?.approach ?? "",
    launchDate: r?.launchDate ?? "",
    evalUrl: r?.evalUrl ?? "",
    monitoringUrl: r?.monitoringUrl ?? "",
    outcomeMetric: r?.outcomeMetric ?? "",
    outcomeBefore: numberText(r?.outcomeBefore ?? null),
    outcomeAfter: numberText(r?.outcomeAfter ?? null),
    outcomeUnit: r?.outcomeUnit ?? "",
    outcomeVolume: r?.outcomeVolume ?? "",
  };
}

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

const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";
const panel = "space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";

export function ShippedFeatureView({ initial }: { initial: ShippedOverview }) {
  const [overview, setOverview] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [incidents, setIncidents] = useState<IncidentDraft[]>(() => (initial.record?.incidents ?? []).map((i, key) => ({ key, ...i })));
  const [nextKey, setNextKey] = useState(initial.record?.incidents.length ?? 0);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      overview.id
        ? apiFetch<ShippedOverview>(`/api/shipped-features/${overview.id}`, { method: "PUT", body })
        : apiFetch<ShippedOverview>("/api/shipped-features", { method: "POST", body }),
    onSuccess: (next) => {
      setOverview(next);
      setFields({});
      setSaved(true);
    },
    onError: (error) => setFields(error instanceof ApiError && error.fields ? error.fields : {}),
  });

  const set = (key: keyof Draft) => (e: { target: { value: string } }) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  };
  const setIncident = (key: number, patch: Partial<IncidentDraft>) => {
    setSaved(false);
    setIncidents((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  };

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const body = {
      ...draft,
      outcomeBefore: numberOf(draft.outcomeBefore),
      outcomeAfter: numberOf(draft.outcomeAfter),
      incidents: incidents.map(({ key: _key, ...i }) => i),
    };
    const parsed = shippedFeatureSchema.safeParse(body);
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error));
      setSaved(false);
      return;
    }
    save.mutate(body);
  }

  const text = (
    key: keyof Draft,
    label: string,
    options: { max?: number; hint?: string; type?: string; inputMode?: "url" | "decimal" | "text"; placeholder?: string } = {},
  ) => (
    <div>
      <label htmlFor={key} className="block text-sm font-medium">
        {label}
      </label>
      {options.hint && (
        <p id={`${key}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {options.hint}
        </p>
      )}
      <input
        id={key}
        name={key}
        type={options.type ?? "text"}
        inputMode={options.inputMode}
        placeholder={options.placeholder}
        maxLength={options.max ?? SHIPPED_SHORT_MAX}
        value={draft[key]}
        onChange={set(key)}
        className={input}
        aria-invalid={fields[key] ? true : undefined}
        aria-describedby={`${key}-error${options.hint ? ` ${key}-hint` : ""}`}
      />
      <FieldError id={`${key}-error`} messages={fields[key]} />
    </div>
  );
  const area = (key: keyof Draft, label: string, hint?: string) => (
    <div>
      <label htmlFor={key} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${key}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      )}
      <textarea
        id={key}
        name={key}
        rows={3}
        maxLength={SHIPPED_TEXT_MAX}
        value={draft[key]}
        onChange={set(key)}
        className={`${input} field-sizing-content`}
        aria-invalid={fields[key] ? true : undefined}
        aria-describedby={`${key}-error${hint ? ` ${key}-hint` : ""}`}
      />
      <FieldError id={`${key}-error`} messages={fields[key]} />
    </div>
  );

  const { clock, checklist, bullets, record, today } = overview;
  const countdown = clock ? countdownText(clock.doneFrom, today) : null;
  const missing = checklist.filter((item) => !item.done);

  return (
    <div className="space-y-6">
      {record && clock && (
        <section aria-labelledby="upkeep-heading" className={panel}>
          <h2 id="upkeep-heading" className="text-lg font-semibold">
            Maintained 3+ months
          </h2>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Launched {date(record.launchDate)}
            {clock.restarted ? `; the clock restarted on ${date(clock.since)} after the feature was off` : ""}. {clock.daysMaintained} days
            of upkeep so far.
          </p>
          <p data-testid="maintenance-countdown" className="text-lg font-semibold">
            {countdown ?? upkeepDone(overview.maintenanceTick)}
          </p>
          <p className="text-xs text-stone-600 dark:text-stone-400">
            Once 90 days have passed, Waypoint ticks the milestone for you within 15 minutes, once: if you un-tick it, it stays that way. An
            incident marked &ldquo;the feature was off&rdquo; restarts the count from its date.
          </p>
        </section>
      )}

      {record && (
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
      )}

      {record && (
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
      )}

      <section aria-labelledby="record-heading" className={panel}>
        <h2 id="record-heading" className="text-lg font-semibold">
          {record ? "Edit the record" : "Record your shipped feature"}
        </h2>
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="record-heading">
          {text("title", "What you shipped", { hint: "A short name, e.g. “customer-support ticket classifier”." })}
          {area("problem", "The problem it solves")}
          {text("model", "The model", { hint: "e.g. “DistilBERT, fine-tuned” or “gradient-boosted trees”." })}
          {area("approach", "Approach (optional)", "How it works and how it is served.")}
          {text("launchDate", "Launch date", { type: "date" })}
          {text("evalUrl", "Eval methodology (link)", { max: 2000, type: "url", inputMode: "url", placeholder: "https://…" })}
          {text("monitoringUrl", "Monitoring dashboard (link)", { max: 2000, type: "url", inputMode: "url", placeholder: "https://…" })}

          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold">Measured outcome</legend>
            {text("outcomeMetric", "Metric", { hint: "What moved, e.g. “manual triage time” or “p99 latency”." })}
            <div className="grid grid-cols-2 gap-3">
              {text("outcomeBefore", "Before", { inputMode: "decimal", max: 30 })}
              {text("outcomeAfter", "After", { inputMode: "decimal", max: 30 })}
            </div>
            {text("outcomeUnit", "Unit (optional)", { hint: "e.g. %, ms, min per ticket.", max: 40 })}
            {text("outcomeVolume", "Volume", { hint: "The scale, e.g. “8,000 tickets a week”." })}
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold">Incidents handled</legend>
            {incidents.length === 0 && <p className="text-sm text-stone-700 dark:text-stone-300">None recorded yet.</p>}
            <FieldError id="incidents-error" messages={fields.incidents} />
            <ol className="space-y-4">
              {incidents.map((incident, i) => {
                const base = `incidents.${i}`;
                const id = `incident-${incident.key}`;
                return (
                  <li
                    key={incident.key}
                    className="space-y-3 rounded-lg bg-stone-100 p-3 dark:bg-stone-800"
                    aria-label={`Incident ${i + 1}`}
                  >
                    <div>
                      <label htmlFor={`${id}-date`} className="block text-sm font-medium">
                        Incident {i + 1}: date
                      </label>
                      <input
                        id={`${id}-date`}
                        type="date"
                        value={incident.occurredOn}
                        onChange={(e) => setIncident(incident.key, { occurredOn: e.target.value })}
                        className={input}
                        aria-describedby={`${id}-date-error`}
                      />
                      <FieldError id={`${id}-date-error`} messages={fields[`${base}.occurredOn`]} />
                    </div>
                    <div>
                      <label htmlFor={`${id}-happened`} className="block text-sm font-medium">
                        What happened
                      </label>
                      <textarea
                        id={`${id}-happened`}
                        rows={3}
                        maxLength={SHIPPED_TEXT_MAX}
                        value={incident.whatHappened}
                        onChange={(e) => setIncident(incident.key, { whatHappened: e.target.value })}
                        className={`${input} field-sizing-content`}
                        aria-describedby={`${id}-happened-error`}
                      />
                      <FieldError id={`${id}-happened-error`} messages={fields[`${base}.whatHappened`]} />
                    </div>
                    <div>
                      <label htmlFor={`${id}-changed`} className="block text-sm font-medium">
                        What changed afterwards
                      </label>
                      <textarea
                        id={`${id}-changed`}
                        rows={3}
                        maxLength={SHIPPED_TEXT_MAX}
                        value={incident.whatChanged}
                        onChange={(e) => setIncident(incident.key, { whatChanged: e.target.value })}
                        className={`${input} field-sizing-content`}
                        aria-describedby={`${id}-changed-error`}
                      />
                      <FieldError id={`${id}-changed-error`} messages={fields[`${base}.whatChanged`]} />
                    </div>
                    <label className="flex min-h-11 items-center gap-3 text-sm">
                      <input
                        type="checkbox"
                        checked={incident.featureWasOff}
                        onChange={(e) => setIncident(incident.key, { featureWasOff: e.target.checked })}
                        className="size-5 shrink-0 accent-brand-700"
                      />
                      <span>The feature was switched off or not looked after (restarts the 90 days from this date)</span>
                    </label>
                    <button
                      type="button"
                      onClick={() => {
                        setSaved(false);
                        setIncidents((list) => list.filter((x) => x.key !== incident.key));
                      }}
                      className="min-h-11 rounded-lg border border-stone-400 px-3 py-2 text-sm font-medium dark:border-stone-600"
                    >
                      Remove incident {i + 1}
                    </button>
                  </li>
                );
              })}
            </ol>
            {incidents.length < INCIDENTS_MAX && (
              <button
                type="button"
                onClick={() => {
                  setSaved(false);
                  setIncidents((list) => [
                    ...list,
                    { key: nextKey, occurredOn: today, whatHappened: "", whatChanged: "", featureWasOff: false },
                  ]);
                  setNextKey((k) => k + 1);
                }}
                className="min-h-11 rounded-lg border border-stone-400 px-4 py-2 text-sm font-medium dark:border-stone-600"
              >
                Add an incident
              </button>
            )}
          </fieldset>

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
          {Object.keys(fields).length > 0 && (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              Some fields need attention.
            </p>
          )}
        </form>
      </section>
    </div>
  );
}
