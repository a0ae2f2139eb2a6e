import { describe, it, expect } from "vitest";
import { computePacing, type Pacing, type PacingInput, type PacingMilestone, type PacingPhase } from "../../lib/pacing";
import { budgetFit, scaledPhaseMonths } from "../../lib/pacing/budget";
import { progressFromEvents, type StatusChange } from "../../lib/pacing/flips";
import { describeDue, describeOverdue, VERDICT_RULES } from "../../lib/pacing/verdict";
import { sweToMle } from "../../lib/roadmaps";

// The rule table, exact to the day, through computePacing on the hand-made roadmap of
// tests/unit/pacing.test.ts: 100 hours, phases 0.1 | 0.2 | 0.3 | 0.4 on the swe-to-mle windows, a
// 12-month plan from Mon 5 Jan 2026 (windows end on days 59, 120, 243, 365; the 18-month line is
// day 546, 5 Jul 2027). Dates are counted with plain UTC arithmetic, independent of lib/pacing.

const DAY_MS = 86_400_000;
const START = "2026-01-05";
const plusDays = (n: number) => new Date(Date.parse(`${START}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const noon = (n: number) => new Date(Date.parse(`${plusDays(n)}T12:00:00Z`));
const shown = (n: number) => {
  const d = new Date(Date.parse(`${plusDays(n)}T00:00:00Z`));
  return `${d.getUTCDate()} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

const m = (skill: string, effortHours: number): PacingMilestone => ({
  id: `m-${skill}`, skillId: `skill-${skill}`, skillSlug: skill, title: `Milestone ${skill}`, effortHours, minDurationDays: null, durationAnchor: null,
});
const phases: PacingPhase[] = [
  { slug: "p1", title: "Fundamentals", startMonth: 0, endMonth: 3, milestones: [m("a1", 5), m("a2", 5)] },
  { slug: "p2", title: "Production", startMonth: 3, endMonth: 6, milestones: [m("b1", 10), m("b2", 10)] },
  { slug: "p3", title: "Ship", startMonth: 6, endMonth: 12, milestones: [m("c1", 10), m("c2", 20)] },
  { slug: "p4", title: "Pivot", startMonth: 12, endMonth: 18, milestones: [m("d1", 20), m("d2", 20)] },
];
const roadmap = { canonicalMonths: 18, maxMonths: 18, phases };

type Change = PacingInput["enrollment"]["changes"][number];
const done = (skill: string, day: number): StatusChange => ({ skillId: `skill-${skill}`, toStatus: "done", occurredAt: noon(day) });

function pace(s: { now: number; done?: StatusChange[]; changes?: Change[]; status?: "active" | "paused"; weeklyHours?: number; checkIns?: { day: number; hours: number }[] }): Pacing {
  return computePacing({
    roadmap,
    enrollment: {
      startDate: START,
      targetMonths: 12,
      status: s.status ?? "active",
      changes: [{ kind: "enrolled", at: noon(0), toTargetMonths: 12 }, ...(s.changes ?? [])],
      weeklyHours: s.weeklyHours ?? null,
    },
    progress: progressFromEvents(s.done ?? []),
    checkIns: (s.checkIns ?? []).map((c) => ({ at: noon(c.day).getTime(), hours: c.hours })),
    now: noon(s.now),
    timeZone: "Europe/London",
  });
}

describe("the verdict's rule table", () => {
  it("lists every rule once, in the order tried", () => {
    expect(VERDICT_RULES.map((r) => r.rule)).toEqual([
      "finished", "upcoming", "paused", "budget_too_small", "just_started", "just_replanned", "past_limit", "far_behind", "overdue", "past_target", "behind", "on_track",
    ]);
  });

  it("day 0: just started, never red, and no buffer chip beside it", () => {
    const p = pace({ now: 0 });
    expect(p.verdict).toMatchObject({ rule: "just_started", status: "just_started", tone: "neutral", label: "Just started", bufferChip: null, advice: null });
    expect(p.verdict.headline).toBe("Just started — your plan runs to 5 Jan 2027; your pace shows after the first week");
    expect(p.verdict.publicHeadline).toBe("Just started — the plan runs to 5 Jan 2027");
    // Six active days later still the first week; on day 7 the pace is judged: nothing done, the line
    // at 0.1·7/59, first reached… never by 0 after day 0, so variance −7: on track, one week behind.
    expect(pace({ now: 6 }).verdict.rule).toBe("just_started");
    const day7 = pace({ now: 7 });
    expect(day7.verdict.rule).toBe("on_track");
    expect(day7.verdict.headline).toBe("1 week behind — no buffer — not enough data yet to project a finish");
    expect(day7.verdict.phrase).toBe("on track, 1 week behind");
  });

  it("on the line but projected past the target: at risk, and it says the target, not 'on plan'", () => {
    // a1 on day 20, a2 on day 45: 0.1 done on day 59, where the line is 0.1 (variance 0, buffer 0).
    // Velocity over days 32–59 (28 active days): ticks 5 h → 1.25 h/week; check-ins 10 h → 2.5 h/week;
    // blend (min(1.25, 2.5) + 2.5) / 2 = 1.875 h/week = 0.01875 of the effort a week.
    // 0.9 left: 0.9·7/0.01875 = 336 days → day 395, 4 Feb 2027, after the 5 Jan 2027 target.
    const p = pace({ now: 59, done: [done("a1", 20), done("a2", 45)], checkIns: [{ day: 40, hours: 5 }, { day: 50, hours: 5 }] });
    expect(p.varianceDays).toBe(0);
    expect(p.bufferDays).toBe(0);
    expect(p.velocity).toMatchObject({ basis: "trailing" });
    expect(p.velocity!.ticks).toBeCloseTo(1.25, 12);
    expect(p.velocity!.logged).toBeCloseTo(2.5, 12);
    expect(p.velocity!.hoursPerWeek).toBeCloseTo(1.875, 12);
    expect(p.projectedFinish).toBe(plusDays(395));
    expect(p.verdict).toMatchObject({ rule: "past_target", status: "at_risk", tone: "caution", label: "At risk", bufferChip: "0 d buffer" });
    expect(p.verdict.headline).toBe(`At this pace you finish ${shown(395)}, after your target of 5 Jan 2027`);
    expect(p.verdict.headline).toBe("At this pace you finish 4 Feb 2027, after your target of 5 Jan 2027");
    expect(p.verdict.phrase).toBe("at risk, finishing after your target");
    expect(p.verdict.headline).not.toMatch(/on plan/i);
  });

  it("ahead with an overdue milestone: at risk for the overdue one, overdue by whole weeks", () => {
    // b1, b2, c1 (0.3) on days 60, 65, 70; a1 and a2 left open. On day 80 the line first reaches 0.3 on
    // day 120: 40 days ahead. Phase 1 closed on day 59: a1 and a2 are 21 days (3 weeks) overdue.
    const p = pace({ now: 80, done: [done("b1", 60), done("b2", 65), done("c1", 70)] });
    expect(p.varianceDays).toBe(40);
    expect(p.overdue).toEqual([
      { id: "m-a1", title: "Milestone a1", dueDate: "2026-03-05", days: 21 },
      { id: "m-a2", title: "Milestone a2", dueDate: "2026-03-05", days: 21 },
    ]);
    // Velocity 0.3 over days 53–80 (28 days) = 0.075/week; 0.7·7/0.075 = 65.3 → 66 days → day 146, 31 May 2026.
    expect(p.projectedFinish).toBe(plusDays(146));
    expect(p.verdict).toMatchObject({ rule: "overdue", status: "at_risk", bufferChip: null, phrase: "at risk, 2 milestones overdue" });
    expect(p.verdict.headline).toBe("2 milestones are overdue, “Milestone a1” by 3 weeks — at this pace you finish 31 May 2026");
    expect(p.verdict.headline).not.toMatch(/ahead|on plan|on track/i);
    // Overdue by a week or less doesn't outweigh being ahead: day 66, 7 days late.
    expect(pace({ now: 66, done: [done("b1", 60), done("b2", 65)] }).verdict.status).toBe("on_track");
    expect(describeDue("2026-03-05", plusDays(80))).toBe("overdue by 3 weeks");
  });

  it("paused: its own verdict, no buffer, no advice", () => {
    const p = pace({ now: 45, status: "paused", changes: [{ kind: "paused", at: noon(30), toTargetMonths: null }], done: [done("a1", 20), done("a2", 20)] });
    expect(p.verdict).toMatchObject({ rule: "paused", status: "paused", tone: "neutral", label: "Paused", bufferChip: null, advice: null, phrase: "paused" });
    expect(p.verdict.headline).toBe("Paused at 10% done — the plan waits until you resume");
    expect(p.verdict.publicHeadline).toBe("Paused at 10% done");
  });

  it("just replanned: the new line isn't judged for its first week", () => {
    // a1 on day 30, b1 on day 85 (0.15); replanned to 18 months on day 100.
    const history = { done: [done("a1", 30), done("b1", 85)], changes: [{ kind: "replanned", at: noon(100), toTargetMonths: 18 }] };
    const p = pace({ now: 103, ...history });
    expect(p.verdict).toMatchObject({ rule: "just_replanned", status: "just_started", label: "Just replanned", bufferChip: null, phrase: "just replanned" });
    expect(p.verdict.headline).toBe("Just replanned — the new plan runs from 15% done to 5 Jul 2027");
    // Day 106 is the 6th active day after it; day 107 the 7th: judged again.
    expect(pace({ now: 106, ...history }).verdict.rule).toBe("just_replanned");
    expect(pace({ now: 107, ...history }).verdict.rule).not.toMatch(/^just_/);
  });

  it("past the 18-month line: off track, and it names the line", () => {
    // a1 (0.05) on day 10, nothing since; on day 100 velocity is since the start: 0.05 over 101 days.
    // 0.95·7/(0.05·7/101) = 1919 days → day 2019.
    const p = pace({ now: 100, done: [done("a1", 10)] });
    expect(p.projectedFinish).toBe(plusDays(2019));
    expect(p.verdict).toMatchObject({ rule: "past_limit", status: "off_track", tone: "danger", label: "Off track" });
    expect(p.verdict.headline).toBe(`At this pace you finish ${shown(2019)}, after the 18-month line (5 Jul 2027)`);
    expect(p.verdict.phrase).toBe("off track, finishing after the 18-month line");
  });

  it("budget too small: the plan's steepest stretch asks more hours a week than the budget", () => {
    // Phases 2 and 4 are the steepest: 20 h over 61 days and 40 h over 122 days, 2.295… h a week → 2.3.
    const p = pace({ now: 10, weeklyHours: 1 });
    expect(p.budget).toEqual({ weeklyHours: 1, peakHoursPerWeek: 2.3 });
    expect(p.verdict).toMatchObject({ rule: "budget_too_small", status: "at_risk", tone: "caution" });
    expect(p.verdict.headline).toBe("Your plan asks up to 3 h a week and your budget is 1 h — not enough data yet to project a finish");
    // Even on day 0 the warning shows, amber, not red.
    expect(pace({ now: 0, weeklyHours: 1 }).verdict).toMatchObject({ rule: "budget_too_small", tone: "caution" });
    // Within half an hour of the budget it fits, and the next rule speaks: nothing done by day 10 is 10
    // days behind (the line is above 0 from day 1), more than a week.
    expect(pace({ now: 10, weeklyHours: 2 }).verdict.rule).toBe("behind");
    // A budget change is history: 1 → 3 h on day 5; on day 10 the budget is 3, on day 4 it was 1.
    const changes = [{ kind: "budget_changed", at: noon(5), toTargetMonths: null, fromWeeklyHours: 1, toWeeklyHours: 3 }];
    expect(pace({ now: 10, weeklyHours: 3, changes }).budget?.weeklyHours).toBe(3);
    expect(pace({ now: 4, weeklyHours: 3, changes }).budget?.weeklyHours).toBe(1);
    expect(pace({ now: 4, weeklyHours: 3, changes }).verdict.rule).toBe("budget_too_small");
  });
});

describe("blended velocity", () => {
  it("a single large tick can't lift velocity above the hours logged", () => {
    // Steady 2.5 h a week logged (2.5 h on each of days 35, 42, 49, 56 → 10 h over days 32–59), and
    // a 5-hour tick: blend 1.875 h/week. Add a 20-hour tick (b1) on day 58: ticks 25 h ≫ 10 h logged,
    // so velocity is the logged 2.5 h/week, not the ticks' 6.25.
    const checkIns = [35, 42, 49, 56].map((day) => ({ day, hours: 2.5 }));
    const before = pace({ now: 59, done: [done("a1", 20), done("a2", 45)], checkIns });
    const after = pace({ now: 59, done: [done("a1", 20), done("a2", 45), done("b1", 58), done("b2", 58)], checkIns });
    expect(before.velocity!.hoursPerWeek).toBeCloseTo(1.875, 12);
    expect(after.velocity!.ticks).toBeCloseTo(6.25, 12);
    expect(after.velocity!.hoursPerWeek).toBeCloseTo(2.5, 12);
    // Without check-ins the ticks alone decide, as before.
    expect(pace({ now: 59, done: [done("a1", 20), done("a2", 45)] }).velocity!.hoursPerWeek).toBeCloseTo(1.25, 12);
  });
});

describe("budgetFit (the enrol and replan forms)", () => {
  const effort = {
    canonicalMonths: sweToMle.canonicalMonths,
    maxMonths: sweToMle.maxMonths,
    phases: sweToMle.phases.map((p) => ({ title: p.title, startMonth: p.startMonth, endMonth: p.endMonth, effortHours: p.milestones.reduce((s, x) => s + x.effortHours, 0) })),
  };

  it("says what 8 h a week means for the 534-hour roadmap on 12 months", () => {
    // 534 h / 8 h = 66.75 weeks = 15.35 months → about 16; 534 / (12 · 4.348) = 10.2 → 11 h a week.
    // ML fundamentals: 234 h over months 0–2 of a 12-month plan (8.7 weeks) = 26.9 h a week.
    const fit = budgetFit(effort, 8, 12);
    expect(fit).toMatchObject({ totalHours: 534, monthsAtBudget: 16, hoursForTarget: 11, peak: { title: "ML fundamentals", hoursPerWeek: 26.9 }, fits: false, shortestFittingMonths: null });
    expect(fit.sentence).toBe(
      "At 8 h a week this takes about 16 months; to finish in 12, plan on 11 h a week. Its busiest phase, ML fundamentals, asks about 27 h a week on a 12-month plan: plan on more hours a week.",
    );
  });

  it("changes with the hours and the target", () => {
    expect(budgetFit(effort, 30, 12)).toMatchObject({ monthsAtBudget: 5, fits: true, sentence: "At 30 h a week this takes about 5 months, so 12 months leaves room." });
    // 20 h: the peak scales with 1/target, 26.9·12/20 = 16.1 → 16 months is the shortest that fits.
    expect(budgetFit(effort, 20, 9).sentence).toBe(
      "At 20 h a week this takes about 7 months, enough for 9 months overall. Its busiest phase, ML fundamentals, asks about 36 h a week on a 9-month plan: choose 16 months or more, or more hours.",
    );
  });
});

describe("display helpers", () => {
  it("scales phase labels to the user's own plan", () => {
    expect(sweToMle.phases.map((p) => scaledPhaseMonths(p, 18, 12))).toEqual(["months 0–2 of 12", "months 2–4 of 12", "months 4–8 of 12", "months 8–12 of 12"]);
    expect(scaledPhaseMonths({ startMonth: 3, endMonth: 6 }, 18, 15)).toBe("months 2.5–5 of 15");
    expect(scaledPhaseMonths({ startMonth: 12, endMonth: 18 }, 18, 18)).toBe("months 12–18 of 18");
  });

  it("says overdue in days, then whole weeks; a date while it is ahead", () => {
    expect(describeOverdue(1)).toBe("overdue by 1 day");
    expect(describeOverdue(13)).toBe("overdue by 13 days");
    expect(describeOverdue(14)).toBe("overdue by 2 weeks");
    expect(describeOverdue(60)).toBe("overdue by 8 weeks");
    expect(describeDue("2026-10-03", "2026-12-01")).toBe("overdue by 8 weeks");
    expect(describeDue("2026-12-01", "2026-12-01")).toBe("due today");
    expect(describeDue("2026-12-14", "2026-12-01")).toBe("by 14 Dec 2026");
  });
});
