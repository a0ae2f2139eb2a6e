import { describe, expect, it } from "vitest";
import { planThisWeek, type ThisWeekInput, type WeekMilestone } from "../../lib/pacing/this-week";
import { emptyWeekText, itemHoursText, weekProgressText } from "../../lib/pacing/this-week-text";

// Calendar facts used below, read off a calendar: Wed 2 Dec 2026 is in 2026-W49 (Mon 30 Nov – Sun
// 6 Dec). London's clocks go back on Sun 25 Oct 2026 (02:00 BST → 01:00 GMT), the last day of
// 2026-W43 (Mon 19 – Sun 25 Oct), a week of 169 hours.

const WEDNESDAY = new Date("2026-12-02T12:00:00Z");

const milestone = (id: string, over: Partial<WeekMilestone> = {}): WeekMilestone => ({
  id,
  title: `Milestone ${id}`,
  phaseTitle: "ML fundamentals",
  effortHours: 10,
  inProgress: false,
  dueDate: "2027-01-31",
  hoursLogged: 0,
  ...over,
});

const plan = (over: Partial<ThisWeekInput>) =>
  planThisWeek({
    milestones: [],
    weeklyHours: 8,
    startDate: "2026-09-01",
    state: "active",
    checkIns: [],
    now: WEDNESDAY,
    timeZone: "Europe/London",
    ...over,
  });

const planned = (p: ReturnType<typeof planThisWeek>) => p.items.map((i) => [i.id, i.hours]);

describe("this week's plan", () => {
  it("names the local ISO week", () => {
    const p = plan({});
    expect([p.week, p.from, p.to]).toEqual(["2026-W49", "2026-11-30", "2026-12-06"]);
  });

  it("puts milestones in progress first, then the rest in planned order", () => {
    const p = plan({
      weeklyHours: 30,
      milestones: [milestone("a"), milestone("b"), milestone("c", { inProgress: true, dueDate: "2027-04-30" })],
    });
    expect(planned(p)).toEqual([
      ["c", 10],
      ["a", 10],
      ["b", 10],
    ]);
    expect(p.items[0]!.inProgress).toBe(true);
  });

  it("orders by when each phase window closes on the plan line, roadmap order within one", () => {
    // After a replan, a closed window's milestones share the first open window's end.
    const p = plan({
      weeklyHours: 40,
      milestones: [
        milestone("late", { dueDate: "2027-03-31" }),
        milestone("first", { dueDate: "2027-01-31" }),
        milestone("second", { dueDate: "2027-01-31" }),
      ],
    });
    expect(p.items.map((i) => i.id)).toEqual(["first", "second", "late"]);
  });

  it("leaves out a time-based milestone that can't be done by Sunday, keeps one that can", () => {
    const p = plan({
      weeklyHours: 40,
      milestones: [
        milestone("maintained", { availableFrom: "2026-12-07" }),
        milestone("no-launch-yet", { availableFrom: null }),
        milestone("from-thursday", { availableFrom: "2026-12-03" }),
        milestone("plain"),
      ],
    });
    expect(p.items.map((i) => i.id)).toEqual(["from-thursday", "plain"]);
    expect(p.notYet).toEqual([
      { id: "maintained", title: "Milestone maintained", availableFrom: "2026-12-07" },
      { id: "no-launch-yet", title: "Milestone no-launch-yet", availableFrom: null },
    ]);
  });

  it("caps the week at the budget and splits the milestone that doesn't fit", () => {
    const p = plan({
      weeklyHours: 8,
      milestones: [milestone("a", { effortHours: 2 }), milestone("b", { effortHours: 40 }), milestone("c")],
    });
    expect(planned(p)).toEqual([
      ["a", 2],
      ["b", 6],
    ]);
    expect(p.items[1]!.remainingHours).toBe(40);
    expect(itemHoursText(p.items[0]!)).toBe("2 h");
    expect(itemHoursText(p.items[1]!)).toBe("6 of its 40 h this week");
  });

  it("counts hours logged against a milestone's estimate, in half hours, never below an hour while open", () => {
    const p = plan({
      weeklyHours: 20,
      milestones: [
        milestone("a", { effortHours: 10, hoursLogged: 6.4 }), // 3.6 left → 4
        milestone("b", { effortHours: 10, hoursLogged: 9.8 }), // 0.2 left → the hour to finish it
        milestone("c", { effortHours: 10, hoursLogged: 14 }), // over its estimate, still open
        milestone("d", { effortHours: 30 }),
      ],
    });
    expect(planned(p)).toEqual([
      ["a", 4],
      ["b", 1],
      ["c", 1],
      ["d", 14],
    ]);
    expect(itemHoursText(p.items[3]!)).toBe("14 of its 30 h this week");
  });

  it("counts this week's check-in hours and plans what is left of the budget", () => {
    const p = plan({
      weeklyHours: 8,
      milestones: [milestone("a", { effortHours: 3 }), milestone("b", { effortHours: 20 })],
      checkIns: [
        { at: Date.parse("2026-11-29T20:00:00Z"), hours: 3 }, // Sunday: last week
        { at: Date.parse("2026-11-30T07:00:00Z"), hours: 2.5 },
        { at: Date.parse("2026-12-02T11:00:00Z"), hours: 1.5 },
        { at: Date.parse("2026-12-02T13:00:00Z"), hours: 5 }, // after now: not yet
      ],
    });
    expect([p.budgetHours, p.loggedHours, p.leftHours]).toEqual([8, 4, 4]);
    expect(weekProgressText(p)).toBe("4 of 8 hours done this week");
    expect(planned(p)).toEqual([
      ["a", 3],
      ["b", 1],
    ]);
  });

  it("plans nothing more once the week's hours are in", () => {
    const p = plan({ weeklyHours: 6, milestones: [milestone("a")], checkIns: [{ at: Date.parse("2026-12-01T18:00:00Z"), hours: 7 }] });
    expect([p.loggedHours, p.leftHours, p.items]).toEqual([7, 0, []]);
    expect(weekProgressText(p)).toBe("7 of 6 hours done this week");
    expect(emptyWeekText(p)).toBe("You've put in this week's hours. Anything more is a head start on next week.");
  });

  it("follows London's wall calendar across the October clock change", () => {
    const checkIns = [
      { at: Date.parse("2026-10-18T22:30:00Z"), hours: 4 }, // Sun 18 Oct 23:30 BST: week 42
      { at: Date.parse("2026-10-18T23:30:00Z"), hours: 1.5 }, // Mon 19 Oct 00:30 BST: week 43
      { at: Date.parse("2026-10-25T23:15:00Z"), hours: 2 }, // Sun 25 Oct 23:15 GMT: still week 43
    ];
    const sunday = plan({ now: new Date("2026-10-25T23:30:00Z"), checkIns, milestones: [milestone("a")] });
    expect([sunday.week, sunday.from, sunday.to, sunday.loggedHours, sunday.leftHours]).toEqual([
      "2026-W43",
      "2026-10-19",
      "2026-10-25",
      3.5,
      4.5,
    ]);
    expect(planned(sunday)).toEqual([["a", 4.5]]);
    // Half an hour later by the clock, 00:30 on Monday: a new week, nothing logged in it yet.
    const monday = plan({ now: new Date("2026-10-26T00:30:00Z"), checkIns, milestones: [milestone("a")] });
    expect([monday.week, monday.from, monday.to, monday.loggedHours]).toEqual(["2026-W44", "2026-10-26", "2026-11-01", 0]);
    expect(planned(monday)).toEqual([["a", 8]]);
  });

  it("plans nothing while paused, before the start week, or once finished", () => {
    const paused = plan({ state: "paused", milestones: [milestone("a")] });
    expect([paused.state, paused.items, emptyWeekText(paused)]).toEqual([
      "paused",
      [],
      "Your plan is paused: nothing is planned this week.",
    ]);
    expect(plan({ startDate: "2026-12-07", milestones: [milestone("a")] }).state).toBe("upcoming");
    // Starting on Friday of this week: this week already has a plan.
    expect(planned(plan({ startDate: "2026-12-04", milestones: [milestone("a")] }))).toEqual([["a", 8]]);
    expect(plan({ state: "done" }).items).toEqual([]);
  });
});
