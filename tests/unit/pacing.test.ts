import { describe, it, expect } from "vitest";
import { BUFFER_BANDS, PACING_THRESHOLDS, bufferBand, computePacing } from "../../lib/pacing";
import type { Pacing, PacingInput, PacingMilestone, PacingPhase } from "../../lib/pacing";
import { addFractionalMonths, addMonths, dayOfIso, formatDay, isoOfDay, MONTHS } from "../../lib/calendar/days";
import { localDayFunction } from "../../lib/calendar/zones";
import { describeBuffer, describeVariance, pacingHeadline, publicPaceHeadline } from "../../lib/pacing/headline";
import type { ProgressStatus } from "../../lib/validation/progress";
import { progressFromEvents, type StatusChange } from "../../lib/pacing/flips";

// Every expected value below is derived by hand from the pacing model (PRODUCT.md, "Pacing"), with the
// arithmetic in a comment; calendar dates were counted on a calendar, not taken from the code.

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" `n` days after `iso`: plain UTC calendar arithmetic, independent of lib/pacing. */
function plusDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 12:00 UTC on the `n`-th day after `iso`: the same local date in London all year (11:00 or 12:00 there). */
function noon(iso: string, n: number): Date {
  return new Date(Date.parse(`${plusDays(iso, n)}T12:00:00Z`));
}

function milestone(skill: string, effortHours: number, extra: Partial<PacingMilestone> = {}): PacingMilestone {
  return {
    id: `m-${skill}`,
    skillId: `skill-${skill}`,
    skillSlug: skill,
    title: `Milestone ${skill}`,
    effortHours,
    minDurationDays: null,
    durationAnchor: null,
    ...extra,
  };
}

/**
 * The hand-made roadmap: canonical 18 months, limit 18, four phases on the swe-to-mle windows.
 * Effort 5+5 | 10+10 | 10+20 | 20+20 = 100 hours, so the phase weights are 0.1 | 0.2 | 0.3 | 0.4.
 */
function makeRoadmap(extra: Record<string, Partial<PacingMilestone>> = {}): PacingInput["roadmap"] {
  const m = (skill: string, hours: number) => milestone(skill, hours, extra[skill] ?? {});
  const phases: PacingPhase[] = [
    { slug: "p1", title: "Fundamentals", startMonth: 0, endMonth: 3, milestones: [m("a1", 5), m("a2", 5)] },
    { slug: "p2", title: "Production", startMonth: 3, endMonth: 6, milestones: [m("b1", 10), m("b2", 10)] },
    { slug: "p3", title: "Ship", startMonth: 6, endMonth: 12, milestones: [m("c1", 10), m("c2", 20)] },
    { slug: "p4", title: "Pivot", startMonth: 12, endMonth: 18, milestones: [m("d1", 20), m("d2", 20)] },
  ];
  return { canonicalMonths: 18, maxMonths: 18, phases };
}

type Change = PacingInput["enrollment"]["changes"][number];
type Event = StatusChange;

interface Scenario {
  start?: string;
  target?: number;
  zone?: string;
  now: Date;
  events?: Event[];
  /** Changes after the "enrolled" one (which is added at noon on the start date, or at `enrolledAt`). */
  changes?: Change[];
  enrolledAt?: Date;
  status?: PacingInput["enrollment"]["status"];
  roadmap?: PacingInput["roadmap"];
  featureLaunch?: string | null;
}

const START = "2026-01-05"; // a Monday, in GMT

function pace(s: Scenario): Pacing {
  const start = s.start ?? START;
  const target = s.target ?? 12;
  return computePacing({
    roadmap: s.roadmap ?? makeRoadmap(),
    enrollment: {
      startDate: start,
      targetMonths: target,
      status: s.status ?? "active",
      changes: [{ kind: "enrolled", at: s.enrolledAt ?? noon(start, 0), toTargetMonths: target }, ...(s.changes ?? [])],
    },
    progress: progressFromEvents(s.events ?? []),
    featureLaunch: s.featureLaunch ?? null,
    now: s.now,
    timeZone: s.zone ?? "Europe/London",
  });
}

const event = (skill: string, toStatus: ProgressStatus, occurredAt: Date): Event => ({ skillId: `skill-${skill}`, toStatus, occurredAt });
/** Done at noon on day `day` of the default START. */
const doneOn = (skill: string, day: number): Event => event(skill, "done", noon(START, day));
const change = (kind: string, day: number, toTargetMonths: number | null = null): Change => ({
  kind,
  at: noon(START, day),
  toTargetMonths,
});

/** The plan line's points as [day, date, share], shares rounded for comparison. */
const points = (p: Pacing, i = 0) => (p.plans[i]?.points ?? []).map((pt) => [pt.day, pt.date, Number(pt.share.toFixed(9))]);
const r9 = (x: number) => Number(x.toFixed(9));

// The 12-month plan from 5 Jan 2026: scale 12/18, windows 0–2, 2–4, 4–8, 8–12 months.
// +2 months = 5 Mar (31 + 28 = day 59), +4 = 5 May (59 + 31 + 30 = day 120),
// +8 = 5 Sep (120 + 31 + 30 + 31 + 31 = day 243), +12 = 5 Jan 2027 (243 + 30 + 31 + 30 + 31 = day 365).
// Line: 0.1·d/59 on [0,59]; 0.1 + 0.2·(d−59)/61 on [59,120]; 0.3 + 0.3·(d−120)/123 on [120,243]; 0.6 + 0.4·(d−243)/122 on [243,365].
const PLAN_12 = [
  [0, "2026-01-05", 0],
  [59, "2026-03-05", 0.1],
  [120, "2026-05-05", 0.3],
  [243, "2026-09-05", 0.6],
  [365, "2027-01-05", 1],
];

describe("calendar helpers", () => {
  it("converts between ISO dates and day numbers", () => {
    expect(dayOfIso("1970-01-01")).toBe(0);
    expect(dayOfIso("1970-01-02")).toBe(1);
    expect(dayOfIso("1969-12-31")).toBe(-1);
    // 2026-01-05: 56 years of 365 days + 14 leap days (1972…2024) + 4 days.
    expect(dayOfIso("2026-01-05")).toBe(56 * 365 + 14 + 4);
    expect(isoOfDay(56 * 365 + 14 + 4)).toBe("2026-01-05");
    expect(isoOfDay(dayOfIso("2028-02-29"))).toBe("2028-02-29");
  });

  it("agrees with Date for every day from 1600 to 2400 (day numbers both ways, and shown), and ignores a time after the date", () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1600, 0, 1); ms <= Date.UTC(2400, 11, 31); ms += DAY_MS) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      const day = ms / DAY_MS;
      const date = new Date(ms);
      const shown = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
      if (dayOfIso(iso) !== day || isoOfDay(day) !== iso || formatDay(day) !== shown) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
    expect(dayOfIso("2026-11-26T23:59:59.999Z")).toBe(dayOfIso("2026-11-26"));
  });

  it("adds months like Date's calendar does, clamped to the month's end, from 1896 to 2104", () => {
    // The reference, through Date: the same day of the month n months on, or that month's last day.
    const reference = (ms: number, n: number) => {
      const d = new Date(ms);
      const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n + 1, 0)).getUTCDate();
      return first / DAY_MS + Math.min(d.getUTCDate(), last) - 1;
    };
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1896, 0, 1); ms <= Date.UTC(2104, 11, 31); ms += 3 * DAY_MS) {
      for (const n of [-13, -1, 0, 1, 2, 6, 12, 18, 25, 48]) {
        if (addMonths(ms / DAY_MS, n) !== reference(ms, n)) mismatches.push(`${new Date(ms).toISOString().slice(0, 10)} + ${n}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("adds calendar months, clamping to the end of a shorter month", () => {
    const add = (iso: string, months: number) => isoOfDay(addMonths(dayOfIso(iso), months));
    expect(add("2026-01-05", 1)).toBe("2026-02-05");
    expect(add("2026-01-31", 1)).toBe("2026-02-28");
    expect(add("2028-01-31", 1)).toBe("2028-02-29");
    expect(add("2026-03-31", 1)).toBe("2026-04-30");
    // Not chained: 31 Jan + 2 months is 31 Mar, not 28 Mar.
    expect(add("2026-01-31", 2)).toBe("2026-03-31");
    expect(add("2026-12-15", 1)).toBe("2027-01-15");
    expect(add("2026-03-31", -1)).toBe("2026-02-28");
    expect(add("2028-02-29", 12)).toBe("2029-02-28");
    expect(add("2028-02-29", 18)).toBe("2029-08-29");
    expect(add("2028-02-29", 48)).toBe("2032-02-29");
    expect(add("2026-08-31", 6)).toBe("2027-02-28");
    expect(add("2026-01-05", 0)).toBe("2026-01-05");
  });

  it("adds fractional months: whole calendar months, then that share of the following month", () => {
    const add = (iso: string, months: number) => isoOfDay(addFractionalMonths(dayOfIso(iso), months));
    expect(add("2026-01-05", 2)).toBe("2026-03-05");
    // 1 month → 5 Feb; the next month (5 Feb → 5 Mar) has 28 days; 0.5 · 28 = 14 → 19 Feb.
    expect(add("2026-01-05", 1.5)).toBe("2026-02-19");
    // 0.25 · 31 (5 Jan → 5 Feb) = 7.75 → 8 → 13 Jan.
    expect(add("2026-01-05", 0.25)).toBe("2026-01-13");
    // 31 Jan → 28 Feb is 28 days; 0.5 · 28 = 14 → 14 Feb.
    expect(add("2026-01-31", 0.5)).toBe("2026-02-14");
    // 29 Feb 2028 + 1 = 29 Mar; 29 Mar → 29 Apr is 31 days; 0.5 · 31 = 15.5 → 16 → 14 Apr.
    expect(add("2028-02-29", 1.5)).toBe("2028-04-14");
    // 7/6 months: 5 Feb, then (1/6) · 28 = 4.67 → 5 → 10 Feb.
    expect(add("2026-01-05", 7 / 6)).toBe("2026-02-10");
    // A hair under a whole number is that whole number (3 · 12/18 in floating point).
    expect(add("2026-01-05", 3 * (12 / 18))).toBe("2026-03-05");
  });

  describe("localDayFunction", () => {
    const localIso = (zone: string, utc: string) => {
      const ms = Date.parse(utc);
      return isoOfDay(localDayFunction(zone, ms - 30 * DAY_MS, ms + 30 * DAY_MS)(ms));
    };

    it("follows London across the spring change (29 Mar 2026, 01:00 UTC)", () => {
      // Saturday 23:30 UTC is still Saturday in London: GMT until 01:00 UTC on Sunday.
      expect(localIso("Europe/London", "2026-03-28T23:30:00Z")).toBe("2026-03-28");
      expect(localIso("Europe/London", "2026-03-29T00:59:00Z")).toBe("2026-03-29");
      expect(localIso("Europe/London", "2026-03-29T01:00:00Z")).toBe("2026-03-29");
      // Sunday 23:30 UTC is Monday 00:30 BST.
      expect(localIso("Europe/London", "2026-03-29T23:30:00Z")).toBe("2026-03-30");
      expect(localIso("Europe/London", "2026-03-29T22:59:59.999Z")).toBe("2026-03-29");
      expect(localIso("Europe/London", "2026-03-29T23:00:00Z")).toBe("2026-03-30");
    });

    it("follows London across the autumn change (25 Oct 2026, 01:00 UTC)", () => {
      // Saturday 23:30 UTC is Sunday 00:30 BST; Sunday 23:30 UTC is Sunday 23:30 GMT.
      expect(localIso("Europe/London", "2026-10-24T22:59:00Z")).toBe("2026-10-24");
      expect(localIso("Europe/London", "2026-10-24T23:30:00Z")).toBe("2026-10-25");
      expect(localIso("Europe/London", "2026-10-25T23:30:00Z")).toBe("2026-10-25");
      expect(localIso("Europe/London", "2026-10-25T23:59:59.999Z")).toBe("2026-10-25");
      expect(localIso("Europe/London", "2026-10-26T00:00:00Z")).toBe("2026-10-26");
    });

    it("follows New York across both changes (8 Mar and 1 Nov 2026)", () => {
      // EST (−5) until 07:00 UTC on 8 Mar: 04:30 UTC on 8 Mar is 23:30 on the 7th.
      expect(localIso("America/New_York", "2026-03-08T04:30:00Z")).toBe("2026-03-07");
      expect(localIso("America/New_York", "2026-03-08T05:00:00Z")).toBe("2026-03-08");
      // EDT (−4) afterwards: 03:30 UTC on 9 Mar is 23:30 on the 8th, 04:00 UTC is midnight on the 9th.
      expect(localIso("America/New_York", "2026-03-09T03:30:00Z")).toBe("2026-03-08");
      expect(localIso("America/New_York", "2026-03-09T04:00:00Z")).toBe("2026-03-09");
      // EDT until 06:00 UTC on 1 Nov: 04:30 UTC on 1 Nov is 00:30 on the 1st…
      expect(localIso("America/New_York", "2026-11-01T04:30:00Z")).toBe("2026-11-01");
      expect(localIso("America/New_York", "2026-11-01T03:59:00Z")).toBe("2026-10-31");
      // …then EST: 04:30 UTC on 2 Nov is 23:30 on the 1st, 05:00 UTC is midnight on the 2nd.
      expect(localIso("America/New_York", "2026-11-02T04:30:00Z")).toBe("2026-11-01");
      expect(localIso("America/New_York", "2026-11-02T05:00:00Z")).toBe("2026-11-02");
    });

    it("handles half-hour offsets and instants outside the sampled range", () => {
      // Kolkata is +5:30 all year: 18:29 UTC is 23:59, 18:30 UTC is midnight.
      expect(localIso("Asia/Kolkata", "2026-06-10T18:29:00Z")).toBe("2026-06-10");
      expect(localIso("Asia/Kolkata", "2026-06-10T18:30:00Z")).toBe("2026-06-11");
      // Lord Howe: +11 in southern summer, +10:30 otherwise. 13:00 UTC on 3 Jan = 00:00 on 4 Jan.
      expect(localIso("Australia/Lord_Howe", "2026-01-03T12:59:00Z")).toBe("2026-01-03");
      expect(localIso("Australia/Lord_Howe", "2026-01-03T13:00:00Z")).toBe("2026-01-04");
      // 13:30 UTC on 3 Jul = 00:00 on 4 Jul.
      expect(localIso("Australia/Lord_Howe", "2026-07-03T13:29:00Z")).toBe("2026-07-03");
      expect(localIso("Australia/Lord_Howe", "2026-07-03T13:30:00Z")).toBe("2026-07-04");
      // Built for January 2026, asked about July (BST) and about 2020.
      const london = localDayFunction("Europe/London", Date.parse("2026-01-01T00:00:00Z"), Date.parse("2026-01-31T00:00:00Z"));
      expect(isoOfDay(london(Date.parse("2026-07-01T23:30:00Z")))).toBe("2026-07-02");
      expect(isoOfDay(london(Date.parse("2020-07-01T22:59:00Z")))).toBe("2020-07-01");
    });

    it("agrees with Intl for thousands of random instants across 2026–2027", () => {
      const zones = [
        "Europe/London",
        "America/New_York",
        "America/Los_Angeles",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Pacific/Chatham",
        "Australia/Sydney",
        "UTC",
      ];
      // mulberry32: a fixed seed, so a failure reproduces.
      let seed = 0x5eed1234;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
      };
      const from = Date.parse("2026-01-01T00:00:00Z");
      const to = Date.parse("2028-01-01T00:00:00Z");
      const mismatches: string[] = [];
      let checked = 0;
      for (const zone of zones) {
        const intl = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" });
        const intlDay = (ms: number) => {
          const parts: Record<string, number> = {};
          for (const part of intl.formatToParts(new Date(ms))) if (part.type !== "literal") parts[part.type] = Number(part.value);
          return Math.round(Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1) / DAY_MS);
        };
        const local = localDayFunction(zone, from, to);
        const instants: number[] = [];
        for (let i = 0; i < 1500; i++) instants.push(from + Math.floor(random() * (to - from)));
        // And some right around local midnight (±90 minutes of a UTC half-hour grid).
        for (let i = 0; i < 500; i++) {
          const day = from + Math.floor(random() * 730) * DAY_MS;
          instants.push(day + Math.floor(random() * 48) * 1_800_000 + Math.floor(random() * 180 - 90) * 60_000);
        }
        for (const ms of instants) {
          checked++;
          if (local(ms) !== intlDay(ms))
            mismatches.push(`${zone} ${new Date(ms).toISOString()}: ${isoOfDay(local(ms))} vs ${isoOfDay(intlDay(ms))}`);
        }
      }
      expect(checked).toBe(zones.length * 2000);
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  });
});

describe("thresholds and bands", () => {
  it("keeps the thresholds in one place", () => {
    expect(PACING_THRESHOLDS).toEqual({ atRiskBehindDays: 7, offTrackBehindDays: 28, velocityWindowDays: 28, minDaysForProjection: 7 });
    expect(BUFFER_BANDS.map((b) => b.band)).toEqual(["red", "orange", "blue", "green", "dark-green"]);
  });

  it("colours the buffer: < 1 red, < 2 orange, < 3 blue, < 7 green, else dark green", () => {
    expect(bufferBand(-3)).toBe("red");
    expect(bufferBand(0)).toBe("red");
    expect(bufferBand(1)).toBe("orange");
    expect(bufferBand(2)).toBe("blue");
    expect(bufferBand(3)).toBe("green");
    expect(bufferBand(6)).toBe("green");
    expect(bufferBand(7)).toBe("dark-green");
    expect(bufferBand(30)).toBe("dark-green");
  });
});

describe("describeVariance / describeBuffer", () => {
  it("puts the variance in days under a week, else whole weeks rounded down", () => {
    expect(describeVariance(0)).toBe("on plan");
    expect(describeVariance(1)).toBe("1 day ahead");
    expect(describeVariance(-1)).toBe("1 day behind");
    expect(describeVariance(6)).toBe("6 days ahead");
    expect(describeVariance(-6)).toBe("6 days behind");
    expect(describeVariance(7)).toBe("1 week ahead");
    expect(describeVariance(13)).toBe("1 week ahead");
    expect(describeVariance(14)).toBe("2 weeks ahead");
    expect(describeVariance(-25)).toBe("3 weeks behind");
    expect(describeVariance(-60)).toBe("8 weeks behind");
    expect(describeVariance(155)).toBe("22 weeks ahead");
  });

  it("puts the buffer in days, or none when below the line", () => {
    expect(describeBuffer(-26)).toBe("no buffer");
    expect(describeBuffer(-1)).toBe("no buffer");
    expect(describeBuffer(0)).toBe("0 days of buffer");
    expect(describeBuffer(1)).toBe("1 day of buffer");
    expect(describeBuffer(12)).toBe("12 days of buffer");
  });
});

describe("computePacing", () => {
  it("before the start: upcoming, no verdicts", () => {
    // 20 Dec 2025 is 16 days before 5 Jan 2026.
    const p = pace({ now: new Date("2025-12-20T12:00:00Z"), enrolledAt: new Date("2025-12-20T10:00:00Z") });
    expect(p.status).toBe("upcoming");
    expect(p.today).toEqual({ day: -16, date: "2025-12-20" });
    expect(p.varianceDays).toBeNull();
    expect(p.bufferDays).toBeNull();
    expect(p.bufferBand).toBeNull();
    expect(p.velocity).toBeNull();
    expect(p.projectedFinish).toBeNull();
    expect(p.planned.share).toBe(0);
    expect(p.targetDate).toBe("2027-01-05");
    expect(pacingHeadline(p)).toBe("Your plan starts on 5 Jan 2026");
    expect(publicPaceHeadline(p)).toBe("The plan starts on 5 Jan 2026");
  });

  it("counts done flips up to and including now, not after; a skip is the status now", () => {
    // A tick at now counts; an untick 1 ms later doesn't, yet. The skip of c2 is the milestone's
    // status, which has no date: it takes c2's 20 hours out of the total whenever it was made.
    const now = new Date("2026-01-05T09:00:00Z");
    const later = new Date(now.getTime() + 1);
    const p = pace({ now, events: [event("a1", "done", now), event("a1", "not_started", later), event("c2", "skipped", later)] });
    expect(p.actual).toEqual({ share: 5 / 80, doneWeight: 5, totalWeight: 80 });
    const q = pace({ now, events: [event("a1", "done", later)] });
    expect(q.actual).toEqual({ share: 0, doneWeight: 0, totalWeight: 100 });
    expect(pace({ now }).actual).toEqual(q.actual);
    expect(q.activity).toEqual([]);
  });

  it("day 0: on plan with no buffer and nothing to project yet", () => {
    const p = pace({ now: new Date("2026-01-05T09:00:00Z") });
    // Issue 14: day 0 was "On track" beside a red "0 d buffer"; it is now the explicit "just started".
    expect(p.status).toBe("just_started");
    expect(p.today).toEqual({ day: 0, date: "2026-01-05" });
    expect(p.startDate).toBe("2026-01-05");
    expect(p.targetDate).toBe("2027-01-05");
    // 5 Jan 2026 + 18 months = 5 Jul 2027.
    expect(p.limitDate).toBe("2027-07-05");
    expect(p.actual).toEqual({ share: 0, doneWeight: 0, totalWeight: 100 });
    expect(p.planned.share).toBe(0);
    // The line is 0 on day 0 and 0.1/59 > 0 on day 1: reached on day 0, last at-or-below on day 0.
    expect(p.varianceDays).toBe(0);
    expect(p.bufferDays).toBe(0);
    expect(p.bufferBand).toBe("red");
    // One active day elapsed (< 7): no velocity.
    expect(p.velocity).toBeNull();
    expect(p.projectedFinish).toBeNull();
    expect(p.projection).toBeNull();
    expect(points(p)).toEqual(PLAN_12);
    expect(p.plans).toHaveLength(1);
    expect(p.plans[0]).toMatchObject({ targetMonths: 12, fromDate: "2026-01-05", endDate: "2027-01-05", superseded: false });
    expect(p.actualSeries).toEqual([{ day: 0, date: "2026-01-05", share: 0 }]);
    // The first three open milestones, each due when its phase window closes.
    expect(p.nextMilestones).toEqual([
      { id: "m-a1", title: "Milestone a1", phaseTitle: "Fundamentals", dueDate: "2026-03-05" },
      { id: "m-a2", title: "Milestone a2", phaseTitle: "Fundamentals", dueDate: "2026-03-05" },
      { id: "m-b1", title: "Milestone b1", phaseTitle: "Production", dueDate: "2026-05-05" },
    ]);
    expect(pacingHeadline(p)).toBe("Just started — your plan runs to 5 Jan 2027; your pace shows after the first week");
  });

  it("exactly on plan at the end of a phase window", () => {
    // Day 120 = 5 May 2026, the end of phase 2's window: the line is at 0.1 + 0.2 = 0.3.
    const p = pace({
      now: noon(START, 120),
      events: [doneOn("a1", 20), doneOn("a2", 50), doneOn("b1", 80), doneOn("b2", 110)],
    });
    expect(p.today).toEqual({ day: 120, date: "2026-05-05" });
    expect(p.actual).toEqual({ share: 0.3, doneWeight: 30, totalWeight: 100 });
    expect(p.planned.share).toBeCloseTo(0.3, 12);
    // Day 119: 0.1 + 0.2·60/61 = 0.2967 < 0.3, day 120: 0.3 → variance 0.
    // Day 121: 0.3 + 0.3/123 > 0.3 → the last day at or below is 120 → buffer 0.
    expect(p.varianceDays).toBe(0);
    expect(p.bufferDays).toBe(0);
    expect(p.bufferBand).toBe("red");
    // Trailing 28 days (days 93–120): 0.3 − actual on day 92 (0.2, after b1) = 0.1 → 0.1·7/28 = 0.025/week, 2.5 h/week.
    expect(p.velocity?.basis).toBe("trailing");
    expect(p.velocity?.sharePerWeek).toBeCloseTo(0.025, 12);
    expect(p.velocity?.hoursPerWeek).toBeCloseTo(2.5, 12);
    // Remaining 0.7 · 7 / 0.025 = 196 days → day 316 = 17 Nov 2026 (before the target, 5 Jan 2027).
    expect(p.projectedFinish).toBe("2026-11-17");
    expect(p.projection).toEqual({ from: { day: 120, share: 0.3 }, to: { day: 316, date: "2026-11-17" } });
    expect(p.earliestFinish).toBeNull();
    expect(p.status).toBe("on_track");
    expect(p.actualSeries.map((pt) => [pt.day, pt.date, pt.share])).toEqual([
      [0, "2026-01-05", 0],
      [20, "2026-01-25", 0.05],
      [50, "2026-02-24", 0.1],
      [80, "2026-03-26", 0.2],
      [110, "2026-04-25", 0.3],
      [120, "2026-05-05", 0.3],
    ]);
    expect(p.activity).toEqual([
      { date: "2026-01-25", count: 1 },
      { date: "2026-02-24", count: 1 },
      { date: "2026-03-26", count: 1 },
      { date: "2026-04-25", count: 1 },
    ]);
    expect(p.nextMilestones.map((m) => [m.id, m.dueDate])).toEqual([
      ["m-c1", "2026-09-05"],
      ["m-c2", "2026-09-05"],
      ["m-d1", "2027-01-05"],
    ]);
    expect(pacingHeadline(p)).toBe("On plan — 0 days of buffer — at this pace you finish 17 Nov 2026");
  });

  it("ahead: a month ahead, velocity falls back to since-start when the last 4 weeks were idle", () => {
    // Day 90 = 5 Apr 2026. Done: a1 (day 10), a2 (20), b1 (40), b2 (60) → 0.3.
    const p = pace({ now: noon(START, 90), events: [doneOn("a1", 10), doneOn("a2", 20), doneOn("b1", 40), doneOn("b2", 60)] });
    expect(p.actual.share).toBe(0.3);
    // Planned: 0.1 + 0.2·31/61.
    expect(p.planned.share).toBeCloseTo(0.1 + (0.2 * 31) / 61, 12);
    // The line reaches 0.3 on day 120 (the window end) and is above it from day 121 → +30 / +30.
    expect(p.varianceDays).toBe(30);
    expect(p.bufferDays).toBe(30);
    expect(p.bufferBand).toBe("dark-green");
    // Nothing done in days 63–90 → since start: 0.3 over 91 active days → 2.1/91 per week, 30·7/91 h/week.
    expect(p.velocity?.basis).toBe("since_start");
    expect(p.velocity?.sharePerWeek).toBeCloseTo(2.1 / 91, 12);
    expect(p.velocity?.hoursPerWeek).toBeCloseTo(210 / 91, 12);
    // 0.7 · 7 / (2.1/91) = 212.33 → 213 days → day 303 = 4 Nov 2026.
    expect(p.projectedFinish).toBe("2026-11-04");
    expect(p.status).toBe("on_track");
    expect(pacingHeadline(p)).toBe("4 weeks ahead — 30 days of buffer — at this pace you finish 4 Nov 2026");
    expect(publicPaceHeadline(p)).toBe("4 weeks ahead — 30 days of buffer — projected to finish 4 Nov 2026");
  });

  it("holds the projection back to the earliest date a time-based milestone allows", () => {
    // Same as "ahead", but d2 needs 330 days from the start: day 330 = 1 Dec 2026 > day 303.
    const p = pace({
      roadmap: makeRoadmap({ d2: { minDurationDays: 330, durationAnchor: "enrollment_start" } }),
      now: noon(START, 90),
      events: [doneOn("a1", 10), doneOn("a2", 20), doneOn("b1", 40), doneOn("b2", 60)],
    });
    expect(p.projectedFinish).toBe("2026-12-01");
    expect(p.earliestFinish).toBe("2026-12-01");
    expect(p.projection?.to).toEqual({ day: 330, date: "2026-12-01" });
    expect(p.waiting).toEqual([{ id: "m-d2", title: "Milestone d2", availableFrom: "2026-12-01" }]);
    expect(p.status).toBe("on_track");
  });

  it("behind by more than a week: at risk, below the line", () => {
    // Day 100 = 15 Apr 2026. Done: a1 (day 30), b1 (day 85) → 0.15.
    const p = pace({ now: noon(START, 100), events: [doneOn("a1", 30), doneOn("b1", 85)] });
    expect(p.actual.share).toBe(0.15);
    expect(p.planned.share).toBeCloseTo(0.1 + (0.2 * 41) / 61, 12);
    // 0.1 + 0.2·(d−59)/61 ≥ 0.15 ⇔ d − 59 ≥ 15.25 → day 75 → variance 75 − 100 = −25; last day ≤ 0.15 is 74 → −26.
    expect(p.varianceDays).toBe(-25);
    expect(p.bufferDays).toBe(-26);
    expect(p.bufferBand).toBe("red");
    // Trailing: 0.15 − 0.05 (day 72) = 0.1 over 28 days → 0.025/week → 0.85·7/0.025 = 238 days → day 338 = 9 Dec 2026.
    expect(p.velocity?.basis).toBe("trailing");
    expect(p.velocity?.sharePerWeek).toBeCloseTo(0.025, 12);
    expect(p.projectedFinish).toBe("2026-12-09");
    // −25 < −7 → at risk; not < −28 and the projection is before the target.
    expect(p.status).toBe("at_risk");
    // Issue 14: one verdict, first rule wins — a2 was due when phase 1 closed (5 Mar, day 59) and is 5
    // weeks late, which is what puts this plan at risk.
    expect(p.verdict.rule).toBe("overdue");
    expect(pacingHeadline(p)).toBe("“Milestone a2” is overdue by 5 weeks — at this pace you finish 9 Dec 2026");
  });

  it("off track when the projection passes the limit, even if only two weeks behind", () => {
    // 18-month target: windows 0–3, 3–6, 6–12, 12–18 months = days 0–90, 90–181, 181–365, 365–546.
    // Today day 60 (6 Mar 2026); a1 done on day 5 → 0.05.
    const p = pace({ target: 18, now: noon(START, 60), events: [doneOn("a1", 5)] });
    expect(p.targetDate).toBe("2027-07-05");
    expect(p.limitDate).toBe("2027-07-05");
    expect(p.planned.share).toBeCloseTo((0.1 * 60) / 90, 12);
    // 0.1·d/90 ≥ 0.05 ⇔ d ≥ 45 → variance −15, buffer −15.
    expect(p.varianceDays).toBe(-15);
    expect(p.bufferDays).toBe(-15);
    // Nothing in days 33–60 → since start: 0.05 over 61 days → 0.35/61 per week;
    // 0.95·7·61/0.35 = 1159 days → day 1219 = 8 May 2029 > 5 Jul 2027.
    expect(p.velocity?.basis).toBe("since_start");
    expect(p.velocity?.sharePerWeek).toBeCloseTo(0.35 / 61, 12);
    expect(p.projectedFinish).toBe("2029-05-08");
    expect(p.status).toBe("off_track");
    // Issue 14: the sentence names what makes it off track (it said only "2 weeks behind").
    expect(pacingHeadline(p)).toBe("At this pace you finish 8 May 2029, after the 18-month line (5 Jul 2027)");
  });

  it("no progress for 60 days: 60 days behind, off track, nothing to project", () => {
    const p = pace({ now: noon(START, 60) });
    expect(p.today).toEqual({ day: 60, date: "2026-03-06" });
    expect(p.actual.share).toBe(0);
    expect(p.planned.share).toBeCloseTo(0.1 + (0.2 * 1) / 61, 12);
    // The line is at 0 only on day 0: variance 0 − 60, buffer 0 − 60.
    expect(p.varianceDays).toBe(-60);
    expect(p.bufferDays).toBe(-60);
    expect(p.bufferBand).toBe("red");
    expect(p.velocity).toBeNull();
    expect(p.projectedFinish).toBeNull();
    expect(p.projection).toBeNull();
    expect(p.status).toBe("off_track");
    expect(pacingHeadline(p)).toBe("8 weeks behind — no buffer — not enough data yet to project a finish");
    expect(publicPaceHeadline(p)).toBe(pacingHeadline(p));
  });

  it("everything done early: finished, with the variance still counted", () => {
    // All eight done by day 200 (24 Jul 2026); today day 210 (3 Aug 2026).
    const p = pace({
      now: noon(START, 210),
      events: [
        doneOn("a1", 10),
        doneOn("a2", 20),
        doneOn("b1", 40),
        doneOn("b2", 60),
        doneOn("c1", 100),
        doneOn("c2", 130),
        doneOn("d1", 170),
        doneOn("d2", 200),
      ],
    });
    expect(p.status).toBe("done");
    expect(p.actual).toEqual({ share: 1, doneWeight: 100, totalWeight: 100 });
    expect(p.finishedOn).toBe("2026-07-24");
    // The line reaches 1 on day 365: 365 − 210 = 155.
    expect(p.varianceDays).toBe(155);
    expect(p.bufferDays).toBeNull();
    expect(p.bufferBand).toBeNull();
    expect(p.velocity).toBeNull();
    expect(p.projectedFinish).toBeNull();
    expect(p.nextMilestones).toEqual([]);
    expect(pacingHeadline(p)).toBe("Finished on 24 Jul 2026 — every milestone done");
    expect(publicPaceHeadline(p)).toBe("Finished on 24 Jul 2026 — every milestone done");
  });

  it("a pause: the line is flat across it and the target date moves by the paused days", () => {
    // Paused from day 50 (24 Feb) to day 60 (6 Mar): [50, 60), 10 days. Today day 70 (16 Mar).
    // a1 done day 10, a2 day 65 → 0.1.
    const p = pace({
      now: noon(START, 70),
      changes: [change("paused", 50), change("resumed", 60)],
      events: [doneOn("a1", 10), doneOn("a2", 65)],
    });
    expect(p.paused).toBe(false);
    // 365 + 10 = day 375 = 15 Jan 2027; the limit doesn't move.
    expect(p.targetDate).toBe("2027-01-15");
    expect(p.limitDate).toBe("2027-07-05");
    // Active days before day d: d up to 50, 50 through 60, d − 10 after.
    // Window ends move by 10: 59 → 69, 120 → 130, 243 → 253, 365 → 375; the line is 50/590 from 50 to 60.
    expect(points(p)).toEqual([
      [0, "2026-01-05", 0],
      [50, "2026-02-24", r9(50 / 590)],
      [60, "2026-03-06", r9(50 / 590)],
      [69, "2026-03-15", 0.1],
      [130, "2026-05-15", 0.3],
      [253, "2026-09-15", 0.6],
      [375, "2027-01-15", 1],
    ]);
    // Day 70 is active day 60: 0.1 + 0.2·1/61.
    expect(p.planned.share).toBeCloseTo(0.1 + 0.2 / 61, 12);
    // 0.1 is reached on day 69 (active day 59) → variance −1; buffer −1.
    expect(p.varianceDays).toBe(-1);
    expect(p.bufferDays).toBe(-1);
    // Trailing: 0.1 − 0.05 over days 43–70, of which 18 active → 0.05·7/18 per week;
    // 0.9·7·18/0.35 = 324 days → day 394 = 3 Feb 2027, after the target (15 Jan 2027) → at risk.
    expect(p.velocity?.basis).toBe("trailing");
    expect(p.velocity?.sharePerWeek).toBeCloseTo(0.35 / 18, 12);
    expect(p.projectedFinish).toBe("2027-02-03");
    expect(p.status).toBe("at_risk");
    // Issue 14: "At risk" said only "1 day behind"; the verdict says why.
    expect(pacingHeadline(p)).toBe("At this pace you finish 3 Feb 2027, after your target of 15 Jan 2027");
  });

  it("a pause still running counts up to today, as if resumed now", () => {
    // Paused on day 30, still paused on day 45 (19 Feb): paused days 30–45, 16 of them.
    const p = pace({
      status: "paused",
      now: noon(START, 45),
      changes: [change("paused", 30)],
      events: [doneOn("a1", 20), doneOn("a2", 20)],
    });
    expect(p.paused).toBe(true);
    // 365 + 16 = day 381 = 21 Jan 2027.
    expect(p.targetDate).toBe("2027-01-21");
    expect(p.planned.share).toBeCloseTo((0.1 * 30) / 59, 12);
    // Window ends +16: 59 → 75, 120 → 136, 243 → 259, 365 → 381; flat from day 30 to day 46.
    expect(points(p)).toEqual([
      [0, "2026-01-05", 0],
      [30, "2026-02-04", r9(3 / 59)],
      [46, "2026-02-20", r9(3 / 59)],
      [75, "2026-03-21", 0.1],
      [136, "2026-05-21", 0.3],
      [259, "2026-09-21", 0.6],
      [381, "2027-01-21", 1],
    ]);
    // 0.1 is reached on day 75: +30, and the buffer too.
    expect(p.varianceDays).toBe(30);
    expect(p.bufferDays).toBe(30);
    // Trailing days 18–45, active 18–29 = 12 days, gain 0.1 → 0.7/12 per week; 0.9·7·12/0.7 = 108 → day 153 = 7 Jun 2026.
    expect(p.velocity?.sharePerWeek).toBeCloseTo(0.7 / 12, 12);
    expect(p.projectedFinish).toBe("2026-06-07");
    // Issue 14: paused is its own verdict, not "on track" beside a "Paused" chip.
    expect(p.status).toBe("paused");
  });

  it("a replan starts a new line from the actual share and keeps the old one as superseded", () => {
    // Behind on day 100 (0.15, as above), the user replans from 12 to 18 months on that day.
    const p = pace({
      now: new Date(noon(START, 100).getTime() + 6 * 3_600_000),
      changes: [change("replanned", 100, 18)],
      events: [doneOn("a1", 30), doneOn("b1", 85)],
    });
    expect(p.plans).toHaveLength(2);
    expect(p.plans[0]).toMatchObject({ targetMonths: 12, fromDate: "2026-01-05", endDate: "2027-01-05", superseded: true });
    expect(points(p, 0)).toEqual(PLAN_12);
    expect(p.plans[1]).toMatchObject({ targetMonths: 18, fromDate: "2026-04-15", endDate: "2027-07-05", superseded: false });
    // The 18-month base: windows end on days 90, 181, 365, 546; on day 100 it is 0.1 + 0.2·10/91 = 111/910.
    // From day 100 the new line is 0.15 + 0.85·(base − 111/910)/(1 − 111/910).
    const b = 111 / 910;
    const after = (base: number) => r9(0.15 + (0.85 * (base - b)) / (1 - b));
    expect(points(p, 1)).toEqual([
      [100, "2026-04-15", 0.15],
      [181, "2026-07-05", after(0.3)],
      [365, "2027-01-05", after(0.6)],
      [546, "2027-07-05", 1],
    ]);
    expect(p.targetDate).toBe("2027-07-05");
    expect(p.planned.share).toBeCloseTo(0.15, 12);
    // Right after replanning the user is exactly on the new line.
    expect(p.varianceDays).toBe(0);
    expect(p.bufferDays).toBe(0);
    // Same velocity as before the replan: 0.025/week → 9 Dec 2026, well before the new target.
    expect(p.projectedFinish).toBe("2026-12-09");
    // Issue 14: the day of a replan is "just replanned", not judged yet.
    expect(p.status).toBe("just_started");
    expect(p.verdict.rule).toBe("just_replanned");
    expect(p.actual.share).toBe(0.15);
  });

  it("after a replan, variance is measured against the new line", () => {
    // As above, then c1 done on day 150 (0.25); today day 181 (5 Jul 2026), the new line's phase-2 end.
    const p = pace({
      now: noon(START, 181),
      changes: [change("replanned", 100, 18)],
      events: [doneOn("a1", 30), doneOn("b1", 85), doneOn("c1", 150)],
    });
    const b = 111 / 910;
    expect(p.planned.share).toBeCloseTo(0.15 + (0.85 * (0.3 - b)) / (1 - b), 12);
    // New line ≥ 0.25 ⇔ 0.85·(0.2·(d−100)/91)/(1 − b) ≥ 0.1 ⇔ 0.2·(d−100)/91 ≥ (2/17)·(799/910) = 47/455
    // ⇔ d − 100 ≥ 47 → day 147, on the line exactly: variance and buffer both 147 − 181 = −34.
    expect(p.varianceDays).toBe(-34);
    expect(p.bufferDays).toBe(-34);
    expect(p.status).toBe("off_track");
  });

  it("a skipped milestone leaves both the numerator and the denominator, and the phase weights change", () => {
    // c2 (20 h) skipped: 80 counted hours; weights 10/80, 20/80, 10/80, 40/80 = 0.125, 0.25, 0.125, 0.5.
    // a1+a2 done day 10, b1 day 30, c2 skipped day 40; today day 59 (5 Mar).
    const p = pace({
      now: noon(START, 59),
      events: [doneOn("a1", 10), doneOn("a2", 10), doneOn("b1", 30), event("c2", "skipped", noon(START, 40))],
    });
    expect(p.actual).toEqual({ share: 0.25, doneWeight: 20, totalWeight: 80 });
    expect(points(p)).toEqual([
      [0, "2026-01-05", 0],
      [59, "2026-03-05", 0.125],
      [120, "2026-05-05", 0.375],
      [243, "2026-09-05", 0.5],
      [365, "2027-01-05", 1],
    ]);
    expect(p.planned.share).toBeCloseTo(0.125, 12);
    // 0.125 + 0.25·(d−59)/61 ≥ 0.25 ⇔ d − 59 ≥ 30.5 → day 90: +31; last day ≤ 0.25 is 89: +30.
    expect(p.varianceDays).toBe(31);
    expect(p.bufferDays).toBe(30);
    // History is recomputed on the 80-hour basis.
    expect(p.actualSeries.map((pt) => [pt.day, pt.share])).toEqual([
      [0, 0],
      [10, 0.125],
      [30, 0.25],
      [59, 0.25],
    ]);
    // Since start (nothing in days 32–59): 0.25 over 60 days → 1.75/60 per week; 0.75·7·60/1.75 = 180 → day 239 = 1 Sep 2026.
    expect(p.velocity?.basis).toBe("since_start");
    expect(p.velocity?.sharePerWeek).toBeCloseTo(1.75 / 60, 12);
    expect(p.velocity?.hoursPerWeek).toBeCloseTo(140 / 60, 12);
    expect(p.projectedFinish).toBe("2026-09-01");
    expect(p.nextMilestones.map((m) => m.id)).toEqual(["m-b2", "m-c1", "m-d1"]);
    expect(p.status).toBe("on_track");
  });

  it("skipping counts by the current status, throughout history; un-skipping counts it again", () => {
    // c2 done on day 5, skipped on day 40: it never counted, not even on days 5–39.
    const skipped = pace({
      now: noon(START, 50),
      events: [event("c2", "done", noon(START, 5)), doneOn("a1", 10), event("c2", "skipped", noon(START, 40))],
    });
    expect(skipped.actual).toEqual({ share: 5 / 80, doneWeight: 5, totalWeight: 80 });
    expect(skipped.actualSeries.filter((pt) => pt.day < 10).every((pt) => pt.share === 0)).toBe(true);
    expect(skipped.actualSeries.filter((pt) => pt.day >= 10).every((pt) => pt.share === 5 / 80)).toBe(true);
    // Skipped on day 40, back to not started on day 45: 100 hours again; a1's 5 h is 0.05 from day 10.
    const unskipped = pace({
      now: noon(START, 50),
      events: [doneOn("a1", 10), event("c2", "skipped", noon(START, 40)), event("c2", "not_started", noon(START, 45))],
    });
    expect(unskipped.actual).toEqual({ share: 0.05, doneWeight: 5, totalWeight: 100 });
    expect(unskipped.actualSeries.map((pt) => [pt.day, pt.share])).toEqual([
      [0, 0],
      [10, 0.05],
      [50, 0.05],
    ]);
  });

  it("status thresholds: behind by 7 is on track, by 8 at risk, by 28 at risk, by 29 off track", () => {
    // Nothing done: the line is 0 only on day 0, so the variance is −today; no velocity, so no projection.
    const on = (day: number) => pace({ now: noon(START, day) });
    expect([on(7).varianceDays, on(7).status]).toEqual([-7, "on_track"]);
    expect([on(8).varianceDays, on(8).status]).toEqual([-8, "at_risk"]);
    expect([on(28).varianceDays, on(28).status]).toEqual([-28, "at_risk"]);
    expect([on(29).varianceDays, on(29).status]).toEqual([-29, "off_track"]);
    // Velocity needs 7 active days: day 5 is the 6th, day 6 the 7th (today counts).
    expect(pace({ now: noon(START, 5), events: [doneOn("a1", 1)] }).velocity).toBeNull();
    expect(pace({ now: noon(START, 6), events: [doneOn("a1", 1)] }).velocity?.sharePerWeek).toBeCloseTo(0.05, 12);
  });

  it("an untick lowers the actual line; on the line but off track when the pace misses the limit", () => {
    // a1, a2 done day 10 (0.1); a2 unticked day 20 (0.05); today day 30 (4 Feb).
    const p = pace({ now: noon(START, 30), events: [doneOn("a1", 10), doneOn("a2", 10), event("a2", "not_started", noon(START, 20))] });
    expect(p.actual.share).toBe(0.05);
    expect(p.actualSeries.map((pt) => [pt.day, pt.share])).toEqual([
      [0, 0],
      [10, 0.1],
      [20, 0.05],
      [30, 0.05],
    ]);
    expect(p.activity).toEqual([{ date: "2026-01-15", count: 2 }]);
    // 0.1·d/59 ≥ 0.05 ⇔ d ≥ 29.5 → day 30: variance 0; day 29 (0.0492) is the last ≤ 0.05: buffer −1.
    expect(p.varianceDays).toBe(0);
    expect(p.bufferDays).toBe(-1);
    // Trailing (days 3–30): 0.05 − 0 over 28 days → 0.0125/week; 0.95·7/0.0125 = 532 → day 562 = 21 Jul 2027,
    // past the limit (5 Jul 2027, day 546) → off track although on the line.
    expect(p.velocity?.basis).toBe("trailing");
    expect(p.velocity?.sharePerWeek).toBeCloseTo(0.0125, 12);
    expect(p.projectedFinish).toBe("2027-07-21");
    expect(p.status).toBe("off_track");
    // Issue 14: "Off track" said "On plan"; the verdict says the 18-month line is what is missed.
    expect(pacingHeadline(p)).toBe("At this pace you finish 21 Jul 2027, after the 18-month line (5 Jul 2027)");
  });

  it("a milestone timed from the feature launch: unknown until launch, then launch + its days", () => {
    // d1 is the launch skill; d2 needs 250 days after the launch.
    const roadmap = makeRoadmap({
      d1: { skillSlug: "ship-feature-at-work" },
      d2: { minDurationDays: 250, durationAnchor: "feature_launch" },
    });
    // Not launched, as in "ahead" (by pace day 303): at best today + 250 = day 340 = 11 Dec 2026.
    const before = pace({
      roadmap,
      now: noon(START, 90),
      events: [doneOn("a1", 10), doneOn("a2", 20), doneOn("b1", 40), doneOn("b2", 60)],
    });
    expect(before.waiting).toEqual([{ id: "m-d2", title: "Milestone d2", availableFrom: null }]);
    expect(before.projectedFinish).toBe("2026-12-11");
    expect(before.earliestFinish).toBe("2026-12-11");
    // Launched on day 60: actual 5+5+10+20 = 0.4; since start 0.4·7/91 per week → 0.6·7·91/2.8 = 136.5 → 137 → day 227;
    // d2 from day 60 + 250 = 310 = 11 Nov 2026, later → held back to it.
    const after = pace({ roadmap, now: noon(START, 90), events: [doneOn("a1", 10), doneOn("a2", 20), doneOn("b1", 40), doneOn("d1", 60)] });
    expect(after.actual.share).toBe(0.4);
    expect(after.waiting).toEqual([{ id: "m-d2", title: "Milestone d2", availableFrom: "2026-11-11" }]);
    expect(after.velocity?.sharePerWeek).toBeCloseTo(2.8 / 91, 12);
    expect(after.projectedFinish).toBe("2026-11-11");
    expect(after.earliestFinish).toBe("2026-11-11");
    // 0.3 + 0.3·(d−120)/123 ≥ 0.4 ⇔ d − 120 ≥ 41 → day 161: +71 both.
    expect(after.varianceDays).toBe(71);
    expect(after.bufferDays).toBe(71);
  });

  it("the shipped-feature record's date is the launch anchor, over the ship tick's day, and may precede the start", () => {
    const roadmap = makeRoadmap({
      d1: { skillSlug: "ship-feature-at-work" },
      d2: { minDurationDays: 250, durationAnchor: "feature_launch" },
    });
    const events = [doneOn("a1", 10), doneOn("a2", 20), doneOn("b1", 40), doneOn("d1", 60)];
    // Ticked on day 60, but the record says it launched on day 30 (4 Feb 2026): 30 + 250 = day 280 = 12 Oct 2026.
    const fromRecord = pace({ roadmap, now: noon(START, 90), events, featureLaunch: "2026-02-04" });
    expect(fromRecord.waiting).toEqual([{ id: "m-d2", title: "Milestone d2", availableFrom: "2026-10-12" }]);
    expect(fromRecord.earliestFinish).toBe("2026-10-12");
    // With a record and no ship tick at all, the record still anchors it.
    const noTick = pace({ roadmap, now: noon(START, 90), events: events.slice(0, 3), featureLaunch: "2026-02-04" });
    expect(noTick.waiting).toEqual([{ id: "m-d2", title: "Milestone d2", availableFrom: "2026-10-12" }]);
    // Launched 20 days before the plan began (16 Dec 2025): 250 days later is 23 Aug 2026, not start + 250.
    const early = pace({ roadmap, now: noon(START, 90), events, featureLaunch: "2025-12-16" });
    expect(early.waiting).toEqual([{ id: "m-d2", title: "Milestone d2", availableFrom: "2026-08-23" }]);
  });

  it("finishedOn is the day the counted share reached 1, not a later skip of an already-done milestone", () => {
    // Everything done as in "done early" (d1 on day 170, d2 on day 200), then d2 skipped on day 205.
    // d2 is out of numerator and denominator throughout: 80 counted hours, all done from day 170 (24 Jun 2026).
    const p = pace({
      now: noon(START, 210),
      events: [
        doneOn("a1", 10),
        doneOn("a2", 20),
        doneOn("b1", 40),
        doneOn("b2", 60),
        doneOn("c1", 100),
        doneOn("c2", 130),
        doneOn("d1", 170),
        doneOn("d2", 200),
        event("d2", "skipped", noon(START, 205)),
      ],
    });
    expect(p.status).toBe("done");
    expect(p.actual).toEqual({ share: 1, doneWeight: 80, totalWeight: 80 });
    expect(p.actualSeries.find((pt) => pt.share === 1)?.date).toBe("2026-06-24");
    expect(p.finishedOn).toBe("2026-06-24");
  });

  it("everything skipped: nothing left to do is finished, and the plan line still ends at 100%", () => {
    const skills = ["a1", "a2", "b1", "b2", "c1", "c2", "d1", "d2"];
    const p = pace({ now: noon(START, 10), events: skills.map((k) => event(k, "skipped", noon(START, 1))) });
    expect(p.status).toBe("done");
    expect(p.actual).toEqual({ share: 1, doneWeight: 0, totalWeight: 0 });
    expect(p.plans[0]?.points.at(-1)?.share).toBe(1);
  });

  describe("targets and dates", () => {
    const at = (target: number, start = START) => pace({ start, target, now: noon(start, 0) });

    it("6 months: windows 0–1, 1–2, 2–4, 4–6 months", () => {
      // +1 = 5 Feb (31), +2 = 5 Mar (59), +4 = 5 May (120), +6 = 5 Jul (120 + 31 + 30 = 181).
      const p = at(6);
      expect(p.targetDate).toBe("2026-07-05");
      expect(p.limitDate).toBe("2027-07-05");
      expect(points(p)).toEqual([
        [0, "2026-01-05", 0],
        [31, "2026-02-05", 0.1],
        [59, "2026-03-05", 0.3],
        [120, "2026-05-05", 0.6],
        [181, "2026-07-05", 1],
      ]);
      expect(p.nextMilestones.map((m) => m.dueDate)).toEqual(["2026-02-05", "2026-02-05", "2026-03-05"]);
    });

    it("9 months: a fractional window end (1.5 months)", () => {
      // 1.5 → 5 Feb + 0.5·28 = 19 Feb (45); 3 → 5 Apr (90); 6 → 5 Jul (181); 9 → 5 Oct (181 + 31 + 31 + 30 = 273).
      const p = at(9);
      expect(p.targetDate).toBe("2026-10-05");
      expect(points(p)).toEqual([
        [0, "2026-01-05", 0],
        [45, "2026-02-19", 0.1],
        [90, "2026-04-05", 0.3],
        [181, "2026-07-05", 0.6],
        [273, "2026-10-05", 1],
      ]);
    });

    it("12 months", () => {
      const p = at(12);
      expect(p.targetDate).toBe("2027-01-05");
      expect(points(p)).toEqual(PLAN_12);
      expect(p.nextMilestones.map((m) => m.dueDate)).toEqual(["2026-03-05", "2026-03-05", "2026-05-05"]);
    });

    it("18 months: the canonical windows", () => {
      // +3 = 5 Apr (90), +6 = 5 Jul (181), +12 = 5 Jan 2027 (365), +18 = 5 Jul 2027 (365 + 181 = 546).
      const p = at(18);
      expect(p.targetDate).toBe("2027-07-05");
      expect(points(p)).toEqual([
        [0, "2026-01-05", 0],
        [90, "2026-04-05", 0.1],
        [181, "2026-07-05", 0.3],
        [365, "2027-01-05", 0.6],
        [546, "2027-07-05", 1],
      ]);
    });

    it("a start on 29 Feb 2028 clamps to month ends", () => {
      const twelve = at(12, "2028-02-29");
      // +2 = 29 Apr (60), +4 = 29 Jun (60 + 30 + 31 = 121), +8 = 29 Oct (121 + 30 + 31 + 31 + 30 = 243),
      // +12 = 28 Feb 2029 (365 days: 2028-02-29 → 2029-02-28).
      expect(twelve.targetDate).toBe("2029-02-28");
      expect(twelve.limitDate).toBe("2029-08-29");
      expect(points(twelve)).toEqual([
        [0, "2028-02-29", 0],
        [60, "2028-04-29", 0.1],
        [121, "2028-06-29", 0.3],
        [243, "2028-10-29", 0.6],
        [365, "2029-02-28", 1],
      ]);
      const eighteen = at(18, "2028-02-29");
      // +3 = 29 May (29 + 31 + 30 = 90), +6 = 29 Aug (90 + 31 + 30 + 31 = 182), +12 = 28 Feb 2029 (365), +18 = 29 Aug 2029 (365 + 182 = 547).
      expect(eighteen.targetDate).toBe("2029-08-29");
      expect(points(eighteen)).toEqual([
        [0, "2028-02-29", 0],
        [90, "2028-05-29", 0.1],
        [182, "2028-08-29", 0.3],
        [365, "2029-02-28", 0.6],
        [547, "2029-08-29", 1],
      ]);
      const nine = at(9, "2028-02-29");
      // 1.5 → 29 Mar (29) + round(0.5·31) = 16 → 14 Apr (45); 3 → 29 May (90); 6 → 29 Aug (182); 9 → 29 Nov (182 + 31 + 30 + 31 = 274).
      expect(nine.targetDate).toBe("2028-11-29");
      expect(points(nine).map(([day, date]) => [day, date])).toEqual([
        [0, "2028-02-29"],
        [45, "2028-04-14"],
        [90, "2028-05-29"],
        [182, "2028-08-29"],
        [274, "2028-11-29"],
      ]);
    });
  });

  describe("local days and clock changes", () => {
    it("London, spring: a Sunday-evening event in BST is Monday; a Saturday-evening one in GMT is Saturday", () => {
      // Start Mon 23 Mar 2026. a1 at 23:30 UTC Sat 28 Mar = 23:30 GMT Sat (day 5);
      // a2 at 23:30 UTC Sun 29 Mar = 00:30 BST Mon 30 Mar (day 7, though its UTC date is day 6).
      // Now 23:45 UTC Sun 29 Mar = 00:45 BST Mon 30 Mar: day 7.
      const start = "2026-03-23";
      const p = pace({
        start,
        now: new Date("2026-03-29T23:45:00Z"),
        events: [event("a1", "done", new Date("2026-03-28T23:30:00Z")), event("a2", "done", new Date("2026-03-29T23:30:00Z"))],
      });
      expect(p.today).toEqual({ day: 7, date: "2026-03-30" });
      expect(p.activity).toEqual([
        { date: "2026-03-28", count: 1 },
        { date: "2026-03-30", count: 1 },
      ]);
      expect(p.actualSeries.map((pt) => [pt.day, pt.date, pt.share])).toEqual([
        [0, "2026-03-23", 0],
        [5, "2026-03-28", 0.05],
        [7, "2026-03-30", 0.1],
      ]);
      // Phase 1 ends 23 May (31 + 30 = day 61): variance 61 − 7 = 54.
      expect(p.varianceDays).toBe(54);
      expect(p.bufferDays).toBe(54);
      // 8 active days (0–7): 0.1·7/8 per week.
      expect(p.velocity?.sharePerWeek).toBeCloseTo(0.7 / 8, 12);
    });

    it("London, autumn: 23:30 UTC on Saturday 24 Oct and on Sunday 25 Oct are both Sunday", () => {
      // Start Mon 19 Oct 2026. 23:30 UTC Sat 24 Oct = 00:30 BST Sun 25; 23:30 UTC Sun 25 = 23:30 GMT Sun 25.
      const p = pace({
        start: "2026-10-19",
        now: new Date("2026-10-25T23:45:00Z"),
        events: [event("a1", "done", new Date("2026-10-24T23:30:00Z")), event("a2", "done", new Date("2026-10-25T23:30:00Z"))],
      });
      expect(p.today).toEqual({ day: 6, date: "2026-10-25" });
      expect(p.activity).toEqual([{ date: "2026-10-25", count: 2 }]);
      expect(p.actualSeries.map((pt) => [pt.day, pt.share])).toEqual([
        [0, 0],
        [6, 0.1],
      ]);
      // 7 active days: 0.1 per week, 0.9 left → 63 days → day 69 = 27 Dec 2026.
      expect(p.velocity?.sharePerWeek).toBeCloseTo(0.1, 12);
      expect(p.projectedFinish).toBe("2026-12-27");
    });

    it("New York, across the March change: evening events are on the previous local day", () => {
      // Start Mon 2 Mar 2026. a1 at 03:30 UTC 8 Mar = 22:30 EST Sat 7 Mar (day 5);
      // a2 at 03:30 UTC 9 Mar = 23:30 EDT Sun 8 Mar (day 6); now 02:00 UTC 10 Mar = 22:00 EDT Mon 9 Mar (day 7).
      const p = pace({
        start: "2026-03-02",
        zone: "America/New_York",
        enrolledAt: new Date("2026-03-02T17:00:00Z"),
        now: new Date("2026-03-10T02:00:00Z"),
        events: [event("a1", "done", new Date("2026-03-08T03:30:00Z")), event("a2", "done", new Date("2026-03-09T03:30:00Z"))],
      });
      expect(p.today).toEqual({ day: 7, date: "2026-03-09" });
      expect(p.activity).toEqual([
        { date: "2026-03-07", count: 1 },
        { date: "2026-03-08", count: 1 },
      ]);
      // Phase 1 ends 2 May (31 + 30 = day 61): +54.
      expect(p.varianceDays).toBe(54);
      // 8 active days: 0.7/8 per week; 0.9·7·8/0.7 = 72 → day 79 = 20 May 2026.
      expect(p.velocity?.sharePerWeek).toBeCloseTo(0.7 / 8, 12);
      expect(p.projectedFinish).toBe("2026-05-20");
    });

    it("Los Angeles: progress the evening before the start is pre-start and left out of the velocity", () => {
      // Start Mon 2 Nov 2026 (PST, −8, from 09:00 UTC on 1 Nov).
      // a1 at 06:30 UTC 2 Nov = 22:30 PST Sun 1 Nov: before the start (day −1), though its UTC date is the start.
      // a2 at 05:00 UTC 3 Nov = 21:00 PST Mon 2 Nov (day 0); b1 at 07:59 UTC 10 Nov = 23:59 PST Mon 9 Nov (day 7).
      // Now 06:00 UTC 13 Nov = 22:00 PST Thu 12 Nov (day 10).
      const p = pace({
        start: "2026-11-02",
        zone: "America/Los_Angeles",
        enrolledAt: new Date("2026-11-01T20:00:00Z"),
        now: new Date("2026-11-13T06:00:00Z"),
        events: [
          event("a1", "done", new Date("2026-11-02T06:30:00Z")),
          event("a2", "done", new Date("2026-11-03T05:00:00Z")),
          event("b1", "done", new Date("2026-11-10T07:59:00Z")),
        ],
      });
      expect(p.today).toEqual({ day: 10, date: "2026-11-12" });
      expect(p.actual.share).toBe(0.2);
      expect(p.activity).toEqual([
        { date: "2026-11-02", count: 1 },
        { date: "2026-11-09", count: 1 },
      ]);
      expect(p.actualSeries.map((pt) => [pt.day, pt.share])).toEqual([
        [0, 0.1],
        [7, 0.2],
        [10, 0.2],
      ]);
      // Since start: 0.2 − 0.05 (day −1) = 0.15 over 11 days → 1.05/11 per week, 15·7/11 h/week.
      expect(p.velocity?.basis).toBe("since_start");
      expect(p.velocity?.sharePerWeek).toBeCloseTo(1.05 / 11, 12);
      expect(p.velocity?.hoursPerWeek).toBeCloseTo(105 / 11, 12);
      // 0.8·7·11/1.05 = 58.67 → 59 → day 69 = 10 Jan 2027.
      expect(p.projectedFinish).toBe("2027-01-10");
      // Windows from 2 Nov: +2 = 2 Jan (61), +4 = 2 Mar (120). 0.1 + 0.2·(d−61)/59 ≥ 0.2 ⇔ d − 61 ≥ 29.5 → day 91: +81.
      expect(p.varianceDays).toBe(81);
      expect(p.targetDate).toBe("2027-11-02");
    });
  });
});

describe("progressFromEvents (what the database's done-flips trigger keeps)", () => {
  it("keeps the status after the log and the instants done-ness changed, note-only and not-done moves left out", () => {
    const t = (day: number) => noon(START, day);
    const rows = progressFromEvents([
      event("a1", "in_progress", t(0)),
      event("a1", "done", t(1)),
      event("b1", "done", t(1)),
      event("a1", "done", t(2)),
      event("a1", "not_started", t(3)),
      event("b1", "skipped", t(4)),
      event("a1", "done", t(5)),
      event("c1", "in_progress", t(6)),
    ]);
    expect(rows).toEqual([
      { skillId: "skill-a1", status: "done", doneFlips: [t(1), t(3), t(5)].map((d) => d.getTime()) },
      { skillId: "skill-b1", status: "skipped", doneFlips: [t(1), t(4)].map((d) => d.getTime()) },
      { skillId: "skill-c1", status: "in_progress", doneFlips: [] },
    ]);
  });
});
