import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { composeDigest } from "../../lib/digest/compose";
import type { DigestInput } from "../../lib/digest/types";
import {
  decideVerdict,
  STATUS_LABELS,
  STATUS_TONES,
  VERDICT_RULES,
  type PacingStatus,
  type Verdict,
  type VerdictFacts,
} from "../../lib/pacing/verdict";
import { dayOfIso, isoOfDay } from "../../lib/calendar/days";

// No surface mixes verdicts: for random pacing facts, every text a surface renders — the dashboard's
// badge, buffer chip, headline and advice; /checkin's label and headline; the email's subject, text
// and HTML; the public page's label and headline — carries the words of one status only, and the
// badge's colour is that status's.

const SEED = Number(process.env.PACING_SEED ?? 20261201);
const NUM_RUNS = Number(process.env.PACING_RUNS ?? 500);

/** Words that belong to one status; a surface showing status S must not contain another's. */
const WORDS: Record<PacingStatus, RegExp> = {
  upcoming: /not started yet|plan starts on/i,
  just_started: /just (started|replanned)/i,
  on_track: /on track|on plan/i,
  at_risk: /at risk/i,
  off_track: /off track/i,
  paused: /paused/i,
  done: /finished/i,
};

const START = "2026-08-24";
const iso = (offset: number) => isoOfDay(dayOfIso(START) + offset);

const factsArb: fc.Arbitrary<VerdictFacts> = fc
  .record({
    today: fc.integer({ min: -30, max: 600 }),
    done: fc.boolean(),
    paused: fc.boolean(),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    replanned: fc.boolean(),
    activeDaysSince: fc.integer({ min: 0, max: 400 }),
    varianceDays: fc.integer({ min: -200, max: 200 }),
    bufferDays: fc.integer({ min: -200, max: 200 }),
    projected: fc.option(fc.integer({ min: 1, max: 1200 }), { nil: null }),
    target: fc.integer({ min: 180, max: 548 }),
    overdue: fc.option(fc.record({ count: fc.integer({ min: 1, max: 5 }), days: fc.integer({ min: 1, max: 120 }) }), { nil: null }),
    budget: fc.option(
      fc.record({
        weeklyHours: fc.integer({ min: 1, max: 80 }),
        finish: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
        hoursForTarget: fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }),
      }),
      { nil: null },
    ),
  })
  .map((r) => ({
    today: r.today,
    startDate: START,
    done: r.done,
    finishedOn: r.done ? iso(Math.max(r.today, 0)) : null,
    paused: r.paused,
    share: r.done ? 1 : r.share,
    line: { kind: r.replanned ? "replanned" : "enrolled", activeDaysSince: r.activeDaysSince },
    varianceDays: r.today < 0 ? null : r.varianceDays,
    bufferDays: r.today < 0 || r.done ? null : r.bufferDays,
    projectedFinish: r.projected === null || r.today < 0 ? null : iso(Math.max(r.today, 0) + r.projected),
    targetDate: iso(r.target),
    limitDate: iso(548),
    limitMonths: 18,
    overdue: r.overdue && { ...r.overdue, title: "Ship one ML feature" },
    budget: r.budget && {
      weeklyHours: r.budget.weeklyHours,
      finishDate: r.budget.finish === null ? null : iso(r.budget.finish),
      hoursForTarget: r.budget.hoursForTarget,
    },
  }));

function emailOf(facts: VerdictFacts, verdict: Verdict): DigestInput {
  return {
    user: { name: "Ada", email: "ada@example.com" },
    week: "2026-W48",
    weekRange: { from: "2026-11-23", to: "2026-11-29" },
    roadmapTitle: "Software Engineer → ML Engineer",
    planWeek: { n: 14, of: 52 },
    pace: {
      verdict,
      varianceDays: facts.varianceDays,
      bufferDays: facts.bufferDays,
      projectedFinish: facts.projectedFinish,
      finishedOn: facts.finishedOn,
      targetDate: facts.targetDate,
      share: facts.share,
    },
    doneThisWeek: [{ title: "Build an intuition for gradient descent" }],
    checkIns: [{ hours: 3, confidence: 4 }],
    streak: { weeks: 2, frozen: [], thisWeekDone: true, freezeLeftThisMonth: true },
    next: [{ title: "PyTorch fluency", dueDate: "2026-10-03" }],
    thisWeek: {
      week: "2026-W48",
      from: "2026-11-23",
      to: "2026-11-29",
      state: "active",
      budgetHours: 8,
      loggedHours: 3,
      leftHours: 5,
      items: [
        {
          id: "m1",
          title: "PyTorch fluency",
          phaseTitle: "ML fundamentals",
          inProgress: true,
          dueDate: "2026-10-03",
          hours: 5,
          remainingHours: 12,
        },
      ],
      notYet: [],
    },
    pivot: null,
    firstWeek: false,
    lastCheckInWeek: null,
    partnerNotes: [],
    links: {
      checkIn: "https://w.test/checkin",
      dashboard: "https://w.test/dashboard",
      settings: "https://w.test/settings",
      unsubscribe: "https://w.test/u",
    },
  };
}

function mixed(status: PacingStatus, surface: string): PacingStatus[] {
  return (Object.keys(WORDS) as PacingStatus[]).filter((other) => other !== status && WORDS[other].test(surface));
}

describe("one verdict on every surface", () => {
  it("no surface carries another status's words, and every surface carries the same label and tone", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(factsArb, (facts) => {
        const v = decideVerdict(facts);
        seen.add(v.rule);
        expect(v.tone).toBe(STATUS_TONES[v.status]);
        const dashboard = [v.label, v.bufferChip ?? "", v.headline, v.advice?.title ?? "", v.advice?.text ?? ""].join("\n");
        const checkin = `${v.label}: ${v.headline}`;
        const publicPage = `${v.label}\n${v.publicHeadline}`;
        const { subject, text, html } = composeDigest(emailOf(facts, v));
        for (const [name, surface] of Object.entries({ dashboard, checkin, publicPage, subject, text, html })) {
          expect(mixed(v.status, surface), `${name} for ${v.rule}: ${surface.slice(0, 300)}`).toEqual([]);
        }
        // The label (the badge) is in the email's status line whenever the email shows one.
        if (v.status !== "done" && v.status !== "upcoming") expect(text).toContain(` · ${v.label} · `);
        // The subject's pace is the verdict's phrase, unless the week was quiet… which it isn't here.
        if (v.status !== "done" && v.status !== "upcoming") expect(subject).toContain(v.phrase);
        // A status with its own words says them in the phrase (on track may say "2 weeks ahead").
        if (v.status !== "on_track") expect(v.phrase.startsWith(v.label.toLowerCase())).toBe(true);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    // Every rule of the table was reached by some random state.
    expect([...seen].sort()).toEqual(VERDICT_RULES.map((r) => r.rule).sort());
  });

  it("labels are distinct words per status", () => {
    for (const status of Object.keys(STATUS_LABELS) as PacingStatus[]) {
      expect(mixed(status, STATUS_LABELS[status])).toEqual([]);
      expect(WORDS[status].test(STATUS_LABELS[status]) || status === "upcoming").toBe(true);
    }
  });
});
