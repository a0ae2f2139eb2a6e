"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState, type SubmitEvent, type ReactNode } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { SalaryBands } from "@/components/context/SalaryBands";
import { FieldError } from "@/components/ui/FieldError";
import type { SavedAssessment } from "@/lib/assessment";
import { POST_MORTEMS } from "@/lib/assessment/post-mortems";
import {
  assessPivot,
  REASON_TEXT,
  RECOMMENDATION_SUMMARY,
  RECOMMENDATION_TITLE,
  type AssessmentAnswers,
  type AssessmentResult,
} from "@/lib/assessment/rules";
import { assessmentAnswersSchema, assessmentQuery } from "@/lib/validation/assessment";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";

/** The form's state: each answer as its radio value ("yes"/"no" for the two booleans), "" while unanswered. */
interface Draft {
  operationalWork: string;
  careerStage: string;
  goal: string;
  mlSurfaceAtWork: string;
  mathsBackground: string;
}

const yesNo = (value: boolean | undefined) => (value === undefined ? "" : value ? "yes" : "no");
const toBoolean = (value: string) => (value === "yes" ? true : value === "no" ? false : undefined);

function draftOf(answers: AssessmentAnswers | undefined): Draft {
  return {
    operationalWork: answers?.operationalWork ?? "",
    careerStage: answers?.careerStage ?? "",
    goal: answers?.goal ?? "",
    mlSurfaceAtWork: yesNo(answers?.mlSurfaceAtWork),
    mathsBackground: yesNo(answers?.mathsBackground),
  };
}

export interface OpenEnrollment {
  id: string;
  roadmapSlug: string;
  roadmapTitle: string;
  targetMonths: number;
}

interface Option {
  value: string;
  label: string;
  hint?: string;
}

function Question({
  name,
  legend,
  options,
  value,
  onChange,
  errors,
  children,
}: {
  name: keyof Draft;
  legend: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  children?: ReactNode;
}) {
  return (
    <fieldset
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      aria-describedby={`${name}-error`}
    >
      <legend className="float-left mb-1 w-full font-semibold">{legend}</legend>
      {children}
      <div className="clear-both space-y-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-stone-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 dark:border-stone-700 dark:has-[:checked]:bg-brand-900"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="size-5 shrink-0 accent-brand-700"
            />
            <span>
              {option.label}
              {option.hint && <span className="block text-sm text-stone-600 dark:text-stone-400">{option.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} messages={errors} />
    </fieldset>
  );
}

/** The five questions, in order: AssessmentForm owns their answers and errors. */
function Questions({ draft, set, fields }: { draft: Draft; set: (key: keyof Draft) => (value: string) => void; fields: FieldErrors }) {
  return (
    <>
      <Question
        name="operationalWork"
        legend="1. Does the operational side of ML appeal to you?"
        value={draft.operationalWork}
        onChange={set("operationalWork")}
        errors={fields.operationalWork}
        options={[
          { value: "appeals", label: "Interesting", hint: "I'd like to be the one working out problems like these." },
          { value: "draining", label: "Draining", hint: "I'd rather not spend my weeks on this." },
        ]}
      >
        <div className="clear-both space-y-2 text-sm text-stone-700 dark:text-stone-300">
          <p>The test: read three production post-mortems, then answer honestly. Pick any three:</p>
          <ul className="space-y-1">
            {POST_MORTEMS.map((p) => (
              <li key={p.url}>
                <a
                  href={p.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex min-h-11 flex-col justify-center font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
                >
                  {p.who}: {p.title} ({p.year})<span className="sr-only"> (opens in a new tab)</span>
                </a>
                <span className="block text-stone-600 dark:text-stone-400">{p.what}</span>
              </li>
            ))}
          </ul>
        </div>
      </Question>
      <Question
        name="careerStage"
        legend="2. How long have you worked as a software engineer?"
        value={draft.careerStage}
        onChange={set("careerStage")}
        errors={fields.careerStage}
        options={[
          { value: "early", label: "0–3 years" },
          { value: "mid", label: "3–7 years" },
          { value: "senior", label: "7 years or more" },
        ]}
      />
      <Question
        name="goal"
        legend="3. What are you optimising for?"
        value={draft.goal}
        onChange={set("goal")}
        errors={fields.goal}
        options={[
          { value: "short_term_pay", label: "Higher pay soon" },
          { value: "long_term_compounding", label: "Skills that keep paying off over ten years or more" },
        ]}
      >
        <details className="clear-both rounded-lg bg-stone-50 p-3 dark:bg-stone-950">
          <summary className="min-h-11 cursor-pointer content-center text-sm font-medium">What the pay gap looks like</summary>
          <div className="mt-2">
            <SalaryBands headingLevel={3} />
          </div>
        </details>
      </Question>
      <Question
        name="mlSurfaceAtWork"
        legend="4. Could you ship one real ML feature in your current job?"
        value={draft.mlSurfaceAtWork}
        onChange={set("mlSurfaceAtWork")}
        errors={fields.mlSurfaceAtWork}
        options={[
          { value: "yes", label: "Yes", hint: "Even something small: a classifier, an anomaly detector, a documentation bot." },
          { value: "no", label: "No", hint: "My role has no ML work to ship." },
        ]}
      />
      <Question
        name="mathsBackground"
        legend="5. Do you have a maths or statistics background?"
        value={draft.mathsBackground}
        onChange={set("mathsBackground")}
        errors={fields.mathsBackground}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
    </>
  );
}

/** Where "Sign in to keep this" leads: back here after sign-in, the answers in the query (lib/validation/assessment.ts). */
const signInKeeping = (answers: AssessmentAnswers) =>
  `/signin?callbackUrl=${encodeURIComponent(`/assessment?${assessmentQuery(answers)}`)}`;

function Result({
  assessment,
  answers,
  signedIn,
  openEnrollments,
}: {
  assessment: AssessmentResult;
  answers: AssessmentAnswers;
  signedIn: boolean;
  openEnrollments: OpenEnrollment[];
}) {
  const { recommendation, bracket, suggestedMonths, roadmapSlug } = assessment;
  const already = openEnrollments.find((e) => e.roadmapSlug === roadmapSlug);
  const roadmapName = roadmapSlug === "swe-to-mle" ? "Software Engineer → ML Engineer" : "Software Engineer → AI Engineer";
  return (
    <section
      aria-labelledby="result-heading"
      data-testid="assessment-result"
      className="space-y-4 rounded-xl border-2 border-brand-700 bg-white p-4 dark:bg-stone-900"
    >
      <h2 id="result-heading" className="text-xl font-semibold">
        Our suggestion: <span data-testid="recommendation">{RECOMMENDATION_TITLE[recommendation]}</span>
      </h2>
      <p>{RECOMMENDATION_SUMMARY[recommendation]}</p>
      <div>
        <h3 className="font-semibold">Why</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-stone-800 dark:text-stone-200">
          {assessment.reasons.map((code) => (
            <li key={code}>{REASON_TEXT[code]}</li>
          ))}
        </ul>
      </div>
      <p data-testid="suggested-duration">
        Suggested duration:{" "}
        <strong>
          {bracket.minMonths}–{bracket.maxMonths} months
        </strong>{" "}
        on the {roadmapName} roadmap. We pre-fill {suggestedMonths} months
        {suggestedMonths === bracket.maxMonths
          ? ", the top of that range, so the plan is one you can beat"
          : ", which keeps three months between your target and the 18-month limit"}
        ; you can pick another target when you enrol.
      </p>
      {!signedIn ? (
        <div className="space-y-2">
          <p className="text-sm">
            To enrol and track it, sign in with your email (no password). Your answers come with you: they are saved to your account as you
            sign in.
          </p>
          <Link
            href={signInKeeping(answers)}
            data-testid="assessment-sign-in"
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Sign in to keep this
          </Link>
        </div>
      ) : already ? (
        <p className="text-sm">
          You are already on this roadmap, with a target of {already.targetMonths} months.{" "}
          <Link href={`/dashboard?enrollment=${already.id}`} className="font-medium underline underline-offset-2">
            Change the target on your dashboard
          </Link>{" "}
          if you want to replan.
        </p>
      ) : (
        <Link
          href={`/roadmaps/${roadmapSlug}?target=${suggestedMonths}`}
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Enrol with {suggestedMonths} months
        </Link>
      )}
      <p className="text-xs text-stone-600 dark:text-stone-400">
        A suggestion from your answers, not a verdict: you can take this again any time, before or after enrolling.
      </p>
    </section>
  );
}

/** The answer appears below the questions: bring it into view, for a phone especially. */
const showResult = () =>
  requestAnimationFrame(() => document.getElementById("result-heading")?.scrollIntoView({ behavior: "smooth", block: "start" }));

/**
 * Signed in, answers are saved to the account. Signed out, the same pure rules answer in the browser
 * and nothing is sent; "Sign in to keep this" carries the answers through sign-in, and they arrive
 * back here as `pending`, which is saved once, at once.
 */
export function AssessmentForm({
  initial,
  openEnrollments,
  signedIn,
  pending = null,
}: {
  initial: SavedAssessment | null;
  openEnrollments: OpenEnrollment[];
  signedIn: boolean;
  pending?: AssessmentAnswers | null;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(pending ?? initial?.answers));
  const [saved, setSaved] = useState<{ answers: AssessmentAnswers; result: AssessmentResult } | null>(() =>
    pending ? { answers: pending, result: assessPivot(pending) } : initial ? { answers: initial.answers, result: initial } : null,
  );
  const [fields, setFields] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (answers: AssessmentAnswers) =>
      apiFetch<{ assessment: SavedAssessment }>("/api/me/assessment", { method: "PUT", body: answers }),
    onSuccess: ({ assessment }) => {
      setFields({});
      setSaved({ answers: assessment.answers, result: assessment });
      showResult();
    },
    onError: (error) => setFields(error instanceof ApiError && error.fields ? error.fields : {}),
  });
  const pendingSent = useRef(false);
  const { mutate } = save;
  useEffect(() => {
    if (!pending || pendingSent.current) return;
    pendingSent.current = true;
    mutate(pending, {
      // Saved: the address no longer needs the answers (a reload must not save them over a later change).
      onSuccess: () => window.history.replaceState(null, "", "/assessment"),
    });
  }, [pending, mutate]);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = assessmentAnswersSchema.safeParse({
      operationalWork: draft.operationalWork || undefined,
      careerStage: draft.careerStage || undefined,
      goal: draft.goal || undefined,
      mlSurfaceAtWork: toBoolean(draft.mlSurfaceAtWork),
      mathsBackground: toBoolean(draft.mathsBackground),
    });
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error));
      return;
    }
    if (!signedIn) {
      setFields({});
      setSaved({ answers: parsed.data, result: assessPivot(parsed.data) });
      showResult();
      return;
    }
    save.mutate(parsed.data);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Should I pivot?">
        <Questions draft={draft} set={set} fields={fields} />
        {save.error && !(save.error instanceof ApiError && save.error.fields) && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {save.error.message}
          </p>
        )}
        <button
          type="submit"
          disabled={save.isPending}
          className="min-h-11 w-full rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto"
        >
          {save.isPending ? "Working it out…" : saved ? "Update my suggestion" : "See my suggestion"}
        </button>
      </form>
      <div aria-live="polite">
        {pending && save.isPending && <p className="mb-2 text-sm">Saving the answers you gave before signing in…</p>}
        {pending && save.isSuccess && (
          <p className="mb-2 text-sm font-medium" data-testid="assessment-kept">
            Your answers from before you signed in are saved to your account.
          </p>
        )}
        {saved && <Result assessment={saved.result} answers={saved.answers} signedIn={signedIn} openEnrollments={openEnrollments} />}
      </div>
    </div>
  );
}
