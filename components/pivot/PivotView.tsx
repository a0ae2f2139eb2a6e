"use client";

import Link from "next/link";
import { useState, type SubmitEvent, type ReactNode } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { PivotPacePanel, ReadinessPanel } from "@/components/pivot/PivotPlanPanel";
import { FieldError } from "@/components/ui/FieldError";
import type { ApplicationView, PivotOverview } from "@/lib/applications";
import { formatBand } from "@/lib/context/salary-bands";
import { dayOfIso, formatDay } from "@/lib/calendar/days";
import { OFFER_LEVELS } from "@/lib/pivot/offer-bands";
import { isClosed, STAGE_LABELS, type ApplicationStage } from "@/lib/pivot/stages";
import {
  APPLICATION_SOURCES,
  APPLICATION_TRACKS,
  INTERVIEW_KIND_LABELS,
  INTERVIEW_KINDS,
  JOB_DESCRIPTION_MAX,
  SOURCE_LABELS,
  TRACK_LABELS,
} from "@/lib/validation/applications";
import type { FieldErrors } from "@/lib/validation/field-errors";

/** A text field's value from a form's data ("" when absent; these forms have no file inputs). */
const formText = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
};

const input =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950";
const button = "inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2 text-sm font-medium disabled:opacity-60";
const primary = `${button} bg-brand-700 text-white hover:bg-brand-800`;
const panel = "space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";
const date = (iso: string) => formatDay(dayOfIso(iso));
const milestoneHref = (milestoneId: string) => `/dashboard#milestone-${milestoneId}`;

type Run = (key: string, request: () => Promise<unknown>) => Promise<boolean>;

/** One state for the page: every change re-reads the overview, so order, counts and ticks stay the server's. */
export function PivotView({ initial }: { initial: PivotOverview }) {
  const [overview, setOverview] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, { message: string; fields?: FieldErrors }>>({});

  const run: Run = async (key, request) => {
    setBusy(key);
    setErrors(({ [key]: _gone, ...rest }) => rest);
    try {
      await request();
      setOverview(await apiFetch<PivotOverview>("/api/applications"));
      return true;
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, "Something went wrong; try again.");
      setErrors((all) => ({ ...all, [key]: { message: e.message, fields: e.fields } }));
      return false;
    } finally {
      setBusy(null);
    }
  };
  const ctx = { overview, busy, errors, run };

  return (
    <div className="space-y-6">
      <ReadinessPanel overview={overview} />
      <MilestonesPanel overview={overview} />
      <PivotPacePanel {...ctx} />
      <AddApplication {...ctx} />
      <section aria-labelledby="applications-heading" className="space-y-3">
        <h2 id="applications-heading" className="text-lg font-semibold">
          Your applications, next step first
        </h2>
        {overview.applications.length === 0 ? (
          <p className="text-sm text-stone-700 dark:text-stone-300">
            None yet. Add the first one above, even if you've only saved the advert.
          </p>
        ) : (
          <ol className="space-y-4">
            {overview.applications.map((application) => (
              <ApplicationCard key={application.id} application={application} {...ctx} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

type Ctx = { overview: PivotOverview; busy: string | null; errors: Record<string, { message: string; fields?: FieldErrors }>; run: Run };

function MilestonesPanel({ overview }: { overview: PivotOverview }) {
  const { applyMilestone, interviewsMilestone, interviewGoal } = overview;
  if (!overview.roadmap) {
    return (
      <p className={panel}>
        You're not on a roadmap, so nothing here ticks a milestone.{" "}
        <Link href="/roadmaps" className="underline">
          Pick a roadmap
        </Link>{" "}
        to link applications and interviews to your plan.
      </p>
    );
  }
  return (
    <section aria-labelledby="pivot-milestones" className={panel}>
      <h2 id="pivot-milestones" className="text-lg font-semibold">
        On your roadmap
      </h2>
      <ul className="space-y-2 text-sm">
        {applyMilestone && (
          <li data-testid="apply-milestone" data-status={applyMilestone.status}>
            <Link href={milestoneHref(applyMilestone.milestoneId)} className="font-medium underline underline-offset-2">
              {applyMilestone.title}
            </Link>
            {" — "}
            {applyMilestone.status === "done" ? "done" : "ticked when you send your first application"}
          </li>
        )}
        {interviewsMilestone && (
          <li data-testid="interviews-milestone" data-status={interviewsMilestone.status}>
            <Link href={milestoneHref(interviewsMilestone.milestoneId)} className="font-medium underline underline-offset-2">
              {interviewsMilestone.title}
            </Link>
            {" — "}
            <span data-testid="interview-count">{interviewGoal.text}</span>
            {interviewsMilestone.status === "done" ? " — done" : interviewGoal.reached ? "" : ` — ticked at your ${interviewGoal.goal}th`}
          </li>
        )}
      </ul>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Early ML interviews go deeper than software ones and often go badly. Log each one and the skills it showed up: they link back to
        their milestones, and a done one can be reopened to review it.
      </p>
    </section>
  );
}

function Field({ id, label, errors, children }: { id: string; label: string; errors?: FieldErrors; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldError id={`${id}-error`} messages={errors?.[id.split("--").pop() ?? id]} />
    </div>
  );
}

function FormError({ error }: { error?: { message: string } }) {
  return error ? (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {error.message}
    </p>
  ) : null;
}

function AddApplication({ busy, errors, run }: Ctx) {
  const [open, setOpen] = useState(false);
  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => formText(data, name);
    const ok = await run("add", () =>
      apiFetch("/api/applications", {
        method: "POST",
        body: {
          company: text("company"),
          roleTitle: text("roleTitle"),
          track: text("track"),
          source: text("source"),
          stage: text("stage"),
          url: text("url"),
          nextStep: text("nextStep"),
          nextStepOn: text("nextStepOn"),
          jobDescription: text("jobDescription"),
        },
      }),
    );
    if (ok) {
      form.reset();
      setOpen(false);
    }
  }
  const fields = errors.add?.fields;
  return (
    <section aria-labelledby="add-heading" className={panel}>
      <h2 id="add-heading" className="text-lg font-semibold">
        Add an application
      </h2>
      {!open ? (
        <button type="button" className={primary} onClick={() => setOpen(true)}>
          New application
        </button>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby="add-heading">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="company" label="Company" errors={fields}>
              <input id="company" name="company" className={input} maxLength={200} required />
            </Field>
            <Field id="roleTitle" label="Role" errors={fields}>
              <input id="roleTitle" name="roleTitle" className={input} maxLength={200} required />
            </Field>
            <Field id="track" label="Track" errors={fields}>
              <select id="track" name="track" className={input} defaultValue="ml_engineer">
                {APPLICATION_TRACKS.map((t) => (
                  <option key={t} value={t}>
                    {TRACK_LABELS[t]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="source" label="How you found it" errors={fields}>
              <select id="source" name="source" className={input} defaultValue="direct">
                {APPLICATION_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {SOURCE_LABELS[s]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="stage" label="Stage" errors={fields}>
              <select id="stage" name="stage" className={input} defaultValue="applied">
                <option value="saved">Saved, not sent yet</option>
                <option value="applied">Applied</option>
              </select>
            </Field>
            <Field id="url" label="Link to the advert (optional)" errors={fields}>
              <input id="url" name="url" type="url" className={input} />
            </Field>
            <Field id="nextStep" label="Next step (optional)" errors={fields}>
              <input id="nextStep" name="nextStep" className={input} maxLength={200} />
            </Field>
            <Field id="nextStepOn" label="Next step's date (optional)" errors={fields}>
              <input id="nextStepOn" name="nextStepOn" type="date" className={input} />
            </Field>
          </div>
          <Field id="jobDescription" label="Job description (optional, for the gap check)" errors={fields}>
            <textarea id="jobDescription" name="jobDescription" rows={4} maxLength={JOB_DESCRIPTION_MAX} className={input} />
          </Field>
          <FormError error={errors.add} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={primary} disabled={busy === "add"}>
              {busy === "add" ? "Saving…" : "Save application"}
            </button>
            <button type="button" className={`${button} border border-stone-300 dark:border-stone-700`} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ApplicationCard({ application: a, overview, busy, errors, run }: Ctx & { application: ApplicationView }) {
  const base = `/api/applications/${a.id}`;
  // The next pipeline stage is the usual move; when only rejected and withdrawn are left (an offer),
  // nothing is chosen for the user: one careless tap must not close an application.
  const suggested: ApplicationStage | "" = a.nextStages.find((s) => !isClosed(s)) ?? "";
  const [picked, setTarget] = useState<ApplicationStage | "">(suggested);
  // A choice made before the application moved on (its stages changed) no longer applies.
  const target = picked !== "" && a.nextStages.includes(picked) ? picked : suggested;
  const stageKey = `stage-${a.id}`;
  const heading = `${a.company}: ${a.roleTitle}`;
  return (
    <li data-testid="application" data-stage={a.stage} className={panel} aria-label={heading}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold break-words">
          {a.url ? (
            <a href={a.url} rel="noopener noreferrer nofollow" target="_blank" className="underline underline-offset-2">
              {heading}
            </a>
          ) : (
            heading
          )}
        </h3>
        <span data-testid="stage" className="rounded-full bg-stone-100 px-3 py-1 text-sm dark:bg-stone-800">
          {STAGE_LABELS[a.stage]}
        </span>
      </div>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {TRACK_LABELS[a.track as keyof typeof TRACK_LABELS]} · {SOURCE_LABELS[a.source as keyof typeof SOURCE_LABELS]}
        {a.nextStep || a.nextStepOn ? (
          <>
            {" "}
            · Next: {a.nextStep ?? "next step"}
            {a.nextStepOn ? `, ${date(a.nextStepOn)}` : ""}
          </>
        ) : null}
      </p>
      <p className="text-xs text-stone-600 dark:text-stone-400" data-testid="stage-history">
        {a.history.map((h) => `${STAGE_LABELS[h.toStage]} ${date(h.changedOn)}`).join(" → ")}
      </p>

      {a.nextStages.length > 0 && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (target) void run(stageKey, () => apiFetch(`${base}/stage`, { method: "POST", body: { stage: target } }));
          }}
        >
          <div>
            <label htmlFor={`${stageKey}-to`} className="block text-sm font-medium">
              Move to
            </label>
            <select id={`${stageKey}-to`} value={target} onChange={(e) => setTarget(e.target.value as ApplicationStage)} className={input}>
              {target === "" && (
                <option value="" disabled>
                  Choose…
                </option>
              )}
              {a.nextStages.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={primary} disabled={busy === stageKey || target === ""}>
            Move
          </button>
          <FormError error={errors[stageKey]} />
        </form>
      )}

      <Interviews application={a} overview={overview} busy={busy} errors={errors} run={run} />
      <GapCheckPanel application={a} overview={overview} busy={busy} errors={errors} run={run} />
      {(a.stage === "offer" || a.offerBaseSalary !== null) && (
        <OfferPanel application={a} overview={overview} busy={busy} errors={errors} run={run} />
      )}
    </li>
  );
}

function Interviews({ application: a, overview, busy, errors, run }: Ctx & { application: ApplicationView }) {
  const key = `interview-${a.id}`;
  const [open, setOpen] = useState(false);
  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const ok = await run(key, () =>
      apiFetch(`/api/applications/${a.id}/interviews`, {
        method: "POST",
        body: {
          heldOn: formText(data, "heldOn"),
          kind: formText(data, "kind"),
          felt: Number(data.get("felt")),
          asked: formText(data, "asked"),
          wentBadly: formText(data, "wentBadly"),
          revisitMilestoneIds: data.getAll("revisit").map(String),
        },
      }),
    );
    if (ok) {
      form.reset();
      setOpen(false);
    }
  }
  const fields = errors[key]?.fields;
  return (
    <div className="space-y-2">
      <h4 className="text-sm font-semibold">Interviews ({a.interviews.length})</h4>
      {a.interviews.length > 0 && (
        <ul className="space-y-2">
          {a.interviews.map((i) => (
            <li key={i.id} data-testid="interview" className="rounded-lg bg-stone-100 p-3 text-sm dark:bg-stone-800">
              <p className="font-medium">
                {INTERVIEW_KIND_LABELS[i.kind as keyof typeof INTERVIEW_KIND_LABELS]}, {date(i.heldOn)} · felt {i.felt}/5
              </p>
              {i.asked && (
                <p>
                  <span className="font-medium">Asked:</span> {i.asked}
                </p>
              )}
              {i.wentBadly && (
                <p>
                  <span className="font-medium">Went badly:</span> {i.wentBadly}
                </p>
              )}
              {i.revisitSkills.length > 0 && (
                <div data-testid="revisit-skills">
                  <p className="font-medium">To revise:</p>
                  <ul className="space-y-1">
                    {i.revisitSkills.map((s) => (
                      <li key={s.skill} className="flex flex-wrap items-center gap-x-2">
                        {s.milestoneId ? (
                          <Link
                            href={milestoneHref(s.milestoneId)}
                            className="inline-flex min-h-11 items-center underline underline-offset-2"
                          >
                            {s.title}
                          </Link>
                        ) : (
                          s.title
                        )}
                        {s.milestoneId && s.status === "done" && (
                          <ReopenButton
                            milestoneId={s.milestoneId}
                            title={s.title}
                            overview={overview}
                            busy={busy}
                            errors={errors}
                            run={run}
                          />
                        )}
                        {s.status === "in_progress" && <span className="text-xs text-stone-600 dark:text-stone-400">in progress</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {!open ? (
        <button type="button" className={`${button} border border-stone-300 dark:border-stone-700`} onClick={() => setOpen(true)}>
          Log an interview
        </button>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3" aria-label={`Log an interview with ${a.company}`}>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id={`${key}--heldOn`} label="Date" errors={fields}>
              <input id={`${key}--heldOn`} name="heldOn" type="date" max={overview.today} defaultValue={overview.today} className={input} />
            </Field>
            <Field id={`${key}--kind`} label="Kind" errors={fields}>
              <select id={`${key}--kind`} name="kind" className={input} defaultValue="screen">
                {INTERVIEW_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {INTERVIEW_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${key}--felt`} label="How it felt (1 badly – 5 well)" errors={fields}>
              <select id={`${key}--felt`} name="felt" className={input} defaultValue="3">
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field id={`${key}--asked`} label="What they asked" errors={fields}>
            <textarea id={`${key}--asked`} name="asked" rows={2} className={input} />
          </Field>
          <Field id={`${key}--wentBadly`} label="What went badly" errors={fields}>
            <textarea id={`${key}--wentBadly`} name="wentBadly" rows={2} className={input} />
          </Field>
          {overview.milestones.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium">Skills to revise</legend>
              <div className="mt-1 max-h-56 space-y-1 overflow-y-auto rounded-lg border border-stone-200 p-2 dark:border-stone-700">
                {overview.milestones.map((m) => (
                  <label key={m.milestoneId} className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="checkbox" name="revisit" value={m.milestoneId} className="size-5" />
                    {m.title}
                  </label>
                ))}
              </div>
              <FieldError id={`${key}-revisit-error`} messages={fields?.revisitMilestoneIds} />
            </fieldset>
          )}
          <FormError error={errors[key]} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={primary} disabled={busy === key}>
              Save interview
            </button>
            <button type="button" className={`${button} border border-stone-300 dark:border-stone-700`} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Back to "in progress" for review: the milestone's note and evidence go with it unchanged. */
function ReopenButton({ milestoneId, title, overview, busy, errors, run }: Ctx & { milestoneId: string; title: string }) {
  const milestone = overview.milestones.find((m) => m.milestoneId === milestoneId);
  const key = `reopen-${milestoneId}`;
  if (!overview.enrollmentId || !milestone) return null;
  const path = `/api/enrollments/${overview.enrollmentId}/milestones/${milestoneId}`;
  return (
    <>
      <button
        type="button"
        className={`${button} border border-stone-300 dark:border-stone-700`}
        disabled={busy === key}
        aria-label={`Reopen for review: ${title}`}
        onClick={() =>
          void run(key, () =>
            apiFetch(path, { method: "PUT", body: { status: "in_progress", note: milestone.note, evidenceUrl: milestone.evidenceUrl } }),
          )
        }
      >
        Reopen for review
      </button>
      <FormError error={errors[key]} />
    </>
  );
}

function GapCheckPanel({ application: a, busy, errors, run }: Ctx & { application: ApplicationView }) {
  const key = `jd-${a.id}`;
  const [text, setText] = useState(a.jobDescription ?? "");
  const gaps = a.gaps;
  return (
    <details className="space-y-2" open={gaps !== null}>
      <summary className="min-h-11 cursor-pointer content-center text-sm font-semibold">Job description gap check</summary>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(key, () => apiFetch(`/api/applications/${a.id}`, { method: "PATCH", body: { jobDescription: text } }));
        }}
      >
        <label htmlFor={`${key}-text`} className="block text-sm font-medium">
          Paste the job description
        </label>
        <textarea
          id={`${key}-text`}
          rows={5}
          value={text}
          maxLength={JOB_DESCRIPTION_MAX}
          onChange={(e) => setText(e.target.value)}
          className={input}
        />
        <FieldError id={`${key}-error`} messages={errors[key]?.fields?.jobDescription} />
        <button type="submit" className={primary} disabled={busy === key}>
          Check against my roadmap
        </button>
      </form>
      {gaps && (
        <div className="grid gap-3 sm:grid-cols-2" data-testid="gap-check">
          <GapList testId="gaps-done" heading={`Asked for, done (${gaps.done.length})`} items={gaps.done} />
          <GapList testId="gaps-not-done" heading={`Asked for, not done yet (${gaps.notDone.length})`} items={gaps.notDone} />
        </div>
      )}
    </details>
  );
}

function GapList({
  testId,
  heading,
  items,
}: {
  testId: string;
  heading: string;
  items: { skill: string; title: string; milestoneId: string; terms: string[] }[];
}) {
  return (
    <div data-testid={testId}>
      <h5 className="text-sm font-semibold">{heading}</h5>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">None.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {items.map((item) => (
            <li key={item.skill}>
              <Link href={milestoneHref(item.milestoneId)} className="underline underline-offset-2">
                {item.title}
              </Link>{" "}
              <span className="text-stone-600 dark:text-stone-400">({item.terms.join(", ")})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function OfferPanel({ application: a, busy, errors, run }: Ctx & { application: ApplicationView }) {
  const key = `offer-${a.id}`;
  const fields = errors[key]?.fields;
  return (
    <div className="space-y-2">
      <h4 className="text-sm font-semibold">The offer against the London bands</h4>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const salary = formText(data, "salary").replace(/[£,\s]/g, "");
          void run(key, () =>
            apiFetch(`/api/applications/${a.id}`, {
              method: "PATCH",
              body: { offerBaseSalary: salary === "" ? null : Number(salary), offerLevel: formText(data, "level") || null },
            }),
          );
        }}
      >
        <Field id={`${key}--offerBaseSalary`} label="Base salary (£ a year)" errors={fields}>
          <input
            id={`${key}--offerBaseSalary`}
            name="salary"
            inputMode="numeric"
            defaultValue={a.offerBaseSalary ?? ""}
            className={input}
          />
        </Field>
        <Field id={`${key}--offerLevel`} label="Level" errors={fields}>
          <select id={`${key}--offerLevel`} name="level" defaultValue={a.offerLevel ?? "Senior"} className={input}>
            {OFFER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className={primary} disabled={busy === key}>
          Compare
        </button>
      </form>
      {a.offer && (
        <p className="text-sm" data-testid="offer-reading">
          £{a.offer.baseSalary.toLocaleString("en-GB")} is <strong>{a.offer.mle.position}</strong> the ML Engineer band for {a.offer.level}{" "}
          ({formatBand(a.offer.mle.band)}) and <strong>{a.offer.swe.position}</strong> the Software Engineer band (
          {formatBand(a.offer.swe.band)}). Source: {a.offer.source}.
        </p>
      )}
    </div>
  );
}
