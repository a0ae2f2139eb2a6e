// The calendar feed's writer, read back with ical.js: all-day dates exactly as given in any zone,
// a weekly reminder that keeps its local hour across clock changes, its alarm, stable opaque UIDs;
// and the pacing model's plannedMilestones, the dates the feed shows.
import { describe, expect, it } from "vitest";
import { firstWeekdayOnOrAfter, renderCalendarFeed, type FeedInput } from "../../lib/calendar-feed/ics";
import { computePacing, type PacingInput } from "../../lib/pacing";
import { parseFeed } from "../support/ics";

const roadmap = {
  key: "enrollment-cuid-1",
  title: "Software Engineer → ML Engineer",
  paused: false,
  targetDate: "2027-10-01",
  milestones: [
    { id: "m1", title: "Gradient descent, by intuition", phaseTitle: "ML fundamentals", dueDate: "2026-12-31" },
    { id: "m2", title: "Ship; one ML feature", phaseTitle: "Ship one real ML feature", dueDate: "2027-04-01" },
  ],
};

const input = (overrides: Partial<FeedInput> = {}): FeedInput => ({
  appUrl: "https://waypoint.example",
  reminder: { weekday: 7, hour: 8, timeZone: "Europe/London", from: "2026-10-14", key: "user-cuid-1" },
  roadmaps: [roadmap],
  now: new Date("2026-10-20T10:00:00Z"),
  ...overrides,
});

describe("firstWeekdayOnOrAfter", () => {
  it("finds the next ISO weekday, or the day itself", () => {
    // 14 Oct 2026 is a Wednesday (3).
    expect(firstWeekdayOnOrAfter("2026-10-14", 3)).toBe("2026-10-14");
    expect(firstWeekdayOnOrAfter("2026-10-14", 7)).toBe("2026-10-18");
    expect(firstWeekdayOnOrAfter("2026-10-14", 1)).toBe("2026-10-19");
    expect(firstWeekdayOnOrAfter("2026-10-14", 2)).toBe("2026-10-20");
    // Across a year end and a leap day: 28 Feb 2028 is a Monday.
    expect(firstWeekdayOnOrAfter("2028-02-28", 2)).toBe("2028-02-29");
    expect(firstWeekdayOnOrAfter("2027-12-30", 6)).toBe("2028-01-01");
  });
});

describe("renderCalendarFeed", () => {
  it("writes each milestone and the target as an all-day event on its date", () => {
    const feed = parseFeed(renderCalendarFeed(input()));
    const allDay = feed.events
      .filter((e) => e.date !== null)
      .map((e) => ({ summary: e.summary, date: e.date, description: e.description }));
    expect(allDay).toEqual([
      {
        summary: "Planned: Gradient descent, by intuition",
        date: "2026-12-31",
        description: "Software Engineer → ML Engineer, ML fundamentals: planned done by this day.",
      },
      {
        summary: "Planned: Ship; one ML feature",
        date: "2027-04-01",
        description: "Software Engineer → ML Engineer, Ship one real ML feature: planned done by this day.",
      },
      {
        summary: "Target: finish Software Engineer → ML Engineer",
        date: "2027-10-01",
        description: "The target date of your plan for Software Engineer → ML Engineer.",
      },
    ]);
    expect(feed.calendar.refreshInterval).toBe("PT1H");
  });

  it("keeps all-day dates whatever the reminder's zone (no shift west or east of UTC)", () => {
    for (const timeZone of ["America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]) {
      const reminder = { weekday: 1, hour: 23, timeZone, from: "2026-10-14", key: "user-cuid-1" };
      const dates = parseFeed(renderCalendarFeed(input({ reminder }))).events.flatMap((e) => (e.date ? [e.date] : []));
      expect({ timeZone, dates }).toEqual({ timeZone, dates: ["2026-12-31", "2027-04-01", "2027-10-01"] });
    }
  });

  it("recurs the check-in weekly at 08:00 London time across the last Sunday of October and of March, with an alarm", () => {
    const feed = parseFeed(renderCalendarFeed(input()));
    expect(feed.timezones).toEqual(["Europe/London"]);
    const reminder = feed.events.find((e) => e.summary === "Waypoint check-in")!;
    expect(reminder.tzid).toBe("Europe/London");
    expect(reminder.rrule).toBe("FREQ=WEEKLY;BYDAY=SU");
    expect(reminder.alarms).toEqual([{ action: "DISPLAY", trigger: "PT0S" }]);
    expect(reminder.url).toBe("https://waypoint.example/checkin");
    const starts = reminder.startsUtc(24);
    // BST (UTC+1) until the clocks go back on 25 Oct 2026, GMT after; BST again from 28 Mar 2027.
    expect(starts.slice(0, 3)).toEqual(["2026-10-18T07:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-11-01T08:00:00.000Z"]);
    expect(starts.slice(22, 24)).toEqual(["2027-03-21T08:00:00.000Z", "2027-03-28T07:00:00.000Z"]);
  });

  it("recurs in the user's own zone, on their weekday: Monday 23:00 in Los Angeles is Tuesday in UTC", () => {
    const reminder = { weekday: 1, hour: 23, timeZone: "America/Los_Angeles", from: "2026-10-21", key: "user-cuid-1" };
    const feed = parseFeed(renderCalendarFeed(input({ reminder })));
    const event = feed.events.find((e) => e.summary === "Waypoint check-in")!;
    expect(event.tzid).toBe("America/Los_Angeles");
    // PDT (UTC−7) until 1 Nov 2026, PST (UTC−8) after.
    expect(event.startsUtc(3)).toEqual(["2026-10-27T06:00:00.000Z", "2026-11-03T07:00:00.000Z", "2026-11-10T07:00:00.000Z"]);
  });

  it("has no reminder without one, and UIDs that are stable, distinct and say nothing", () => {
    const text = renderCalendarFeed(input());
    const again = renderCalendarFeed(input({ now: new Date("2026-11-20T10:00:00Z") }));
    const uids = parseFeed(text).events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(4);
    expect(parseFeed(again).events.map((e) => e.uid)).toEqual(uids);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{32}@waypoint\.example$/);
    for (const secret of ["enrollment-cuid-1", "user-cuid-1"]) expect(text).not.toContain(secret);
    const none = parseFeed(renderCalendarFeed(input({ reminder: null })));
    expect(none.events.map((e) => e.summary)).not.toContain("Waypoint check-in");
    expect(none.timezones).toEqual([]);
  });
});

describe("plannedMilestones", () => {
  const phase = (slug: string, startMonth: number, endMonth: number, skills: string[]) => ({
    slug,
    title: `Phase ${slug}`,
    startMonth,
    endMonth,
    milestones: skills.map((s) => ({
      id: `m-${s}`,
      skillId: `skill-${s}`,
      skillSlug: s,
      title: `Milestone ${s}`,
      effortHours: 10,
      minDurationDays: null,
      durationAnchor: null,
    })),
  });
  const pacingInput: PacingInput = {
    roadmap: { canonicalMonths: 18, maxMonths: 18, phases: [phase("a", 0, 3, ["a1", "a2", "a3"]), phase("b", 3, 18, ["b1", "b2"])] },
    enrollment: {
      startDate: "2026-01-01",
      targetMonths: 18,
      status: "active",
      changes: [{ kind: "enrolled", at: new Date("2026-01-01T09:00:00Z"), toTargetMonths: 18 }],
    },
    progress: [
      { skillId: "skill-a1", status: "done", doneFlips: [Date.parse("2026-01-10T12:00:00Z")] },
      { skillId: "skill-a3", status: "skipped", doneFlips: [] },
    ],
    now: new Date("2026-02-01T12:00:00Z"),
    timeZone: "Europe/London",
  };

  it("lists every open milestone in roadmap order with its phase's end, the first three being nextMilestones", () => {
    const pacing = computePacing(pacingInput);
    // Phase a ends 3 months in (1 Apr 2026), phase b at the target, 18 months in (1 Jul 2027);
    // a1 is done and a3 skipped, so neither is planned.
    expect(pacing.plannedMilestones).toEqual([
      { id: "m-a2", title: "Milestone a2", phaseTitle: "Phase a", dueDate: "2026-04-01" },
      { id: "m-b1", title: "Milestone b1", phaseTitle: "Phase b", dueDate: "2027-07-01" },
      { id: "m-b2", title: "Milestone b2", phaseTitle: "Phase b", dueDate: "2027-07-01" },
    ]);
    expect(pacing.targetDate).toBe("2027-07-01");
    expect(pacing.nextMilestones).toEqual(pacing.plannedMilestones.slice(0, 3));
  });
});
