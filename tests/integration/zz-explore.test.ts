// Random bodies against every mutating route, as a signed-in user on their own valid ids: the app must
// answer each with a 2xx or a well-formed 4xx (never a 500), and whatever it stores must still obey
// the schema rules (lib/validation) afterwards.
import "../support/app-url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "../../lib/validation/common";
import { TARGET_MONTHS_MAX, TARGET_MONTHS_MIN } from "../../lib/validation/enrollment";
import { NOTE_MAX, PROGRESS_STATUSES } from "../../lib/validation/progress";
import { enrollmentBody, expectError, isErrorBody, statusOf, tick, type CallResult } from "../support/api";
import { baseUrl, call, createEnrollment, createUser, firstMilestone, testDb, type TestUser } from "../support/factories";

const RUNS = 300;
/** A safety net so a pathological shrink can't hang the suite; a clean run takes a few seconds. */
const TIME_LIMIT_MS = 280_000;

// ---------- payloads ----------

interface Payload {
  /** null: let fetch pick (text/plain for a string body). */
  contentType: string | null;
  body: string | undefined;
}

const JSON_TYPE = "application/json";
const WRONG_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/xml", "text/html; charset=utf-8"];

/** Characters that trip up parsers, databases and renderers; uniform code points almost never hit them. */
const awkwardChars = ["\u0001", "\ud800", "\udfff", "\ufeff", "\u202e", "\u2028", "\t", "\n", " ", "\\", '"', "'", "<", "%00", "\u{1f600}"];

/** Printable ASCII, any UTF-16 unit, full Unicode graphemes, and strings made mostly of awkward characters. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...awkwardChars), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })) }),
).filter((s) => !s.includes("\u0000"));

/** Mostly a plausible value for the field, sometimes anything at all. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: fc.oneof(text, fc.anything()), weight: 1 });

/** Now and then an extra key the schema doesn't know. */
const withStrayKeys = (record: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(record, fc.option(fc.dictionary(fc.string(), fc.anything(), { minKeys: 1, maxKeys: 2 }), { freq: 6 }))
    .map(([fields, stray]) => ({ ...fields, ...stray }));

function payloads(rightKeys: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Payload> {
  const asJson = (value: unknown): Payload => ({ contentType: JSON_TYPE, body: JSON.stringify(value) });
  return fc.oneof(
    fc.anything().map(asJson),
    fc.json().map((body): Payload => ({ contentType: JSON_TYPE, body })),
    withStrayKeys(rightKeys).map(asJson),
    text.map((body): Payload => ({ contentType: JSON_TYPE, body })),
    fc.record({
      contentType: fc.oneof(fc.constantFrom(...WRONG_TYPES), fc.constant(null)),
      body: fc.oneof(text, rightKeys.map((v) => JSON.stringify(v))),
    }),
  );
}

/** Any date the ISO format can write (years 0000–9999), the ends of that range more often than chance. */
const isoDate = fc.oneof(
  fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("0001-01-01", "1969-12-31", "1970-01-01", "2000-02-29", "9999-12-31"),
);

const enrollmentFields = fc.record({
  roadmapSlug: mostly(fc.constantFrom("swe-to-mle", "swe-to-ai-engineer", "no-such-roadmap")),
  startDate: mostly(fc.oneof(isoDate, fc.constantFrom("2026-02-29", "2026-13-01", "2026-1-1", "2026-09-01T00:00:00Z"))),
  targetMonths: mostly(fc.oneof(fc.integer({ min: 0, max: 24 }), fc.double())),
  weeklyHours: mostly(fc.oneof(fc.integer({ min: -2, max: 90 }), fc.double())),
  timezone: mostly(fc.constantFrom("Europe/London", "UTC", "America/New_York", "Asia/Kolkata", "Etc/GMT+12", "Mars/Olympus_Mons", "")),
});

const changeFields = fc.record(
  {
    action: mostly(fc.constantFrom("pause", "resume", "replan", "replan", "abandon")),
    targetMonths: mostly(fc.oneof(fc.integer({ min: 0, max: 24 }), fc.double())),
  },
  { requiredKeys: ["action"] },
);

const milestoneFields = fc.record(
  {
    status: mostly(fc.constantFrom(...PROGRESS_STATUSES)),
    note: fc.oneof(
      fc.constant(null),
      text,
      text.map((s) => `  ${s}\n`),
      fc.string({ minLength: NOTE_MAX - 5, maxLength: NOTE_MAX + 5 }),
      fc.anything(),
    ),
    evidenceUrl: fc.oneof(
      fc.constant(null),
      fc.webUrl(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom("javascript:alert(1)", "ftp://example.test/x", "http://", "https://exa mple.test", "HTTPS://EXAMPLE.TEST/UP", "//example.test", " https://example.test/padded "),
      text.map((s) => `https://example.test/${s}`),
      text,
      fc.anything(),
    ),
  },
  { requiredKeys: ["status"] },
);

// ---------- sending and checking ----------

async function send(method: string, pathname: string, user: TestUser, payload: Payload): Promise<CallResult> {
  const res = await fetch(`${baseUrl()}${pathname}`, {
    method,
    redirect: "manual",
    headers: { cookie: user.cookie, ...(payload.contentType === null ? {} : { "content-type": payload.contentType }) },
    body: payload.body,
  });
  const responseText = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(responseText);
  } catch {
    json = null;
  }
  return { status: res.status, json, text: responseText, headers: res.headers };
}

const tally = new Map<string, number>();
import { afterAll } from "vitest";
afterAll(() => console.log([...tally.entries()].sort()));
function expectHandled(res: CallResult, payload: Payload): void {
  const key = `${res.status} ${(res.json as {error?: {message?: string}})?.error?.message ?? ""}`.slice(0, 70);
  tally.set(key, (tally.get(key) ?? 0) + 1);
  const context = `sent ${JSON.stringify(payload)}\ngot ${res.status} ${res.text.slice(0, 500)}`;
  expect(res.status, context).toBeLessThan(500);
  expect(res.status, context).toBeGreaterThanOrEqual(200);
  if (res.status >= 400) {
    expect(isErrorBody(res.json), context).toBe(true);
    expect(statusOf((res.json as { error: { code: string } }).error.code), context).toBe(res.status);
  }
  if (payload.contentType === null || !payload.contentType.includes(JSON_TYPE)) expect(res.status, context).toBe(400);
}

const isCleanText = (value: string, max: number) => value.length > 0 && value.length <= max && value === value.trim();
const isHttpUrl = (value: string) => /^https?:\/\/\S+$/i.test(value) && URL.canParse(value);

/** Everything stored for the user, checked against the rules the schemas promise. Returns the violations. */
async function violationsFor(userId: string): Promise<string[]> {
  const db = testDb();
  const [enrollments, changes, progress, events] = await Promise.all([
    db.enrollment.findMany({ where: { userId } }),
    db.enrollmentChange.findMany({ where: { enrollment: { userId } } }),
    db.milestoneProgress.findMany({ where: { userId } }),
    db.progressEvent.findMany({ where: { userId }, orderBy: { id: "asc" } }),
  ]);
  const problems: string[] = [];
  const report = (what: string, row: unknown) => problems.push(`${what}: ${JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`);
  const months = (n: number | null) => n === null || (n >= TARGET_MONTHS_MIN && n <= TARGET_MONTHS_MAX);

  for (const e of enrollments) {
    if (!months(e.targetMonths)) report("enrolment targetMonths outside 6–18", e);
    if (e.weeklyHours < 1 || e.weeklyHours > 80) report("enrolment weeklyHours outside 1–80", e);
    if (!isValidTimeZone(e.timezone)) report("enrolment timezone invalid", e);
    if (Number.isNaN(e.startDate.getTime())) report("enrolment startDate invalid", e);
  }
  for (const c of changes) if (!months(c.fromTargetMonths) || !months(c.toTargetMonths)) report("enrolment change with a target outside 6–18", c);
  for (const p of progress) {
    if (p.note !== null && !isCleanText(p.note, NOTE_MAX)) report("progress note empty, untrimmed or over 2000", p);
    if (p.evidenceUrl !== null && !isHttpUrl(p.evidenceUrl)) report("progress evidenceUrl not http(s)", p);
    if ((p.status === "done") !== (p.completedAt !== null)) report("progress completedAt disagrees with status", p);
  }
  const statuses: readonly string[] = PROGRESS_STATUSES;
  const lastBySkill = new Map<string, string>();
  for (const ev of events) {
    if (!statuses.includes(ev.toStatus) || !statuses.includes(ev.fromStatus)) report("event with an unknown status", ev);
    if (ev.note !== null && !isCleanText(ev.note, NOTE_MAX)) report("event note empty, untrimmed or over 2000", ev);
    if (ev.evidenceUrl !== null && !isHttpUrl(ev.evidenceUrl)) report("event evidenceUrl not http(s)", ev);
    // The log replays: each event starts where the previous one for that skill ended.
    if (ev.fromStatus !== (lastBySkill.get(ev.skillId) ?? "not_started")) report("event chain broken", ev);
    lastBySkill.set(ev.skillId, ev.toStatus);
  }
  for (const p of progress) {
    if (p.status !== (lastBySkill.get(p.skillId) ?? "not_started")) report("progress status differs from its last event", p);
  }
  return problems;
}

// ---------- the properties ----------

describe("fuzzing the mutating routes", () => {
  it(`POST /api/enrollments: ${RUNS} random bodies, never a 500, nothing invalid stored`, { timeout: 300_000 }, async () => {
    const user = await createUser("fuzz-enrol");
    await fc.assert(
      fc.asyncProperty(payloads(enrollmentFields), async (payload) => {
        expectHandled(await send("POST", "/api/enrollments", user, payload), payload);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });

  it(`PATCH /api/enrollments/[id]: ${RUNS} random bodies, never a 500, nothing invalid stored`, { timeout: 300_000 }, async () => {
    const user = await createUser("fuzz-change");
    const enrollment = await createEnrollment(user.id);
    await fc.assert(
      fc.asyncProperty(payloads(changeFields), async (payload) => {
        expectHandled(await send("PATCH", `/api/enrollments/${enrollment.id}`, user, payload), payload);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });

  it(`PUT /api/enrollments/[id]/milestones/[milestoneId]: ${RUNS} random bodies, never a 500, nothing invalid stored`, { timeout: 300_000 }, async () => {
    const user = await createUser("fuzz-tick");
    const enrollment = await createEnrollment(user.id);
    // Every milestone on the roadmap, the time-based one included.
    const milestones = await testDb().milestone.findMany({ where: { roadmapId: enrollment.roadmapId, retiredAt: null }, select: { id: true } });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...milestones.map((m) => m.id)), payloads(milestoneFields), async (milestoneId, payload) => {
        expectHandled(await send("PUT", `/api/enrollments/${enrollment.id}/milestones/${milestoneId}`, user, payload), payload);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });
});

