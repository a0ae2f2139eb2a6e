import { describe, expect, it } from "vitest";
import { interviewGoalProgress } from "../../lib/pivot/interview-goal";
import { pivotMeasureLine, pivotPace, type PivotPaceInput } from "../../lib/pivot/pace";
import { readinessChecklist } from "../../lib/pivot/readiness";

// Fixed calendar dates: the function takes "today" as a date, so no clock is involved.
// 2026-12-02 is a Wednesday in ISO week 2026-W49 (Monday 30 Nov).
const base: PivotPaceInput = {
  today: "2026-12-02",
  targets: { applicationsPerWeek: 2, interviewsPerWeek: null },
  targetsSince: "2026-11-02",
  sentOn: [],
  interviewsOn: [],
  paused: false,
};

describe("pivot pace", () => {
  it("judges the last four whole weeks against the target, the open week shown apart", () => {
    const pace = pivotPace({
      ...base,
      // W45 (2–8 Nov): 2, W46: 3, W47: 2, W48 (23–29 Nov): 3, this week: 1, plus one before the window and one in the future.
      sentOn: [
        "2026-10-30",
        "2026-11-02",
        "2026-11-08",
        "2026-11-09",
        "2026-11-10",
        "2026-11-15",
        "2026-11-16",
        "2026-11-22",
        "2026-11-23",
        "2026-11-25",
        "2026-11-29",
        "2026-11-30",
        "2026-12-03",
      ],
    });
    expect(pace).toEqual({
      week: "2026-W49",
      measures: [
        {
          kind: "applications",
          target: 2,
          thisWeek: 1,
          weeksJudged: 4,
          perWeek: 2.5,
          status: "on_track",
          tone: "good",
          label: "On track",
          detail: "2.5 applications a week over the last 4 weeks, against a target of 2 a week; 1 so far this week",
        },
      ],
    });
    expect(pivotMeasureLine(pace.measures[0]!)).toBe(
      "Applications sent: On track — 2.5 applications a week over the last 4 weeks, against a target of 2 a week; 1 so far this week",
    );
  });

  it("is at risk from half the target a week, off track below half", () => {
    const at = (sentOn: string[]) => pivotPace({ ...base, sentOn }).measures[0]!;
    // 4 in 4 weeks = 1 a week: exactly half of 2.
    expect(at(["2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"])).toMatchObject({
      perWeek: 1,
      status: "at_risk",
      tone: "caution",
      label: "At risk",
    });
    // 3 in 4 weeks = 0.75 a week (shown rounded to one decimal).
    expect(at(["2026-11-03", "2026-11-10", "2026-11-17"])).toMatchObject({
      perWeek: 0.8,
      status: "off_track",
      tone: "danger",
      label: "Off track",
    });
    // 8 in 4 weeks is exactly the target.
    expect(
      at(["2026-11-03", "2026-11-04", "2026-11-10", "2026-11-11", "2026-11-17", "2026-11-18", "2026-11-24", "2026-11-25"]).status,
    ).toBe("on_track");
  });

  it("counts whole weeks only since the target was set, and none in its first week", () => {
    const fresh = pivotPace({ ...base, targetsSince: "2026-11-30", sentOn: ["2026-11-24", "2026-12-01"] }).measures[0]!;
    expect(fresh).toEqual({
      kind: "applications",
      target: 2,
      thisWeek: 1,
      weeksJudged: 0,
      perWeek: null,
      status: "just_started",
      tone: "neutral",
      label: "Just started",
      detail: "1 so far this week, against a target of 2 a week; the pace shows after the first full week",
    });
    // Set last Sunday: one whole week (W48) judged, and the application sent before it doesn't count.
    const oneWeek = pivotPace({ ...base, targetsSince: "2026-11-29", sentOn: ["2026-11-20", "2026-11-24"] }).measures[0]!;
    expect(oneWeek).toMatchObject({
      weeksJudged: 1,
      perWeek: 1,
      status: "at_risk",
      detail: "1 application last week, against a target of 2 a week; 0 so far this week",
    });
  });

  it("measures interviews too, applications first, and nothing without a target", () => {
    const pace = pivotPace({
      ...base,
      targets: { applicationsPerWeek: 3, interviewsPerWeek: 1 },
      targetsSince: "2026-11-16",
      sentOn: ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-24", "2026-11-25", "2026-11-26"],
      interviewsOn: ["2026-11-20", "2026-12-01"],
    });
    expect(pace.measures.map((m) => [m.kind, m.weeksJudged, m.perWeek, m.status, m.thisWeek])).toEqual([
      ["applications", 2, 3, "on_track", 0],
      ["interviews", 2, 0.5, "at_risk", 1],
    ]);
    expect(pace.measures[1]!.detail).toBe("0.5 interviews a week over the last 2 weeks, against a target of 1 a week; 1 so far this week");
    expect(pivotPace({ ...base, targets: { applicationsPerWeek: null, interviewsPerWeek: null } }).measures).toEqual([]);
  });

  it("waits while the enrolment is paused, in the verdict's words", () => {
    expect(pivotPace({ ...base, paused: true }).measures[0]).toMatchObject({ status: "paused", tone: "neutral", label: "Paused" });
  });

  it("takes weeks across a year's end (2026 has 53 ISO weeks)", () => {
    const pace = pivotPace({
      ...base,
      today: "2027-01-05",
      targets: { applicationsPerWeek: 1, interviewsPerWeek: null },
      targetsSince: "2026-12-21",
      sentOn: ["2026-12-22", "2026-12-31", "2027-01-04"],
    });
    expect(pace.week).toBe("2027-W01");
    expect(pace.measures[0]).toMatchObject({ weeksJudged: 2, perWeek: 1, thisWeek: 1, status: "on_track" });
  });
});

describe("interview goal", () => {
  it("counts towards the chosen number and is reached at it", () => {
    expect(interviewGoalProgress(3, 5)).toEqual({ count: 3, goal: 5, reached: false, text: "3 of 5 interviews logged" });
    expect(interviewGoalProgress(7, 7)).toEqual({ count: 7, goal: 7, reached: true, text: "7 of 7 interviews logged" });
    expect(interviewGoalProgress(11, 10).reached).toBe(true);
  });
});

describe("readiness before applying", () => {
  it("lists all three as to do with no record and nothing ticked", () => {
    expect(readinessChecklist({ record: null, statusBySkill: {} })).toEqual({
      ready: false,
      summary: "0 of 3 ready",
      items: [
        {
          key: "shipped",
          label: "Shipped feature recorded",
          done: false,
          href: "/shipped",
          todo: "Record the ML feature you shipped: the headline of every application.",
        },
        {
          key: "eval",
          label: "Eval methodology documented",
          done: false,
          href: "/shipped",
          todo: "Write down how you measured the model and link the write-up from the record.",
        },
        {
          key: "cv",
          label: "CV bullets drafted",
          done: false,
          href: "/shipped",
          todo: "The record drafts them for you; tick the CV milestone once they're in your CV.",
        },
      ],
    });
  });

  it("takes the eval link on the record or the ticked milestone, and the CV from its milestone", () => {
    const withLink = readinessChecklist({ record: { evalUrl: "https://example.com/eval" }, statusBySkill: {} });
    expect(withLink.items.map((i) => [i.key, i.done, i.href])).toEqual([
      ["shipped", true, "/shipped"],
      ["eval", true, "/shipped#record-heading"],
      ["cv", false, "/shipped#cv-heading"],
    ]);
    expect(withLink.summary).toBe("2 of 3 ready");
    const ticked = readinessChecklist({
      record: { evalUrl: null },
      statusBySkill: { "document-eval-methodology": "done", "cv-rewrite-shipped-feature": "done" },
    });
    expect(ticked).toMatchObject({ ready: true, summary: "Ready to apply" });
    // In progress or skipped isn't done.
    expect(
      readinessChecklist({
        record: { evalUrl: null },
        statusBySkill: { "document-eval-methodology": "in_progress", "cv-rewrite-shipped-feature": "skipped" },
      }).summary,
    ).toBe("1 of 3 ready");
  });

  it("asks for the record even when the ship milestone is ticked", () => {
    const item = readinessChecklist({ record: null, statusBySkill: { "ship-feature-at-work": "done" } }).items[0]!;
    expect(item).toMatchObject({ done: false, todo: "You've ticked shipping it: write up the record, the headline of every application." });
  });
});
