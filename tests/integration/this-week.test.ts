// This week's plan across surfaces, against the running app and the real database: the dashboard's
// data (GET …/pacing, and the server-rendered /dashboard), the /checkin page and the composed weekly
// email list the same milestones with the same hours, counting the hours check-ins logged.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Pacing } from "../../lib/pacing";
import { itemHoursText } from "../../lib/pacing/this-week-text";
import { expectOk } from "../support/api";
import { call, createUser, seedHistory, send, testDb } from "../support/factories";
import { pointLibAtTestDatabase } from "../support/test-lib";
import { localDaysAgo, shiftLocalDays } from "../support/dates";

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

const londonDaysAgo = (days: number) => localDaysAgo(days);

/** As React escapes text into HTML, with its <!-- --> separators between adjacent texts removed. */
const inHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const page = (text: string) => text.replaceAll("<!-- -->", "");

async function milestoneOf(skill: string) {
  return testDb().milestone.findFirstOrThrow({ where: { roadmap: { slug: "swe-to-mle" }, skill: { slug: skill }, retiredAt: null } });
}

describe("this week's plan on the dashboard, /checkin and the weekly email", () => {
  it("lists the same milestones and hours everywhere, with this week's check-in hours counted", async () => {
    const user = await createUser("this-week");
    // 40 days into a 12-month plan at 8 h a week: gradient descent done, bias–variance in progress.
    const enrollment = await seedHistory(user.id, {
      start: londonDaysAgo(40),
      targetMonths: 12,
      ticks: [
        { skill: "gradient-descent-intuition", day: 3 },
        { skill: "bias-variance-in-practice", day: 20, status: "in_progress" },
      ],
    });
    const biasVariance = await milestoneOf("bias-variance-in-practice"); // 8 h
    const lossChoice = await milestoneOf("loss-function-choice"); // 8 h
    const checkIn = (hours: number, workedOnIds: string[], madeAt?: Date) =>
      call("POST", "/api/checkins", {
        user,
        body: {
          enrollmentId: enrollment.id,
          hours,
          confidence: 3,
          workedOnIds,
          idempotencyKey: randomUUID(),
          ...(madeAt ? { madeAt: madeAt.toISOString() } : {}),
        },
      });
    // Eight days back is always an earlier ISO week: its 3 h count against the estimate, not this week.
    expectOk(await checkIn(3, [biasVariance.id], shiftLocalDays(new Date(), -8)), 201);
    // This week: 2 h shared between the two.
    expectOk(await checkIn(2, [biasVariance.id, lossChoice.id]), 201);

    const paced = await call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user });
    expectOk(paced);
    const plan = (paced.json as { pacing: Pacing }).pacing.thisWeek;
    expect([plan.state, plan.budgetHours, plan.loggedHours, plan.leftHours]).toEqual(["active", 8, 2, 6]);
    // In progress first (4 of 8 h logged), then the next in planned order (1 of 8 logged), split.
    expect(plan.items.map((i) => [i.id, i.inProgress, i.hours, i.remainingHours])).toEqual([
      [biasVariance.id, true, 4, 4],
      [lossChoice.id, false, 2, 7],
    ]);

    const surfaces = {
      dashboard: page((await send("/dashboard", { headers: { cookie: user.cookie } })).text),
      checkin: page((await send("/checkin", { headers: { cookie: user.cookie } })).text),
    };
    for (const [name, html] of Object.entries(surfaces)) {
      expect(html, name).toContain(">This week</h2>");
      expect(html, name).toContain(">2 of 8 hours done this week</p>");
      for (const item of plan.items) expect(html, name).toContain(`${inHtml(item.title)}</span>`);
      expect(html, name).toContain(">4 h</span>");
      expect(html, name).toContain(">2 of its 7 h this week</span>");
      // The worked-on chips on /checkin are the week's milestones.
      if (name === "checkin") for (const item of plan.items) expect(html).toContain(`data-worked-on="${item.id}"`);
    }

    // The weekly email, composed from the digest's own batch load (not getPacing).
    const inputs = await lib.load.loadDigestInputs(
      [{ userId: user.id, week: plan.week, at: new Date() }],
      (id) => lib.deliver.digestLinks(id),
      { evenIfOff: true },
    );
    const input = inputs.get(user.id)!;
    expect(input.thisWeek).toEqual(plan);
    const email = lib.compose.composeDigest(input);
    const text = email.text.replace(/\s+/g, " ");
    expect(text).toContain("This week 2 of 8 hours done this week.");
    for (const item of plan.items) expect(text).toContain(`- ${item.title} (${itemHoursText(item)})`);
    expect(email.html).toContain(">2 of 8 hours done this week.</p>");
    expect(email.html).toContain("· 2 of its 7 h this week</span>");
  });
});
