import { describe, it, expect } from "vitest";
import { composeDigest, digestKind } from "../../lib/digest/compose";
import { emailBodyForPreview, escapeHtml } from "../../lib/digest/html";
import type { DigestInput } from "../../lib/digest/types";
import { decideVerdict, type VerdictFacts } from "../../lib/pacing/verdict";
import { pivotPace } from "../../lib/pivot/pace";

type PaceFields = Omit<DigestInput["pace"], "verdict">;

/**
 * The email's pace with its verdict decided from the fields, as lib/digest/load.ts gets it from
 * pacing: a fixture can't pair a status with words of another. 14 weeks (98 days) into the plan.
 */
function pace(fields: PaceFields, facts: Partial<VerdictFacts> = {}): DigestInput["pace"] {
  const { varianceDays, bufferDays, projectedFinish, finishedOn, targetDate, share } = fields;
  const verdict = decideVerdict({
    today: 98,
    startDate: "2026-08-24",
    done: finishedOn !== null,
    finishedOn,
    paused: false,
    share,
    line: { kind: "enrolled", activeDaysSince: 98 },
    varianceDays,
    bufferDays,
    projectedFinish,
    targetDate,
    limitDate: "2028-02-24",
    limitMonths: 18,
    overdue: null,
    budget: null,
    ...facts,
  });
  return { varianceDays, bufferDays, projectedFinish, finishedOn, targetDate, share, verdict };
}

// A user 14 weeks into a 12-month plan that started on Mon 24 Aug 2026 (target 24 Aug 2027), looking
// back on 23–29 Nov 2026. The links carry & and # so that escaping in attributes shows.
const links = {
  checkIn: "https://waypoint.test/checkin?from=digest&week=2026-W48",
  dashboard: "https://waypoint.test/dashboard",
  settings: "https://waypoint.test/settings#digest",
  unsubscribe: "https://waypoint.test/api/digest/unsubscribe?u=ck123&sig=abc",
};

const ahead: DigestInput = {
  user: { name: "Ada", email: "ada@example.com" },
  week: "2026-W48",
  weekRange: { from: "2026-11-23", to: "2026-11-29" },
  roadmapTitle: "Software Engineer → ML Engineer",
  planWeek: { n: 14, of: 52 },
  pace: pace({
    varianceDays: 16,
    bufferDays: 16,
    projectedFinish: "2027-08-03",
    finishedOn: null,
    targetDate: "2027-08-24",
    share: 0.27,
  }),
  doneThisWeek: [
    { title: "Build an intuition for gradient descent" },
    { title: "Choose a loss function and see how it shapes training" },
    { title: "Work through Karpathy's Neural Networks: Zero to Hero" },
  ],
  checkIns: [
    { hours: 4, confidence: 3 },
    { hours: 3.5, confidence: 4 },
  ],
  streak: { weeks: 6, frozen: [], thisWeekDone: true, freezeLeftThisMonth: true },
  next: [
    { title: "PyTorch fluency: tensors, autograd, training loops", dueDate: "2026-12-14" },
    { title: "Hugging Face Transformers: load, fine-tune, run inference", dueDate: "2027-01-04" },
    { title: "Complete fast.ai's Practical Deep Learning course", dueDate: "2027-01-25" },
  ],
  // This week's plan as pacing makes it (lib/pacing/this-week.ts): 8 h, the milestone in progress first.
  thisWeek: {
    week: "2026-W48",
    from: "2026-11-23",
    to: "2026-11-29",
    state: "active",
    budgetHours: 8,
    loggedHours: 1.5,
    leftHours: 6.5,
    items: [
      {
        id: "m1",
        title: "PyTorch fluency: tensors, autograd, training loops",
        phaseTitle: "ML fundamentals",
        inProgress: true,
        dueDate: "2026-12-14",
        hours: 4,
        remainingHours: 4,
      },
      {
        id: "m2",
        title: "Hugging Face Transformers: load, fine-tune, run inference",
        phaseTitle: "ML fundamentals",
        inProgress: false,
        dueDate: "2027-01-04",
        hours: 2.5,
        remainingHours: 20,
      },
    ],
    notYet: [],
  },
  pivot: null,
  firstWeek: false,
  lastCheckInWeek: null,
  partnerNotes: [],
  links,
};

const behind: DigestInput = {
  ...ahead,
  pace: pace({
    ...ahead.pace,
    varianceDays: -12,
    bufferDays: -12,
    projectedFinish: "2027-09-20",
    share: 0.19,
  }),
  doneThisWeek: [{ title: "Train an image classifier from scratch" }],
  checkIns: [{ hours: 2, confidence: 2 }],
  streak: { weeks: 3, frozen: ["2026-W46"], thisWeekDone: true, freezeLeftThisMonth: false },
};

const quiet: DigestInput = {
  ...ahead,
  pace: pace({
    ...ahead.pace,
    varianceDays: 9,
    bufferDays: 9,
    projectedFinish: "2027-08-10",
  }),
  doneThisWeek: [],
  checkIns: [],
  thisWeek: {
    ...ahead.thisWeek,
    loggedHours: 0,
    leftHours: 8,
    items: [ahead.thisWeek.items[0]!, { ...ahead.thisWeek.items[1]!, hours: 4 }],
  },
  // The missed week was bridged by November's freeze; the email arrives in December's first week.
  streak: { weeks: 6, frozen: ["2026-W48"], thisWeekDone: false, freezeLeftThisMonth: true },
};

const firstWeek: DigestInput = {
  ...ahead,
  user: { name: null, email: "ada@example.com" },
  week: "2026-W35",
  weekRange: { from: "2026-08-24", to: "2026-08-30" },
  planWeek: { n: 1, of: 52 },
  // Day 6 of the plan: still in its first week, so the verdict is "just started".
  pace: pace(
    {
      ...ahead.pace,
      varianceDays: 0,
      bufferDays: 2,
      projectedFinish: null,
      share: 0.02,
    },
    { today: 6, line: { kind: "enrolled", activeDaysSince: 6 } },
  ),
  doneThisWeek: [{ title: "Choose an evaluation metric and read it correctly" }],
  checkIns: [{ hours: 3, confidence: 4 }],
  streak: { weeks: 1, frozen: [], thisWeekDone: true, freezeLeftThisMonth: true },
  next: [
    { title: "Build an intuition for gradient descent", dueDate: "2026-09-14" },
    { title: "Choose a loss function and see how it shapes training", dueDate: "2026-09-28" },
    { title: "Bias–variance in practice: diagnose real training runs", dueDate: "2026-10-12" },
  ],
  firstWeek: true,
  lastCheckInWeek: null,
  partnerNotes: [],
};

const finished: DigestInput = {
  ...ahead,
  week: "2027-W23",
  weekRange: { from: "2027-06-07", to: "2027-06-13" },
  planWeek: { n: 42, of: 52 },
  pace: pace({
    ...ahead.pace,
    varianceDays: 75,
    bufferDays: null,
    projectedFinish: null,
    finishedOn: "2027-06-10",
    share: 1,
  }),
  doneThisWeek: [{ title: "Cut inference cost: routing, batching, caching" }],
  checkIns: [{ hours: 5, confidence: 5 }],
  streak: { weeks: 30, frozen: [], thisWeekDone: true, freezeLeftThisMonth: true },
  next: [],
};

const upcoming: DigestInput = {
  ...ahead,
  planWeek: { n: 0, of: 52 },
  pace: pace(
    {
      ...ahead.pace,
      varianceDays: null,
      bufferDays: null,
      projectedFinish: null,
      targetDate: "2027-12-07",
      share: 0,
    },
    { today: -7, startDate: "2026-12-07" },
  ),
  doneThisWeek: [],
  checkIns: [],
  streak: { weeks: 0, frozen: [], thisWeekDone: false, freezeLeftThisMonth: true },
  next: [
    { title: "Build an intuition for gradient descent", dueDate: "2026-12-28" },
    { title: "Choose a loss function and see how it shapes training", dueDate: "2027-01-11" },
    { title: "Choose an evaluation metric and read it correctly", dueDate: "2027-01-25" },
  ],
};

const FOOTER = `--
You're getting this because the weekly digest is on for ada@example.com.
Change its day and time, or turn it off, in your settings:
https://waypoint.test/settings#digest
Unsubscribe with one click:
https://waypoint.test/api/digest/unsubscribe?u=ck123&sig=abc
`;

describe("composeDigest: ahead", () => {
  const digest = composeDigest(ahead);

  it("is the ahead kind", () => {
    expect(digestKind(ahead)).toBe("ahead");
  });

  it("puts the pace and the week's work in the subject", () => {
    expect(digest.subject).toBe("Week 14 of 52 — 2 weeks ahead, 3 milestones done");
  });

  it("has the full plain-text body", () => {
    expect(digest.text).toBe(`Hi Ada,

Here's your week on Software Engineer → ML Engineer, 23–29 Nov 2026.

2 weeks ahead — 16 days of buffer — at this pace you finish 3 Aug 2027

Week 14 of 52 · On track · 27% done
Versus plan:      2 weeks ahead
Buffer:           16 days
Projected finish: 3 Aug 2027
Target finish:    24 Aug 2027

This week
1.5 of 8 hours done this week.
- PyTorch fluency: tensors, autograd, training loops (4 h)
- Hugging Face Transformers: load, fine-tune, run inference (2.5 of its 20 h
  this week)

Milestones done
- Build an intuition for gradient descent
- Choose a loss function and see how it shapes training
- Work through Karpathy's Neural Networks: Zero to Hero

Check-ins
2 check-ins: 7.5 hours in all, average confidence 3.5 out of 5.

Streak
6 weeks in a row. One freeze left this month.

Next up
- PyTorch fluency: tensors, autograd, training loops (due 14 Dec 2026)
- Hugging Face Transformers: load, fine-tune, run inference (due 4 Jan 2027)
- Complete fast.ai's Practical Deep Learning course (due 25 Jan 2027)

Check in from your phone (30 seconds):
https://waypoint.test/checkin?from=digest&week=2026-W48

Your dashboard:
https://waypoint.test/dashboard

${FOOTER}`);
  });

  it("has the same content in the HTML part", () => {
    const { html } = digest;
    expect(html).toContain("Hi Ada,");
    expect(html).toContain(">2 weeks ahead — 16 days of buffer — at this pace you finish 3 Aug 2027</p>");
    expect(html).toContain("Work through Karpathy&#39;s Neural Networks: Zero to Hero");
    expect(html).toContain("2 check-ins: 7.5 hours in all, average confidence 3.5 out of 5.");
    expect(html).toContain("Complete fast.ai&#39;s Practical Deep Learning course <span");
    expect(html).toContain("· due 25 Jan 2027</span>");
    expect(html).toContain(">This week</h2>");
    expect(html).toContain(">1.5 of 8 hours done this week.</p>");
    expect(html).toContain("Hugging Face Transformers: load, fine-tune, run inference <span");
    expect(html).toContain("· 2.5 of its 20 h this week</span>");
  });
});

describe("composeDigest: behind", () => {
  const digest = composeDigest(behind);

  it("is the behind kind", () => {
    expect(digestKind(behind)).toBe("behind");
  });

  // Issue 14: projected past the target, the verdict is "at risk" for that reason, and the subject
  // says so (it said "1 week behind" while the body said "At risk").
  it("says what puts the plan at risk, plainly", () => {
    expect(digest.subject).toBe("Week 14 of 52 — at risk, finishing after your target, 1 milestone done");
  });

  it("has the full plain-text body, with a way back and no blame", () => {
    expect(digest.text).toBe(`Hi Ada,

Here's your week on Software Engineer → ML Engineer, 23–29 Nov 2026.

At this pace you finish 20 Sep 2027, after your target of 24 Aug 2027

Week 14 of 52 · At risk · 19% done
Versus plan:      1 week behind
Buffer:           None
Projected finish: 20 Sep 2027
Target finish:    24 Aug 2027

Plans slip; that is what replanning is for: choose a longer target, or pause,
from your dashboard. Every tick is kept, and the old line stays on the chart.

This week
1.5 of 8 hours done this week.
- PyTorch fluency: tensors, autograd, training loops (4 h)
- Hugging Face Transformers: load, fine-tune, run inference (2.5 of its 20 h
  this week)

Milestones done
- Train an image classifier from scratch

Check-ins
1 check-in: 2 hours, confidence 2 out of 5.

Streak
3 weeks in a row. A freeze covered a missed week. This month's freeze is used.

Next up
- PyTorch fluency: tensors, autograd, training loops (due 14 Dec 2026)
- Hugging Face Transformers: load, fine-tune, run inference (due 4 Jan 2027)
- Complete fast.ai's Practical Deep Learning course (due 25 Jan 2027)

Check in from your phone (30 seconds):
https://waypoint.test/checkin?from=digest&week=2026-W48

Your dashboard:
https://waypoint.test/dashboard

${FOOTER}`);
  });
});

describe("composeDigest: no activity", () => {
  const digest = composeDigest(quiet);

  it("is the quiet kind", () => {
    expect(digestKind(quiet)).toBe("quiet");
  });

  it("has a kind subject that leads with the buffer in hand", () => {
    expect(digest.subject).toBe("Week 14 of 52 — a quiet week, with 9 days of buffer in hand");
  });

  it("falls back to the small step when there is no buffer", () => {
    const noBuffer = { ...quiet, pace: pace({ ...quiet.pace, varianceDays: -30, bufferDays: -30, projectedFinish: null }) };
    expect(noBuffer.pace.verdict.status).toBe("off_track");
    expect(composeDigest(noBuffer).subject).toBe("Week 14 of 52 — a quiet week, and one small step counts");
    expect(composeDigest({ ...noBuffer, pace: pace({ ...noBuffer.pace, bufferDays: 0 }) }).subject).toBe(
      "Week 14 of 52 — a quiet week, and one small step counts",
    );
  });

  it("has the full plain-text body: the buffer, one small step, the 30-second check-in", () => {
    expect(digest.text).toBe(`Hi Ada,

Here's your week on Software Engineer → ML Engineer, 23–29 Nov 2026.

A quiet week: that happens. You still have 9 days of buffer, so nothing is
lost. One small step counts: half an hour on the next milestone is plenty, and
checking in takes 30 seconds.

1 week ahead — 9 days of buffer — at this pace you finish 10 Aug 2027

Week 14 of 52 · On track · 27% done
Versus plan:      1 week ahead
Buffer:           9 days
Projected finish: 10 Aug 2027
Target finish:    24 Aug 2027

This week
0 of 8 hours done this week.
- PyTorch fluency: tensors, autograd, training loops (4 h)
- Hugging Face Transformers: load, fine-tune, run inference (4 of its 20 h
  this week)

Streak
6 weeks so far. A freeze covered a missed week. Check in this week to keep it
going. One freeze left this month.

Next up
- PyTorch fluency: tensors, autograd, training loops (due 14 Dec 2026)
- Hugging Face Transformers: load, fine-tune, run inference (due 4 Jan 2027)
- Complete fast.ai's Practical Deep Learning course (due 25 Jan 2027)

Check in from your phone (30 seconds):
https://waypoint.test/checkin?from=digest&week=2026-W48

Your dashboard:
https://waypoint.test/dashboard

${FOOTER}`);
  });

  it("leaves out the empty sections", () => {
    expect(digest.text).not.toContain("Milestones done");
    expect(digest.text).not.toContain("Check-ins\n");
    expect(digest.html).not.toContain("Milestones done");
  });
});

describe("composeDigest: first week", () => {
  const digest = composeDigest(firstWeek);

  it("is the first-week kind, whatever the pace", () => {
    expect(digestKind(firstWeek)).toBe("first_week");
    expect(digestKind({ ...firstWeek, doneThisWeek: [], checkIns: [] })).toBe("first_week");
  });

  it("welcomes in the subject", () => {
    expect(digest.subject).toBe("Week 1 of 52 — a good start, 1 milestone done");
    expect(composeDigest({ ...firstWeek, doneThisWeek: [], checkIns: [] }).subject).toBe("Week 1 of 52 — welcome to Waypoint");
  });

  it("has the full plain-text body, greeting without a name", () => {
    expect(digest.text).toBe(`Hi,

Welcome to your first week on Software Engineer → ML Engineer (24–30 Aug
2026). Each week we'll send you a short summary like this one: where you stand
against your plan, what you finished and what comes next.

Just started — your plan runs to 24 Aug 2027; your pace shows after the first
week

Week 1 of 52 · Just started · 2% done
Versus plan:      Level with the plan
Buffer:           2 days
Projected finish: Not enough data yet
Target finish:    24 Aug 2027

This week
1.5 of 8 hours done this week.
- PyTorch fluency: tensors, autograd, training loops (4 h)
- Hugging Face Transformers: load, fine-tune, run inference (2.5 of its 20 h
  this week)

Milestones done
- Choose an evaluation metric and read it correctly

Check-ins
1 check-in: 3 hours, confidence 4 out of 5.

Streak
1 week: a new streak. One freeze left this month.

Next up
- Build an intuition for gradient descent (due 14 Sep 2026)
- Choose a loss function and see how it shapes training (due 28 Sep 2026)
- Bias–variance in practice: diagnose real training runs (due 12 Oct 2026)

Check in from your phone (30 seconds):
https://waypoint.test/checkin?from=digest&week=2026-W48

Your dashboard:
https://waypoint.test/dashboard

${FOOTER}`);
  });
});

describe("composeDigest: roadmap finished", () => {
  const digest = composeDigest(finished);

  it("is the finished kind", () => {
    expect(digestKind(finished)).toBe("finished");
  });

  it("congratulates in the subject", () => {
    expect(digest.subject).toBe("You've finished Software Engineer → ML Engineer — congratulations");
  });

  it("has the full plain-text body: no next milestones, no streak, no check-in nudge", () => {
    expect(digest.text).toBe(`Hi Ada,

Congratulations: you've finished every milestone of Software Engineer → ML
Engineer. That's 10 weeks ahead of your target, 24 Aug 2027.

Finished on 10 Jun 2027 — every milestone done

Milestones done
- Cut inference cost: routing, batching, caching

Check-ins
1 check-in: 5 hours, confidence 5 out of 5.

Thank you for letting Waypoint walk alongside you. Your dashboard keeps the
whole journey: every tick and every check-in.

Open your dashboard:
https://waypoint.test/dashboard

${FOOTER}`);
  });

  it("says nothing about the target when it finished on or after it", () => {
    const late = composeDigest({ ...finished, pace: pace({ ...finished.pace, finishedOn: "2027-09-01" }) });
    expect(late.text).toContain("Congratulations: you've finished every milestone of Software Engineer → ML\nEngineer.\n\n");
    const onTheDay = composeDigest({ ...finished, pace: pace({ ...finished.pace, finishedOn: "2027-08-24" }) });
    expect(onTheDay.text).toContain("Engineer. Right on your target date.\n");
  });
});

describe("composeDigest: plan not started yet", () => {
  const digest = composeDigest(upcoming);

  it("leads with the start date", () => {
    expect(digestKind(upcoming)).toBe("upcoming");
    expect(digest.subject).toBe("Your plan starts on 7 Dec 2026 — here's what comes first");
  });

  it("has the full plain-text body: what comes first, no pace figures or streak", () => {
    expect(digest.text).toBe(`Hi Ada,

Your plan for Software Engineer → ML Engineer is all set.

Your plan starts on 7 Dec 2026

There's nothing to track until then. Here's what comes first, if you'd like to
get ready.

Next up
- Build an intuition for gradient descent (due 28 Dec 2026)
- Choose a loss function and see how it shapes training (due 11 Jan 2027)
- Choose an evaluation metric and read it correctly (due 25 Jan 2027)

Open your dashboard:
https://waypoint.test/dashboard

${FOOTER}`);
  });
});

describe("composeDigest: subjects for the other activity shapes", () => {
  it("names logged hours when no milestone was done", () => {
    expect(composeDigest({ ...ahead, doneThisWeek: [] }).subject).toBe("Week 14 of 52 — 2 weeks ahead, 7.5 hours logged");
    expect(composeDigest({ ...ahead, doneThisWeek: [], checkIns: [{ hours: 1, confidence: 3 }] }).subject).toBe(
      "Week 14 of 52 — 2 weeks ahead, 1 hour logged",
    );
  });

  it("counts check-ins when they logged no hours", () => {
    expect(composeDigest({ ...ahead, doneThisWeek: [], checkIns: [{ hours: 0, confidence: 2 }] }).subject).toBe(
      "Week 14 of 52 — 2 weeks ahead, 1 check-in",
    );
  });

  it("says on plan at zero variance, and a few days rather than weeks", () => {
    expect(composeDigest({ ...ahead, pace: pace({ ...ahead.pace, varianceDays: 0 }) }).subject).toBe(
      "Week 14 of 52 — on plan, 3 milestones done",
    );
    expect(composeDigest({ ...ahead, pace: pace({ ...ahead.pace, varianceDays: -5 }) }).subject).toBe(
      "Week 14 of 52 — on track, 5 days behind, 3 milestones done",
    );
  });
});

describe("composeDigest: the streak paragraph", () => {
  const streakOf = (streak: DigestInput["streak"]) => {
    const text = composeDigest({ ...ahead, streak }).text;
    // Unwrapped: the wrapping is tested with the full bodies.
    return text.slice(text.indexOf("Streak\n") + 7, text.indexOf("\n\nNext up")).replaceAll("\n", " ");
  };

  it("invites a first check-in when there is no run", () => {
    expect(streakOf({ weeks: 0, frozen: [], thisWeekDone: false, freezeLeftThisMonth: true })).toBe("Your next check-in starts a streak.");
  });

  it("asks for this week's check-in while the week is open", () => {
    expect(streakOf({ weeks: 4, frozen: [], thisWeekDone: false, freezeLeftThisMonth: false })).toBe(
      "4 weeks so far. Check in this week to keep it going. This month's freeze is used.",
    );
  });

  it("counts the freezes that bridged the run", () => {
    expect(streakOf({ weeks: 9, frozen: ["2026-W44", "2026-W40"], thisWeekDone: true, freezeLeftThisMonth: true })).toBe(
      "9 weeks in a row. A freeze covered 2 missed weeks. One freeze left this month.",
    );
  });
});

// The same week for someone in the pivot phase with both weekly targets set on /pivot: the pace as
// lib/pivot/pace.ts makes it on Mon 30 Nov 2026, the day the email goes out.
const pivoting: DigestInput = {
  ...ahead,
  pivot: pivotPace({
    today: "2026-11-30",
    targets: { applicationsPerWeek: 3, interviewsPerWeek: 1 },
    targetsSince: "2026-11-09",
    sentOn: [
      "2026-11-10",
      "2026-11-11",
      "2026-11-13",
      "2026-11-17",
      "2026-11-18",
      "2026-11-24",
      "2026-11-25",
      "2026-11-27",
      "2026-11-28",
      "2026-11-30",
    ],
    interviewsOn: ["2026-11-26"],
    paused: false,
  }),
};

describe("composeDigest: the pivot phase's pace", () => {
  const digest = composeDigest(pivoting);

  it("adds one line a target to this week's section, in /pivot's words", () => {
    expect(digest.text).toContain(`This week
1.5 of 8 hours done this week.
- PyTorch fluency: tensors, autograd, training loops (4 h)
- Hugging Face Transformers: load, fine-tune, run inference (2.5 of its 20 h
  this week)
Applications sent: On track — 3 applications a week over the last 3 weeks,
against a target of 3 a week; 1 so far this week
Interviews done: Off track — 0.3 interviews a week over the last 3 weeks,
against a target of 1 a week; 0 so far this week

Milestones done`);
  });

  it("has the same lines in the HTML part, under the one heading", () => {
    expect(occurrences(digest.html, ">This week</h2>")).toBe(1);
    expect(digest.html).toContain(
      ">Applications sent: On track — 3 applications a week over the last 3 weeks, against a target of 3 a week; 1 so far this week</p>",
    );
    expect(digest.html).toContain(
      ">Interviews done: Off track — 0.3 interviews a week over the last 3 weeks, against a target of 1 a week; 0 so far this week</p>",
    );
  });

  it("changes nothing else", () => {
    expect(digest.subject).toBe(composeDigest(ahead).subject);
    expect(digest.text.replace(/\nApplications sent:[^]*?this week\nInterviews done:[^]*?this week\n/, "\n")).toBe(
      composeDigest(ahead).text,
    );
  });

  it("shows the section for the targets alone when the week's plan has nothing to say", () => {
    const text = composeDigest({ ...pivoting, thisWeek: { ...pivoting.thisWeek, state: "done" } }).text;
    expect(text).toContain(`Target finish:    24 Aug 2027

This week
Applications sent: On track`);
  });

  it("says nothing of it once the roadmap is finished", () => {
    const done = composeDigest({ ...finished, pivot: pivoting.pivot });
    expect(done.text).not.toContain("Applications sent");
    expect(done.html).not.toContain("Applications sent");
  });
});

const allCases: [string, DigestInput][] = [
  ["pivoting", pivoting],
  ["ahead", ahead],
  ["behind", behind],
  ["no activity", quiet],
  ["first week", firstWeek],
  ["finished", finished],
  ["upcoming", upcoming],
];

/** The <a …> start tag holding `href`, or null. */
function anchorWith(html: string, href: string): string | null {
  const at = html.indexOf(href);
  if (at < 0) return null;
  return html.slice(html.lastIndexOf("<a ", at), html.indexOf(">", at) + 1);
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(allCases)("composeDigest HTML (%s)", (_, input) => {
  const { html, text, subject } = composeDigest(input);
  const active = input.pace.verdict.status !== "done" && input.pace.verdict.status !== "upcoming";

  it("is a full en-GB document with a hidden preheader", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html).toContain(`<title>${escapeHtml(subject)}</title>`);
    expect(html).toMatch(/<div style="display:none;[^"]*">[^<]+<\/div>/);
    expect(html).toContain("max-width:600px");
  });

  it("greets by the escaped name, or without one", () => {
    if (input.user.name) expect(html).toContain(`Hi ${escapeHtml(input.user.name)},`);
    else expect(html).toContain(">Hi,</p>");
  });

  it("has exactly one button, to the check-in while the plan runs, else to the dashboard", () => {
    const checkInHref = `href="${escapeHtml(links.checkIn)}"`;
    const dashboardHref = `href="${escapeHtml(links.dashboard)}"`;
    expect(html.match(/<a [^>]*background-color:#0f766e/g)).toHaveLength(1);
    if (active) {
      expect(occurrences(html, checkInHref)).toBe(1);
      expect(anchorWith(html, checkInHref)).toContain("background-color:#0f766e");
      expect(anchorWith(html, dashboardHref)).not.toContain("background-color:#0f766e");
      expect(occurrences(text, links.checkIn)).toBe(1);
    } else {
      expect(html).not.toContain(escapeHtml(links.checkIn));
      expect(text).not.toContain(links.checkIn);
      expect(anchorWith(html, dashboardHref)).toContain("background-color:#0f766e");
    }
    expect(occurrences(html, dashboardHref)).toBe(1);
  });

  it("has no images, scripts, external resources or other URLs", () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/url\(/i);
    const allowed = new Set(Object.values(links).map(escapeHtml));
    const urls = html.match(/https?:\/\/[^\s"<>]+/g) ?? [];
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(allowed).toContain(url);
    expect(html).toContain(`href="${escapeHtml(links.settings)}"`);
    expect(html).toContain(`href="${escapeHtml(links.unsubscribe)}"`);
    expect(html).not.toContain("sig=abc&s");
  });

  it("has no holes where a value was missing", () => {
    for (const part of [subject, text, html]) expect(part).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it("keeps plain-text lines to 78 characters, with URLs on lines of their own", () => {
    for (const line of text.split("\n")) {
      if (line.includes("http")) expect(line).toMatch(/^https?:\/\/\S+$/);
      else expect(line.length).toBeLessThanOrEqual(78);
    }
  });
});

describe("composeDigest escaping", () => {
  const hostile: DigestInput = {
    ...ahead,
    user: { name: '<b>Ada & "Bob"</b>', email: "o'brien+<x>@example.com" },
    roadmapTitle: "ML <script>alert(1)</script>",
    doneThisWeek: [{ title: "Read <em>this</em> & that" }],
    next: [{ title: "Say \"hi\" to 'Transformers'", dueDate: "2026-12-14" }],
    links: { ...links, checkIn: 'https://waypoint.test/checkin?a="><script>alert(1)</script>' },
  };
  const { html, text } = composeDigest(hostile);

  it("escapes the name", () => {
    expect(html).toContain("Hi &lt;b&gt;Ada &amp; &quot;Bob&quot;&lt;/b&gt;,");
    expect(html).not.toContain("<b>Ada");
    expect(text).toContain('Hi <b>Ada & "Bob"</b>,');
  });

  it("escapes titles, the email and URLs in attributes", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<em>");
    expect(html).toContain("Read &lt;em&gt;this&lt;/em&gt; &amp; that");
    expect(html).toContain("Say &quot;hi&quot; to &#39;Transformers&#39;");
    expect(html).toContain("o&#39;brien+&lt;x&gt;@example.com");
    expect(html).toContain('href="https://waypoint.test/checkin?a=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain("<title>Week 14 of 52 — 2 weeks ahead, 1 milestone done</title>");
  });
});

describe("escapeHtml", () => {
  it("escapes & < > \" and '", () => {
    expect(escapeHtml(`& < > " '`)).toBe("&amp; &lt; &gt; &quot; &#39;");
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
  });

  it("escapes & first, so an existing entity is shown literally", () => {
    expect(escapeHtml("&amp; &lt;")).toBe("&amp;amp; &amp;lt;");
  });

  it("leaves other text alone", () => {
    expect(escapeHtml("")).toBe("");
    expect(escapeHtml("Software Engineer → ML Engineer — 23–29 Nov")).toBe("Software Engineer → ML Engineer — 23–29 Nov");
    expect(escapeHtml("ends with &")).toBe("ends with &amp;");
  });
});

describe("emailBodyForPreview", () => {
  it.each(allCases)("gives the visible body of the %s email: no document shell, no preheader", (_, input) => {
    const { html } = composeDigest(input);
    const body = emailBodyForPreview(html);
    expect(body.startsWith('<table role="presentation"')).toBe(true);
    expect(body).not.toMatch(/<\/?(html|head|body|title|meta)\b/);
    expect(body).not.toContain("display:none");
    expect(body).toContain(input.links.unsubscribe.replace(/&/g, "&amp;"));
  });

  it("keeps a hostile name as text, and refuses markup that could run", () => {
    const body = emailBodyForPreview(composeDigest({ ...ahead, user: { ...ahead.user, name: '<img src=x onerror="alert(1)">' } }).html);
    expect(body).toContain("Hi &lt;img src=x onerror=&quot;alert(1)&quot;&gt;,");
    expect(() => emailBodyForPreview('<html><body><p onclick="x()">hi</p></body></html>')).toThrow(/active/);
    expect(() => emailBodyForPreview("<html><body><script>x()</script></body></html>")).toThrow(/active/);
    expect(() => emailBodyForPreview('<html><body><a href="javascript:x()">hi</a></body></html>')).toThrow(/active/);
    expect(() => emailBodyForPreview("<p>no body</p>")).toThrow(/no body/);
  });
});
