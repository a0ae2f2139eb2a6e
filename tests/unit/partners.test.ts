import { describe, expect, it } from "vitest";
import type { PacingStatus } from "../../lib/pacing";
import { cohortRow, sortCohort, type CohortRow } from "../../lib/partners/cohort";
import { INVITATION_TTL_MS, invitationExpiry, invitationState } from "../../lib/partners/invitation";
import {
  DEFAULT_SHARES,
  normaliseShares,
  OPT_IN_SHARES,
  projectForPartner,
  SHARE_FIELDS,
  type PartnerSource,
  type ShareField,
} from "../../lib/partners/share";
import { partnerNoteSchema } from "../../lib/validation/partners";

const source: PartnerSource = {
  name: "Ada",
  email: "ada@example.test",
  roadmap: {
    slug: "swe-to-mle",
    title: "Software engineer to ML engineer",
    phases: [
      {
        title: "Foundations",
        done: 1,
        total: 2,
        share: 0.4,
        milestones: [
          { id: "m1", title: "Linear algebra", status: "done", note: "CANARY-NOTE", evidenceUrl: "https://example.test/proof" },
          { id: "m2", title: "Probability", status: "not_started", note: null, evidenceUrl: null },
        ],
      },
    ],
  },
  pace: { status: "at_risk", label: "At risk", tone: "caution", headline: "Two weeks behind.", bufferDays: -14, share: 0.1, paused: false },
  thisWeek: { week: "2026-W49", budgetHours: 8, loggedHours: 3, items: [{ title: "Probability", hours: 5 }] },
  shipped: { title: "Ticket triage", launchDate: "2026-10-01", outcome: "−30% handling time", incidentDates: ["2026-11-02"] },
  streak: { weeks: 4, lastCheckInWeek: "2026-W48" },
  checkIns: [{ week: "2026-W48", note: "CANARY-CHECKIN", confidence: 4 }],
};

describe("share settings", () => {
  it("share by default the progress, never the private words or the address", () => {
    expect(DEFAULT_SHARES).toEqual(["roadmap", "phases", "pace", "this_week", "shipped", "streak"]);
    expect(OPT_IN_SHARES).toEqual(["notes", "checkin_text", "evidence", "confidence", "email"]);
    expect([...DEFAULT_SHARES, ...OPT_IN_SHARES].sort()).toEqual([...SHARE_FIELDS].sort());
  });

  it("normalise to the settings' order without duplicates", () => {
    expect(normaliseShares(["email", "roadmap", "email", "pace"])).toEqual(["roadmap", "pace", "email"]);
  });
});

describe("projectForPartner", () => {
  it("with nothing shared, shows only the name", () => {
    expect(projectForPartner([], source)).toEqual({ name: "Ada" });
  });

  it("with the defaults, shows progress and none of notes, check-in text, evidence, confidence or email", () => {
    const view = projectForPartner(DEFAULT_SHARES, source);
    expect(view).toEqual({
      name: "Ada",
      roadmap: {
        slug: "swe-to-mle",
        title: "Software engineer to ML engineer",
        milestones: [
          {
            phaseTitle: "Foundations",
            items: [
              { id: "m1", title: "Linear algebra", status: "done" },
              { id: "m2", title: "Probability", status: "not_started" },
            ],
          },
        ],
      },
      phases: [{ title: "Foundations", done: 1, total: 2, share: 0.4 }],
      pace: source.pace,
      thisWeek: source.thisWeek,
      shipped: source.shipped,
      streak: source.streak,
    });
    expect(JSON.stringify(view)).not.toMatch(/CANARY|ada@example|proof/);
  });

  // Each field alone: exactly its key (besides the name) appears.
  const alone: Record<ShareField, object> = {
    roadmap: {
      roadmap: {
        slug: "swe-to-mle",
        title: "Software engineer to ML engineer",
        milestones: [
          {
            phaseTitle: "Foundations",
            items: [
              { id: "m1", title: "Linear algebra", status: "done" },
              { id: "m2", title: "Probability", status: "not_started" },
            ],
          },
        ],
      },
    },
    phases: { phases: [{ title: "Foundations", done: 1, total: 2, share: 0.4 }] },
    pace: { pace: source.pace },
    this_week: { thisWeek: source.thisWeek },
    shipped: { shipped: source.shipped },
    streak: { streak: source.streak },
    // Notes and evidence need the roadmap they sit on: alone, nothing shows.
    notes: {},
    evidence: {},
    checkin_text: { checkIns: [{ week: "2026-W48", note: "CANARY-CHECKIN" }] },
    confidence: { checkIns: [{ week: "2026-W48", confidence: 4 }] },
    email: { email: "ada@example.test" },
  };
  for (const field of SHARE_FIELDS) {
    it(`shares ${field} alone as exactly its own key`, () => {
      expect(projectForPartner([field], source)).toEqual({ name: "Ada", ...alone[field] });
    });
  }

  it("puts notes and evidence on the milestones when shared with the roadmap", () => {
    const view = projectForPartner(["roadmap", "notes", "evidence"], source);
    expect(view.roadmap?.milestones?.[0]?.items[0]).toEqual({
      id: "m1",
      title: "Linear algebra",
      status: "done",
      note: "CANARY-NOTE",
      evidenceUrl: "https://example.test/proof",
    });
    expect(projectForPartner(["roadmap", "evidence"], source).roadmap?.milestones?.[0]?.items[0]).toEqual({
      id: "m1",
      title: "Linear algebra",
      status: "done",
      evidenceUrl: "https://example.test/proof",
    });
  });

  it("shows a person between roadmaps as such", () => {
    expect(projectForPartner(["roadmap", "phases"], { ...source, roadmap: null })).toEqual({ name: "Ada", roadmap: null, phases: [] });
  });
});

describe("invitations", () => {
  const made = new Date("2026-12-01T10:00:00Z");
  const expiresAt = invitationExpiry(made);

  it("expire 14 × 24 hours after they were made", () => {
    expect(INVITATION_TTL_MS).toBe(1_209_600_000);
    expect(expiresAt.toISOString()).toBe("2026-12-15T10:00:00.000Z");
  });

  it("are open until then, expired from that instant, and used or withdrawn whatever the time", () => {
    const open = { acceptedAt: null, revokedAt: null, expiresAt };
    expect(invitationState(open, new Date("2026-12-15T09:59:59.999Z"))).toBe("open");
    expect(invitationState(open, new Date("2026-12-15T10:00:00.000Z"))).toBe("expired");
    expect(invitationState({ ...open, acceptedAt: made }, new Date("2027-01-01T00:00:00Z"))).toBe("accepted");
    expect(invitationState({ ...open, revokedAt: made }, new Date("2026-12-02T00:00:00Z"))).toBe("withdrawn");
  });
});

describe("the cohort list", () => {
  const row = (ownerId: string, name: string, status: PacingStatus, bufferDays: number | null, streakWeeks: number | null): CohortRow => ({
    ownerId,
    name,
    role: "mentor",
    verdict: { status, label: status, tone: "neutral" },
    bufferDays,
    streakWeeks,
    lastCheckInWeek: null,
    thisWeek: null,
  });
  const rows = [
    row("1", "Bo", "on_track", 20, 6),
    row("2", "Cy", "off_track", -40, 0),
    row("3", "Di", "at_risk", -5, 2),
    row("4", "Al", "at_risk", -12, 9),
    { ...row("5", "Ed", "on_track", null, null), verdict: null },
  ];

  it("puts whoever needs attention first: off track, then at risk by smallest buffer, unseen verdicts before on-track ones", () => {
    expect(sortCohort(rows, "attention").map((r) => r.name)).toEqual(["Cy", "Al", "Di", "Ed", "Bo"]);
  });

  it("sorts by name, by buffer (unknown last) and by shortest streak", () => {
    expect(sortCohort(rows, "name").map((r) => r.name)).toEqual(["Al", "Bo", "Cy", "Di", "Ed"]);
    expect(sortCohort(rows, "buffer").map((r) => r.name)).toEqual(["Cy", "Al", "Di", "Bo", "Ed"]);
    expect(sortCohort(rows, "streak").map((r) => r.name)).toEqual(["Cy", "Di", "Bo", "Al", "Ed"]);
  });

  it("keeps only the columns the person shares", () => {
    const read = {
      verdict: { status: "at_risk" as const, label: "At risk", tone: "caution" as const },
      bufferDays: -3,
      streakWeeks: 5,
      lastCheckInWeek: "2026-W48",
      thisWeek: { loggedHours: 2, budgetHours: 8 },
    };
    const base = { ownerId: "x", name: "X", role: "friend" };
    expect(cohortRow({ ...base, shares: [] }, read)).toEqual({
      ...base,
      verdict: null,
      bufferDays: null,
      streakWeeks: null,
      lastCheckInWeek: null,
      thisWeek: null,
    });
    expect(cohortRow({ ...base, shares: ["pace"] }, read)).toEqual({
      ...base,
      verdict: read.verdict,
      bufferDays: -3,
      streakWeeks: null,
      lastCheckInWeek: null,
      thisWeek: null,
    });
    expect(cohortRow({ ...base, shares: ["streak", "this_week"] }, read)).toEqual({
      ...base,
      verdict: null,
      bufferDays: null,
      streakWeeks: 5,
      lastCheckInWeek: "2026-W48",
      thisWeek: { loggedHours: 2, budgetHours: 8 },
    });
    expect(cohortRow({ ...base, shares: ["pace", "streak"] }, null)).toEqual({
      ...base,
      verdict: null,
      bufferDays: null,
      streakWeeks: 0,
      lastCheckInWeek: null,
      thisWeek: null,
    });
  });
});

describe("partner notes", () => {
  it("take kudos without words, a comment of up to 500 characters, on one milestone or one week", () => {
    expect(partnerNoteSchema.safeParse({ kind: "kudos", isoWeek: "2026-W49" }).success).toBe(true);
    expect(partnerNoteSchema.safeParse({ kind: "comment", body: "x".repeat(500), milestoneId: "m1" }).success).toBe(true);
    expect(partnerNoteSchema.safeParse({ kind: "comment", body: "x".repeat(501), milestoneId: "m1" }).success).toBe(false);
    expect(partnerNoteSchema.safeParse({ kind: "comment", body: "  ", milestoneId: "m1" }).success).toBe(false);
    expect(partnerNoteSchema.safeParse({ kind: "kudos" }).success).toBe(false);
    expect(partnerNoteSchema.safeParse({ kind: "kudos", milestoneId: "m1", isoWeek: "2026-W49" }).success).toBe(false);
    expect(partnerNoteSchema.safeParse({ kind: "comment", body: "bell\u0007", isoWeek: "2026-W49" }).success).toBe(false);
    expect(partnerNoteSchema.safeParse({ kind: "comment", body: "two\nlines", isoWeek: "2026-W49" }).success).toBe(true);
  });
});
