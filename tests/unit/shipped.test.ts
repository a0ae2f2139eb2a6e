import { describe, expect, it } from "vitest";
import { checkCompletion } from "../../lib/pacing/rules";
import { draftCvBullets, outcomeChange, upkeepDuration } from "../../lib/shipped/cv-bullets";
import {
  countdownText,
  credibilityChecklist,
  maintenanceClock,
  maintenanceClockStart,
  maintenanceTick,
  maintenanceTickDue,
  missingForCredibility,
  type ShippedRecord,
} from "../../lib/shipped/rules";
import { shippedFeatureSchema } from "../../lib/validation/shipped";

const LONDON = "Europe/London";
/** Noon in London on the given day. */
const noon = (iso: string) => new Date(`${iso}T12:00:00Z`);

const classifier: ShippedRecord = {
  title: "customer-support ticket classifier",
  problem: "Agents sorted every incoming ticket by hand.",
  model: "DistilBERT, fine-tuned",
  approach: null,
  launchDate: "2026-03-02",
  evalUrl: "https://wiki.example.com/eval",
  monitoringUrl: "https://grafana.example.com/d/triage",
  outcomeMetric: "manual triage",
  outcomeBefore: 100,
  outcomeAfter: 33,
  outcomeUnit: "%",
  outcomeVolume: "8,000 tickets a week",
  incidents: [
    {
      occurredOn: "2026-04-10",
      whatHappened: "Accuracy dropped after a product launch changed ticket wording",
      whatChanged: "retrained on fresh data and added a weekly drift check.",
      featureWasOff: false,
    },
  ],
};

const anomaly: ShippedRecord = {
  title: "payments anomaly detector",
  problem: "Fraud was found days late.",
  model: "isolation forest",
  approach: "Batch scoring every 15 minutes",
  launchDate: "2026-05-01",
  evalUrl: null,
  monitoringUrl: "https://grafana.example.com/d/anomaly",
  outcomeMetric: "time to flag a fraudulent payment",
  outcomeBefore: 72,
  outcomeAfter: 0.5,
  outcomeUnit: "hours",
  outcomeVolume: "1.2 million payments a month",
  incidents: [
    { occurredOn: "2026-05-20", whatHappened: "Alert storm on a bank holiday", whatChanged: "Seasonal baselines", featureWasOff: false },
    {
      occurredOn: "2026-06-15",
      whatHappened: "Feature store outage stopped scoring for two days",
      whatChanged: "A fallback to the last good features;",
      featureWasOff: true,
    },
  ],
};

const docsBot: ShippedRecord = {
  title: "internal documentation chatbot",
  problem: "Engineers could not find runbooks.",
  model: "Llama 3.1 8B with retrieval",
  approach: null,
  launchDate: "2026-06-20",
  evalUrl: null,
  monitoringUrl: null,
  outcomeMetric: null,
  outcomeBefore: null,
  outcomeAfter: null,
  outcomeUnit: null,
  outcomeVolume: null,
  incidents: [],
};

describe("draftCvBullets", () => {
  it("a complete record: verb, what, the measured change and the scale, for both audiences", () => {
    expect(draftCvBullets(classifier, "ml", "2026-09-01")).toEqual([
      "Shipped customer-support ticket classifier (DistilBERT, fine-tuned) to production, reducing manual triage by 67% (from 100% to 33%) across 8,000 tickets a week.",
      "Owned the model in production for 6 months with a documented eval methodology and post-launch drift and quality monitoring, handling 1 production incident.",
      "Handled a model incident in production: Accuracy dropped after a product launch changed ticket wording. Fix: retrained on fresh data and added a weekly drift check.",
    ]);
    expect(draftCvBullets(classifier, "swe", "2026-09-01")).toEqual([
      "Built and launched customer-support ticket classifier as a production service, reducing manual triage by 67% (from 100% to 33%) across 8,000 tickets a week.",
      "Operated the service for 6 months with dashboards and alerting, resolving 1 production incident.",
      "Resolved a production incident: Accuracy dropped after a product launch changed ticket wording. Follow-up: retrained on fresh data and added a weekly drift check.",
    ]);
  });

  it("units with a space, several incidents, the latest one told, its trailing punctuation tidied", () => {
    expect(draftCvBullets(anomaly, "ml", "2026-07-10")).toEqual([
      "Shipped payments anomaly detector (isolation forest) to production, reducing time to flag a fraudulent payment by 99% (from 72 hours to 0.5 hours) across 1.2 million payments a month.",
      "Owned the model in production for 2 months with post-launch drift and quality monitoring, handling 2 production incidents.",
      "Handled a model incident in production: Feature store outage stopped scoring for two days. Fix: A fallback to the last good features.",
    ]);
    expect(draftCvBullets(anomaly, "swe", "2026-07-10")).toEqual([
      "Built and launched payments anomaly detector as a production service, reducing time to flag a fraudulent payment by 99% (from 72 hours to 0.5 hours) across 1.2 million payments a month.",
      "Operated the service for 2 months with dashboards and alerting, resolving 2 production incidents.",
      "Resolved a production incident: Feature store outage stopped scoring for two days. Follow-up: A fallback to the last good features.",
    ]);
  });

  it("a bare record still gives two bullets, without inventing numbers", () => {
    expect(draftCvBullets(docsBot, "ml", "2026-07-20")).toEqual([
      "Shipped internal documentation chatbot (Llama 3.1 8B with retrieval) from notebook to production.",
      "Owned the model in production for 30 days.",
    ]);
    expect(draftCvBullets(docsBot, "swe", "2026-07-20")).toEqual([
      "Built and launched internal documentation chatbot as a production service.",
      "Operated the service for 30 days.",
    ]);
  });

  it("describes a rise, a change from zero and no change", () => {
    const base = { ...docsBot, outcomeMetric: "self-serve answers", outcomeUnit: null };
    expect(outcomeChange({ ...base, outcomeBefore: 40, outcomeAfter: 70 })).toBe("raising self-serve answers by 75% (from 40 to 70)");
    expect(outcomeChange({ ...base, outcomeBefore: 0, outcomeAfter: 1200 })).toBe("raising self-serve answers from 0 to 1,200");
    expect(outcomeChange({ ...base, outcomeBefore: 5, outcomeAfter: 5 })).toBe("holding self-serve answers at 5");
    expect(outcomeChange({ ...base, outcomeBefore: 5, outcomeAfter: null })).toBeNull();
  });

  it("says days under two months, whole months after", () => {
    expect(upkeepDuration("2026-01-01", "2026-01-02")).toBe("1 day");
    expect(upkeepDuration("2026-01-01", "2026-03-02")).toBe("60 days");
    expect(upkeepDuration("2026-01-01", "2026-03-03")).toBe("2 months");
    expect(upkeepDuration("2026-03-02", "2026-09-01")).toBe("6 months");
  });
});

describe("the maintenance clock", () => {
  it("runs from the launch: 30 days in, done in 60 days", () => {
    const clock = maintenanceClock(classifier, noon("2026-04-01"), LONDON);
    expect(clock).toEqual({ since: "2026-03-02", restarted: false, doneFrom: "2026-05-31", daysLeft: 60, daysMaintained: 30, due: false });
    expect(countdownText(clock.doneFrom, "2026-04-01")).toBe("Done in 60 days, on 31 May 2026");
    expect(countdownText(clock.doneFrom, "2026-05-30")).toBe("Done in 1 day, on 31 May 2026");
    expect(countdownText(clock.doneFrom, "2026-05-31")).toBeNull();
  });

  it("is due on the 90th local day, not before (the same rule as the tick route)", () => {
    expect(maintenanceClock(classifier, new Date("2026-05-30T22:59:59.999Z"), LONDON).due).toBe(false);
    expect(maintenanceClock(classifier, new Date("2026-05-30T23:00:00.000Z"), LONDON)).toMatchObject({
      due: true,
      daysLeft: 0,
      daysMaintained: 90,
    });
  });

  it("restarts on a gap (an incident where the feature was off), and ignores gaps not yet reached", () => {
    expect(maintenanceClockStart(anomaly, "2026-07-01")).toBe("2026-06-15");
    expect(maintenanceClockStart(anomaly, "2026-06-14")).toBe("2026-05-01");
    const clock = maintenanceClock(anomaly, noon("2026-08-01"), LONDON);
    expect(clock).toEqual({ since: "2026-06-15", restarted: true, doneFrom: "2026-09-13", daysLeft: 43, daysMaintained: 47, due: false });
  });

  it("accepts a record's local date as the launch anchor in checkCompletion", () => {
    const anchors = { enrollmentStart: "2026-01-01", featureLaunch: "2026-03-02" };
    const milestone = { minDurationDays: 90, durationAnchor: "feature_launch" as const };
    expect(checkCompletion(milestone, anchors, noon("2026-05-30"), LONDON)).toEqual({
      ok: false,
      reason: "This needs 90 days from launch; it can be marked done from 31 May 2026.",
      availableFrom: "2026-05-31",
    });
    expect(checkCompletion(milestone, anchors, new Date("2026-05-31T00:00:00+01:00"), LONDON)).toEqual({ ok: true });
  });
});

describe("self-completion", () => {
  const due = maintenanceClock(classifier, noon("2026-06-10"), LONDON);
  const notDue = maintenanceClock(classifier, noon("2026-05-01"), LONDON);

  it("ticks once the 90 days are up and the milestone is open", () => {
    expect(maintenanceTickDue(due, { maintainStatus: null, autoCompletedFor: null })).toBe(true);
    expect(maintenanceTickDue(due, { maintainStatus: "in_progress", autoCompletedFor: null })).toBe(true);
    expect(maintenanceTickDue(notDue, { maintainStatus: null, autoCompletedFor: null })).toBe(false);
  });

  it("is idempotent, respects a skip, and doesn't overrule a hand-made un-tick for the same clock", () => {
    expect(maintenanceTickDue(due, { maintainStatus: "done", autoCompletedFor: "2026-03-02" })).toBe(false);
    expect(maintenanceTickDue(due, { maintainStatus: "skipped", autoCompletedFor: null })).toBe(false);
    expect(maintenanceTickDue(due, { maintainStatus: "not_started", autoCompletedFor: "2026-03-02" })).toBe(false);
    // A gap restarted the clock since: the new 90 days may tick it again.
    expect(maintenanceTickDue(due, { maintainStatus: "not_started", autoCompletedFor: "2026-01-01" })).toBe(true);
  });

  it("tells the page whether the next pass ticks it, so the page never promises a tick that won't come", () => {
    const open = { maintainStatus: null, autoCompletedFor: null };
    expect(maintenanceTick(notDue, open, true)).toBe("counting");
    expect(maintenanceTick(notDue, { maintainStatus: "done", autoCompletedFor: null }, true)).toBe("counting");
    expect(maintenanceTick(due, open, true)).toBe("queued");
    expect(maintenanceTick(due, { maintainStatus: "done", autoCompletedFor: "2026-03-02" }, true)).toBe("ticked");
    // Un-ticked by hand after the record's tick, skipped, no roadmap to tick it on, or not yet due in the roadmap's zone.
    expect(maintenanceTick(due, { maintainStatus: "not_started", autoCompletedFor: "2026-03-02" }, true)).toBe("open");
    expect(maintenanceTick(due, { maintainStatus: "skipped", autoCompletedFor: null }, true)).toBe("open");
    expect(maintenanceTick(due, open, false)).toBe("open");
  });
});

describe("credibility checklist", () => {
  it("a complete record past 90 days lacks nothing", () => {
    const clock = maintenanceClock(classifier, noon("2026-06-10"), LONDON);
    expect(missingForCredibility(classifier, clock)).toEqual([]);
  });

  it("names what is missing, with the upkeep so far", () => {
    const clock = maintenanceClock(docsBot, noon("2026-07-20"), LONDON);
    expect(credibilityChecklist(docsBot, clock).map((i) => [i.key, i.done])).toEqual([
      ["eval", false],
      ["monitoring", false],
      ["outcome", false],
      ["maintained", false],
      ["incident", false],
    ]);
    expect(missingForCredibility(docsBot, clock).map((i) => i.label)).toEqual([
      "A link to the eval methodology",
      "A link to the monitoring dashboard",
      "A measured outcome: metric, before, after and volume",
      "90 days of upkeep since launch (30 so far)",
      "At least one production issue handled",
    ]);
  });

  it("an outcome needs all four parts", () => {
    const clock = maintenanceClock(classifier, noon("2026-06-10"), LONDON);
    expect(missingForCredibility({ ...classifier, outcomeVolume: null }, clock).map((i) => i.key)).toEqual(["outcome"]);
  });
});

describe("shippedFeatureSchema", () => {
  const valid = { title: "t", problem: "p", model: "m", launchDate: "2026-03-02", evalUrl: "https://e.example", incidents: [] };

  it("accepts a minimal record and turns empty optional fields into null", () => {
    const parsed = shippedFeatureSchema.parse({ ...valid, approach: "", monitoringUrl: "" });
    expect(parsed).toMatchObject({ approach: null, monitoringUrl: null, outcomeBefore: null, incidents: [] });
  });

  it("gives field errors for missing text, a bad date, a non-http link, a non-number and an incident before launch", () => {
    const result = shippedFeatureSchema.safeParse({
      ...valid,
      title: " ",
      launchDate: "2026-02-31",
      monitoringUrl: "javascript:alert(1)",
      outcomeBefore: Number.NaN,
      incidents: [{ occurredOn: "2026-03-01", whatHappened: "x", whatChanged: "y" }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["title", "launchDate", "monitoringUrl", "outcomeBefore"]));
  });

  it("refuses an incident before the launch", () => {
    const result = shippedFeatureSchema.safeParse({
      ...valid,
      incidents: [{ occurredOn: "2026-03-01", whatHappened: "x", whatChanged: "y" }],
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["incidents.0.occurredOn", "An incident can't be before the launch date."],
    ]);
  });
});
