// One verdict across surfaces, against the running app and the real database: users in several rule
// states, and for each the status and headline from the dashboard's data (GET …/pacing), the /checkin
// page, the composed weekly email (subject, text and HTML) and the public page must be the same.
import { beforeAll, describe, expect, it } from "vitest";
import type { Pacing } from "../../lib/pacing";
import { expectOk } from "../support/api";
import { call, createUser, seedHistory, send, testDb, type TestUser } from "../support/factories";
import { pointLibAtTestDatabase } from "../support/test-lib";
import { localDaysAgo } from "../support/dates";
import { isoWeekOf } from "../../lib/calendar/iso-weeks";

let lib: {
  load: typeof import("../../lib/digest/load");
  compose: typeof import("../../lib/digest/compose");
  deliver: typeof import("../../lib/digest/deliver");
};

beforeAll(async () => {
  pointLibAtTestDatabase();
  lib = {
    load: await import("../../lib/digest/load"),
    compose: await import("../../lib/digest/compose"),
    deliver: await import("../../lib/digest/deliver"),
  };
});

/** The London date `days` before now, "YYYY-MM-DD". */
const londonDaysAgo = (days: number) => localDaysAgo(days);

/** As React escapes text into HTML. */
const inHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const inEmailHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const PHASE_ONE = [
  "gradient-descent-intuition",
  "loss-function-choice",
  "evaluation-metric-choice",
  "bias-variance-in-practice",
  "pytorch-fluency",
];

interface State {
  name: string;
  rule: string;
  make: (user: TestUser) => Promise<void>;
}

const hours = (userId: string, weeklyHours: number) => testDb().enrollment.updateMany({ where: { userId }, data: { weeklyHours } });

const STATES: State[] = [
  {
    name: "day 0",
    rule: "just_started",
    make: async (u) => {
      await seedHistory(u.id, { start: londonDaysAgo(0), targetMonths: 12, ticks: [] });
      await hours(u.id, 40);
    },
  },
  {
    name: "paused",
    rule: "paused",
    make: async (u) => {
      await seedHistory(u.id, {
        start: londonDaysAgo(40),
        targetMonths: 12,
        ticks: [{ skill: PHASE_ONE[0]!, day: 5 }],
        changes: [{ kind: "paused", day: 30 }],
      });
      await hours(u.id, 40);
    },
  },
  {
    name: "just replanned",
    rule: "just_replanned",
    make: async (u) => {
      await seedHistory(u.id, {
        start: londonDaysAgo(100),
        targetMonths: 6,
        ticks: PHASE_ONE.map((skill, i) => ({ skill, day: 10 + i })),
        changes: [{ kind: "replanned", day: 100, toTargetMonths: 14 }],
      });
      await hours(u.id, 40);
    },
  },
  {
    // Far behind a 6-month plan with nothing done for 90 days: the projection passes the 18-month line.
    name: "past the 18-month line",
    rule: "past_limit",
    make: async (u) => {
      await seedHistory(u.id, { start: londonDaysAgo(100), targetMonths: 6, ticks: [{ skill: PHASE_ONE[0]!, day: 3 }] });
      await hours(u.id, 40);
    },
  },
  {
    // 8 h a week on a 12-month plan whose first phase asks about 27.
    name: "budget too small",
    rule: "budget_too_small",
    make: async (u) => {
      await seedHistory(u.id, {
        start: londonDaysAgo(10),
        targetMonths: 12,
        ticks: [
          { skill: PHASE_ONE[0]!, day: 1 },
          { skill: PHASE_ONE[1]!, day: 2 },
          { skill: PHASE_ONE[2]!, day: 3 },
        ],
      });
      await hours(u.id, 8);
    },
  },
];

describe("one verdict on the dashboard, /checkin, the weekly email and the public page", () => {
  it.each(STATES)("$name", async ({ rule, make }) => {
    const user = await createUser("verdict");
    await make(user);
    const enrollment = await testDb().enrollment.findFirstOrThrow({ where: { userId: user.id } });

    // The dashboard's data.
    const paced = await call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user });
    expectOk(paced);
    const { pacing, headline } = paced.json as { pacing: Pacing; headline: string };
    expect(pacing.verdict.rule).toBe(rule);
    expect(headline).toBe(pacing.verdict.headline);
    expect(pacing.status).toBe(pacing.verdict.status);

    // /checkin, server-rendered.
    const checkin = await send("/checkin", { headers: { cookie: user.cookie } });
    expect(checkin.status).toBe(200);
    // React separates adjacent text with <!-- --> in server-rendered HTML.
    expect(checkin.text.replaceAll("<!-- -->", "")).toContain(`${inHtml(pacing.verdict.label)}:</span> ${inHtml(pacing.verdict.headline)}`);

    // The weekly email, composed from the digest's own load (not getPacing).
    const at = new Date();
    const inputs = await lib.load.loadDigestInputs(
      [{ userId: user.id, week: isoWeekOf(at, enrollment.timezone), at }],
      (id) => lib.deliver.digestLinks(id),
      { evenIfOff: true },
    );
    const input = inputs.get(user.id)!;
    expect(input.pace.verdict).toEqual(pacing.verdict);
    const email = lib.compose.composeDigest(input);
    expect(email.text).toContain(` · ${pacing.verdict.label} · `);
    expect(email.text.replace(/\s+/g, " ")).toContain(pacing.verdict.headline);
    expect(email.html).toContain(`${inEmailHtml(pacing.verdict.headline)}</p>`);
    // The subjects that speak of pace use the verdict's own phrase; a first week's, a quiet week's,
    // a finished or upcoming plan's say something else (which of them is a matter of the date).
    if (["ahead", "behind", "on_plan"].includes(lib.compose.digestKind(input))) expect(email.subject).toContain(pacing.verdict.phrase);

    // The public page.
    const on = await call("POST", "/api/me/public-page", { user });
    expectOk(on, 201);
    const page = await send((on.json as { path: string }).path);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-status="${pacing.verdict.status}"`);
    const html = page.text.replaceAll("<!-- -->", "");
    expect(html).toContain(`>${inHtml(pacing.verdict.label)}</span>`);
    expect(html).toContain(inHtml(pacing.verdict.publicHeadline));
  });
});
