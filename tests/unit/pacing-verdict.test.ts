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
  id: `m-${skill}`,
  skillId: `skill-${skill}`,
  skillSlug: skill,
  title: `Milestone ${skill}`,
  effortHours,
  minDurationDays: null,
  durationAnchor: null,
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

function pace(s: {
  now: number;
  done?: StatusChange[];
  changes?: Change[];
  status?: "active" | "paused";
  weeklyHours?: number;
  checkIns?: { day: number; hours: number }[];
}): Pacing {
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
      "finished",
      "upcoming",
      "paused",
      "budget_too_small",
      "just_started",
      "just_replanned",
      "budget_past_limit",
      "past_limit",
      "far_behind",
      "overdue",
      "past_target",
      "behind",
      "on_track",
    ]);
  });

  it("day 0: just started, never red, and no buffer chip beside it", () => {
    const p = pace({ now: 0 });
    expect(p.verdict).toMatchObject({
      rule: "just_started",
      status: "just_started",
      tone: "neutral",
      label: "Just started",
      bufferChip: null,
      advice: null,
    });
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
    const p = pace({
      now: 59,
      done: [done("a1", 20), done("a2", 45)],
      checkIns: [
        { day: 40, hours: 5 },
        { day: 50, hours: 5 },
      ],
    });
    expect(p.varianceDays).toBe(0);
    expect(p.bufferDays).toBe(0);
    expect(p.velocity).toMatchObject({ basis: "trailing" });
    expect(p.velocity!.ticks).toBeCloseTo(1.25, 12);
    expect(p.velocity!.logged).toBeCloseTo(2.5, 12);
    expect(p.velocity!.hoursPerWeek).toBeCloseTo(1.875, 12);
    expect(p.projectedFinish).toBe(plusDays(395));
    expect(p.verdict).toMatchObject({
      rule: "past_target",
      status: "at_risk",
      tone: "caution",
      label: "At risk",
      bufferChip: "0 d buffer",
    });
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
    const p = pace({
      now: 45,
      status: "paused",
      changes: [{ kind: "paused", at: noon(30), toTargetMonths: null }],
      done: [done("a1", 20), done("a2", 20)],
    });
    expect(p.verdict).toMatchObject({
      rule: "paused",
      status: "paused",
      tone: "neutral",
      label: "Paused",
      bufferChip: null,
      advice: null,
      phrase: "paused",
    });
    expect(p.verdict.headline).toBe("Paused at 10% done — the plan waits until you resume");
    expect(p.verdict.publicHeadline).toBe("Paused at 10% done");
  });

  it("just replanned: the new line isn't judged for its first week", () => {
    // a1 on day 30, b1 on day 85 (0.15); replanned to 18 months on day 100.
    const history = { done: [done("a1", 30), done("b1", 85)], changes: [{ kind: "replanned", at: noon(100), toTargetMonths: 18 }] };
    const p = pace({ now: 103, ...history });
    expect(p.verdict).toMatchObject({
      rule: "just_replanned",
      status: "just_started",
      label: "Just replanned",
      bufferChip: null,
      phrase: "just replanned",
    });
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

  it("budget too small: the plan paced at the budget finishes after the target (amber, even on day 0)", () => {
    // At 2 h a week (1/350 of the effort a day): phase 1 asks 1/590 a day, under it; phase 2 (1/305)
    // is capped, so the line runs 0.1 + (d − 59)/350 and rejoins the windows' line on day 182; phase 4
    // (1/305 again) is capped from day 243 (0.6): 0.6 + (d − 243)/350 reaches 1 on day 383, 23 Jan 2027,
    // after the 5 Jan 2027 target. The hours that finish by the target: the steepest remaining stretch,
    // phase 4, 40 h over 122 days = 2.3 h a week → 3.
    const p = pace({ now: 10, weeklyHours: 2 });
    expect(p.budget).toEqual({ weeklyHours: 2, finishDate: plusDays(383), hoursForTarget: 3 });
    expect(plusDays(383)).toBe("2027-01-23");
    expect(p.verdict).toMatchObject({ rule: "budget_too_small", status: "at_risk", tone: "caution", bufferChip: null });
    expect(p.verdict.headline).toBe(
      "At 2 h a week you finish about 23 Jan 2027, after your target of 5 Jan 2027 — to finish by then, plan on 3 h a week",
    );
    expect(p.verdict.publicHeadline).toBe("At 2 h a week the plan finishes about 23 Jan 2027, after the target of 5 Jan 2027");
    expect(p.verdict.phrase).toBe("at risk, your hours finish after your target");
    expect(p.verdict.advice?.text).toBe("Give it 3 h a week, or choose a longer target: every tick is kept.");
    // Day 0: the same warning, amber, not red.
    expect(pace({ now: 0, weeklyHours: 2 }).verdict).toMatchObject({ rule: "budget_too_small", tone: "caution" });
    // At 3 h a week (1/233⅓ a day) no stretch is capped: the line is the windows' line, and the next rule
    // speaks: nothing done by day 10 is 10 days behind.
    const enough = pace({ now: 10, weeklyHours: 3 });
    expect(enough.budget).toEqual({ weeklyHours: 3, finishDate: "2027-01-05", hoursForTarget: 3 });
    expect(enough.verdict.rule).toBe("behind");
    // A budget far below the plan: 1 h a week finishes after the 18-month line (day 546). In the first
    // week still amber; after it, off track.
    expect(pace({ now: 3, weeklyHours: 1 }).verdict.rule).toBe("budget_too_small");
    const tiny = pace({ now: 10, weeklyHours: 1 });
    expect(tiny.verdict).toMatchObject({ rule: "budget_past_limit", status: "off_track", label: "Off track" });
    expect(tiny.verdict.headline).toMatch(
      /^At 1 h a week you finish about \d+ \w{3} \d{4}, after the 18-month line \(5 Jul 2027\) — to finish by then, plan on 3 h a week$/,
    );
  });
});

describe("the plan line at the weekly budget", () => {
  const shares = (p: Pacing, i = 0) => (p.plans[i]?.points ?? []).map((pt) => [pt.day, Number(pt.share.toFixed(6))]);

  it("2 h a week: capped in phases 2 and 4, back on the windows' line in between; a person ticking the budget stays on it", () => {
    const p = pace({ now: 10, weeklyHours: 2 });
    // Bends: day 59 (0.1, the cap starts), 182 (rejoins: on day 181 the cap's 0.1 + 122/350 = 0.448571 is
    // under the windows' 0.3 + 0.3·61/123 = 0.448780; on day 182 it is over), 243 (0.6), 383 (1).
    expect(shares(p)).toEqual([
      [0, 0],
      [59, 0.1],
      [181, 0.448571],
      [182, 0.45122],
      [243, 0.6],
      [383, 1],
    ]);
    expect(p.plans[0]).toMatchObject({ targetMonths: 12, fromDate: START, endDate: plusDays(383), superseded: false });
    expect(p.targetDate).toBe("2027-01-05");
    // Phase 2's milestones are due when the paced line reaches 0.3 (its window's end share):
    // 0.1 + (d − 59)/350 ≥ 0.3 first on day 129, not day 120.
    const paced = pace({ now: 125, weeklyHours: 2, done: [done("a1", 20), done("a2", 50)] });
    expect(paced.nextMilestones[0]).toMatchObject({ id: "m-b1", dueDate: plusDays(129) });
    expect(pace({ now: 125, done: [done("a1", 20), done("a2", 50)] }).nextMilestones[0]).toMatchObject({
      id: "m-b1",
      dueDate: plusDays(120),
    });
    // Ticking 2 h a week through phase 2: b1 (10 h) 35 days after day 59 and b2 35 days later: on the
    // line on both days (0.2 on day 94, 0.3 on day 129), so no variance, never "behind".
    const keeping = pace({ now: 129, weeklyHours: 2, done: [done("a1", 20), done("a2", 50), done("b1", 94), done("b2", 129)] });
    expect(keeping.varianceDays).toBe(0);
    expect(keeping.overdue).toEqual([]);
    expect(keeping.verdict.rule).toBe("budget_too_small");
  });

  it("a budget change mid-plan starts a new version of the line from where the old one is that day; the old one is kept", () => {
    // 2 → 3 h a week on day 100. Until then the 2 h line: 0.1 + 41/350 = 0.217143 on day 100. Then 3/700 a
    // day: 0.217143 + 17·3/700 = 0.29 on day 117 is under the windows' 0.1 + 0.2·58/61 = 0.290164, and on
    // day 118 over (0.294286 vs 0.293443): back on the windows' line from day 118, which 3 h keeps: day 365.
    const changes = [{ kind: "budget_changed", at: noon(100), toTargetMonths: null, fromWeeklyHours: 2, toWeeklyHours: 3 }];
    const p = pace({ now: 130, weeklyHours: 3, changes });
    expect(p.plans.map((l) => [l.fromDate, l.endDate, l.superseded])).toEqual([
      [START, plusDays(383), true],
      [plusDays(100), "2027-01-05", false],
    ]);
    expect(shares(p, 1)).toEqual([
      [100, 0.217143],
      [117, 0.29],
      [118, 0.293443],
      [120, 0.3],
      [243, 0.6],
      [365, 1],
    ]);
    expect(p.budget).toEqual({ weeklyHours: 3, finishDate: "2027-01-05", hoursForTarget: 3 });
    expect(p.verdict.rule).not.toBe("budget_too_small");
    // Before the change, the plan was the 2 h one.
    expect(pace({ now: 99, weeklyHours: 3, changes }).budget).toMatchObject({ weeklyHours: 2, finishDate: plusDays(383) });
    // Not a fresh start: nothing done by day 101 is as far behind as before the change (the line's
    // first 0 < share is day 1): never "just replanned".
    const after = pace({ now: 101, weeklyHours: 3, changes });
    expect(after.varianceDays).toBe(-101);
    expect(after.verdict.rule).not.toMatch(/^just_/);
  });

  it("a pause holds the paced line flat and moves its finish by the paused days", () => {
    // Paused on day 100, resumed on day 121: 21 days later everywhere after: finish 383 + 21 = 404.
    const changes = [
      { kind: "paused", at: noon(100), toTargetMonths: null },
      { kind: "resumed", at: noon(121), toTargetMonths: null },
    ];
    const p = pace({ now: 130, weeklyHours: 2, changes });
    expect(p.targetDate).toBe(plusDays(386));
    expect(p.budget?.finishDate).toBe(plusDays(404));
    expect(shares(p)).toEqual([
      [0, 0],
      [59, 0.1],
      [100, 0.217143],
      [121, 0.217143],
      [202, 0.448571],
      [203, 0.45122],
      [264, 0.6],
      [404, 1],
    ]);
  });

  it("a replan paces the new line from the share done that day", () => {
    // a1 and a2 (0.1) by day 50; replanned to 18 months on day 60 at 2 h a week. The 18-month windows
    // from 5 Jan 2026: 3, 6, 12, 18 months end on days 90, 181, 365, 546. From 0.1 on day 60 the new line
    // spreads the 0.9 left over the windows' remaining shape; 2 h a week covers every stretch of it (the
    // steepest, phase 2's, asks 0.9·(0.2/0.9... at most 1/455 a day): the paced line is the replanned one.
    const changes = [{ kind: "replanned", at: noon(60), toTargetMonths: 18 }];
    const p = pace({ now: 80, weeklyHours: 2, done: [done("a1", 20), done("a2", 50)], changes });
    expect(p.targetDate).toBe("2027-07-05");
    expect(p.budget).toMatchObject({ weeklyHours: 2, finishDate: "2027-07-05" });
    expect(p.plans.map((l) => [l.targetMonths, l.fromDate, l.superseded])).toEqual([
      [12, START, true],
      [18, plusDays(60), false],
    ]);
    expect(p.verdict.rule).not.toBe("budget_too_small");
  });

  it("swe-to-mle at 11 h a week on 12 months: a front-loaded first phase, but enough hours overall, is not flagged", () => {
    const real = {
      canonicalMonths: sweToMle.canonicalMonths,
      maxMonths: sweToMle.maxMonths,
      phases: sweToMle.phases.map((ph) => ({
        slug: ph.slug,
        title: ph.title,
        startMonth: ph.startMonth,
        endMonth: ph.endMonth,
        milestones: ph.milestones.map((x) => ({
          id: x.slug,
          skillId: x.slug,
          skillSlug: x.slug,
          title: x.title,
          effortHours: x.effortHours,
          minDurationDays: null,
          durationAnchor: null,
        })),
      })),
    };
    const at = (weeklyHours: number, now: number) =>
      computePacing({
        roadmap: real,
        enrollment: {
          startDate: START,
          targetMonths: 12,
          status: "active",
          changes: [{ kind: "enrolled", at: noon(0), toTargetMonths: 12 }],
          weeklyHours,
        },
        progress: [],
        now: noon(now),
        timeZone: "Europe/London",
      });
    // 534 h at 11 h a week is 48.5 weeks (340 days) < 365: the capped phase 1 is made up by the lighter
    // phases 3 and 4. On day 0 it's just started, and the finish is the target.
    expect(at(11, 0).budget).toEqual({ weeklyHours: 11, finishDate: "2027-01-05", hoursForTarget: 11 });
    expect(at(11, 0).verdict.rule).toBe("just_started");
    // 8 h a week: 534 / (8/7) = 467.25 days → 100% on day 468, 18 Apr 2027: too small, plan on 11.
    expect(at(8, 0).budget).toEqual({ weeklyHours: 8, finishDate: plusDays(468), hoursForTarget: 11 });
    expect(at(8, 0).verdict.headline).toBe(
      `At 8 h a week you finish about ${shown(468)}, after your target of 5 Jan 2027 — to finish by then, plan on 11 h a week`,
    );
  });
});

describe("honest replans", () => {
  // a1 (0.05) on day 10, nothing since. On day 150 the 12-month line first reached 0.05 on day 30
  // (0.1·d/59 ≥ 0.05 from d = 29.5): 120 days, 17 weeks behind.
  const history = { done: [done("a1", 10)] };
  const to15 = { kind: "replanned", at: noon(150), toTargetMonths: 15 };
  const back12 = { kind: "replanned", at: noon(151), toTargetMonths: 12 };

  it("12 → 15 → 12 months gives back the 12-month line and its standing, at once", () => {
    const before = pace({ now: 152, ...history });
    const after = pace({ now: 152, ...history, changes: [to15, back12] });
    expect(before.varianceDays).toBe(30 - 152);
    for (const key of ["varianceDays", "bufferDays", "targetDate", "status"] as const) expect(after[key]).toEqual(before[key]);
    expect(after.planned.share).toBeCloseTo(before.planned.share, 12);
    expect(after.verdict.headline).toBe(before.verdict.headline);
    expect(after.verdict.rule).not.toMatch(/^just_/);
    // The replans are kept: three lines, the last current.
    expect(after.plans.map((l) => [l.targetMonths, l.superseded])).toEqual([
      [12, true],
      [15, true],
      [12, false],
    ]);
  });

  it("12 → 15 alone is a fresh start from the share done: just replanned for a week, then judged on the new line", () => {
    const p = pace({ now: 152, ...history, changes: [to15] });
    expect(p.verdict.rule).toBe("just_replanned");
    expect(p.verdict.headline).toBe("Just replanned — the new plan runs from 5% done to 5 Apr 2027");
    expect(pace({ now: 157, ...history, changes: [to15] }).verdict.rule).not.toMatch(/^just_/);
  });

  it("a shorter target while behind is held up by the longer line the user had: no better standing than on it", () => {
    // 12 → 11 on day 150: the 11-month line from 0.05 would say "on plan"; the 12-month line holds it up.
    const p = pace({ now: 152, ...history, changes: [{ kind: "replanned", at: noon(150), toTargetMonths: 11 }] });
    expect(p.varianceDays).toBe(30 - 152);
    expect(p.verdict.rule).not.toMatch(/^just_/);
  });
});

describe("catch-up", () => {
  it("the hours a week that, from today's share, finish by the target along the plan's phases", () => {
    // Day 150, 0.05 done, 12-month line (no budget): (1 − 0.05) over the 215 days left = 0.0044186 a day,
    // steeper than phase 4's 0.4 over 122 days: 0.0044186 · 100 h · 7 = 3.09 → 4 h a week.
    const p = pace({ now: 150, done: [done("a1", 10)] });
    expect(p.catchUp).toEqual({ hoursPerWeek: 4 });
    // Not behind: none.
    expect(pace({ now: 80, done: [done("b1", 60), done("b2", 65), done("c1", 70)] }).catchUp).toBeNull();
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
    phases: sweToMle.phases.map((p) => ({
      title: p.title,
      startMonth: p.startMonth,
      endMonth: p.endMonth,
      effortHours: p.milestones.reduce((s, x) => s + x.effortHours, 0),
    })),
  };

  it("says what 8 h a week means for the 534-hour roadmap on 12 months", () => {
    // 534 h / 8 h = 66.75 weeks = 15.35 months → about 16 (the paced line: 100% on day 468 from 5 Jan
    // 2026, between 15 and 16 months); to finish in 12: 534 h over 365 days = 10.2 h a week → 11, the
    // whole effort over the whole plan being steeper than any stretch after it.
    const fit = budgetFit(effort, 8, 12);
    expect(fit).toMatchObject({
      totalHours: 534,
      monthsAtBudget: 16,
      hoursForTarget: 11,
      peak: { title: "ML fundamentals", hoursPerWeek: 26.9 },
      fits: false,
      shortestFittingMonths: 16,
    });
    expect(fit.sentence).toBe("At 8 h a week this takes about 16 months; to finish in 12, plan on 11 h a week, or choose 16 months.");
  });

  it("changes with the hours and the target; a busy first phase alone doesn't fail it", () => {
    expect(budgetFit(effort, 30, 12)).toMatchObject({
      monthsAtBudget: 5,
      fits: true,
      sentence: "At 30 h a week this takes about 5 months, so 12 months leaves room.",
    });
    // 11 h: ML fundamentals asks 26.9 h a week on 12 months, but the paced line finishes by the target.
    expect(budgetFit(effort, 11, 12)).toMatchObject({ fits: true, monthsAtBudget: 12, hoursForTarget: 11 });
    expect(budgetFit(effort, 20, 9).sentence).toBe(
      "At 20 h a week this takes about 7 months, enough for 9 months: ML fundamentals (about 36 h a week on this plan) runs past its window, and the lighter phases after it make up the time.",
    );
    expect(budgetFit(effort, 10, 12)).toMatchObject({ fits: false, shortestFittingMonths: 13 });
  });
});

describe("display helpers", () => {
  it("scales phase labels to the user's own plan", () => {
    expect(sweToMle.phases.map((p) => scaledPhaseMonths(p, 18, 12))).toEqual([
      "months 0–2 of 12",
      "months 2–4 of 12",
      "months 4–8 of 12",
      "months 8–12 of 12",
    ]);
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
