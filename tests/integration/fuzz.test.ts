// Random bodies against every mutating route, as a signed-in user on their own valid ids: the app must
// answer each with a 2xx or a well-formed 4xx (never a 500), and whatever it stores must still obey
// the schema rules (lib/validation) afterwards.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "../../lib/validation/common";
import { TARGET_MONTHS_MAX, TARGET_MONTHS_MIN } from "../../lib/validation/enrollment";
import { NOTE_MAX, PROGRESS_STATUSES } from "../../lib/validation/progress";
import { CHECKIN_HOURS_MAX, CHECKIN_NOTE_MAX } from "../../lib/validation/checkin";
import { isIsoWeek } from "../../lib/calendar/iso-weeks";
import { enrollmentBody, expectError, isErrorBody, statusOf, tick, type CallResult } from "../support/api";
import { baseUrl, call, createEnrollment, createUser, firstMilestone, send as sendPage, testDb, type TestUser } from "../support/factories";
import { shiftLocalDays } from "../support/dates";
import { discoverPages, discoverRoutes } from "../support/routes";

const RUNS = 150;
/** A safety net so a pathological shrink can't hang the suite; a clean run takes a few seconds. */
const TIME_LIMIT_MS = 45_000;

// ---------- payloads ----------

interface Payload {
  /** null: let fetch pick (text/plain for a string body). */
  contentType: string | null;
  body: string | undefined;
}

const JSON_TYPE = "application/json";
const WRONG_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "application/xml",
  "text/html; charset=utf-8",
];

/** Characters that trip up parsers, databases and renderers; uniform code points almost never hit them. */
const awkwardChars = [
  "\u0000",
  "\u0001",
  "\ud800",
  "\udfff",
  "\ufeff",
  "\u202e",
  "\u2028",
  "\t",
  "\n",
  " ",
  "\\",
  '"',
  "'",
  "<",
  "%00",
  "\u{1f600}",
];

/** Printable ASCII, any UTF-16 unit, full Unicode graphemes, and strings made mostly of awkward characters. */
const text = fc.oneof(
  { arbitrary: fc.string(), weight: 1 },
  { arbitrary: fc.string({ unit: "binary" }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme" }), weight: 1 },
  {
    arbitrary: fc.string({
      unit: fc.oneof(
        { arbitrary: fc.constantFrom(...awkwardChars), weight: 3 },
        { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 1 },
      ),
      minLength: 1,
    }),
    weight: 2,
  },
);

/**
 * Mostly a plausible value for the field, sometimes anything at all: a body needs every field right
 * to get past validation, and the code behind validation is where the interesting failures are.
 */
const mostly = <T>(plausible: fc.Arbitrary<T>, wild: fc.Arbitrary<unknown> = fc.oneof(text, fc.anything())) =>
  fc.oneof({ arbitrary: plausible, weight: 6 }, { arbitrary: wild, weight: 1 });

/** Now and then an extra key the schema doesn't know. */
const withStrayKeys = (record: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(
      record,
      fc.oneof(
        { arbitrary: fc.constant({}), weight: 9 },
        { arbitrary: fc.dictionary(fc.string(), fc.anything(), { minKeys: 1, maxKeys: 2 }), weight: 1 },
      ),
    )
    .map(([fields, stray]) => ({ ...fields, ...stray }));

function payloads(rightKeys: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Payload> {
  const asJson = (value: unknown): Payload => ({ contentType: JSON_TYPE, body: JSON.stringify(value) });
  return fc.oneof(
    { arbitrary: fc.anything().map(asJson), weight: 1 },
    { arbitrary: fc.json().map((body): Payload => ({ contentType: JSON_TYPE, body })), weight: 1 },
    { arbitrary: withStrayKeys(rightKeys).map(asJson), weight: 5 },
    { arbitrary: text.map((body): Payload => ({ contentType: JSON_TYPE, body })), weight: 1 },
    {
      arbitrary: fc.record({
        contentType: fc.oneof(fc.constantFrom(...WRONG_TYPES), fc.constant(null)),
        body: fc.oneof(
          text,
          rightKeys.map((v) => JSON.stringify(v)),
        ),
      }),
      weight: 1,
    },
  );
}

/** Any date the ISO format can write (years 0000–9999), the ends of that range more often than chance. */
const isoDate = fc.oneof(
  fc
    .date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("0000-01-01", "0000-12-31", "0001-01-01", "1969-12-31", "1970-01-01", "2000-02-29", "9999-12-31"),
);

/** Usually a valid value, sometimes one just outside or beside the rules. */
const usually = <T, U>(valid: fc.Arbitrary<T>, near: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: near, weight: 1 });

const enrollmentFields = fc.record({
  roadmapSlug: mostly(
    usually(fc.constantFrom("swe-to-mle", "swe-to-ai-engineer"), fc.constantFrom("no-such-roadmap", "SWE-TO-MLE", "swe-to-mle-")),
  ),
  startDate: mostly(usually(isoDate, fc.constantFrom("2026-02-29", "2026-13-01", "2026-1-1", "2026-09-01T00:00:00Z", ""))),
  targetMonths: mostly(
    usually(fc.integer({ min: TARGET_MONTHS_MIN, max: TARGET_MONTHS_MAX }), fc.oneof(fc.integer({ min: -1, max: 40 }), fc.double())),
  ),
  weeklyHours: mostly(usually(fc.integer({ min: 1, max: 80 }), fc.oneof(fc.integer({ min: -1, max: 200 }), fc.double()))),
  timezone: mostly(
    usually(
      fc.constantFrom("Europe/London", "UTC", "America/New_York", "Asia/Kolkata", "Etc/GMT+12"),
      fc.constantFrom("Mars/Olympus_Mons", "", "europe/london "),
    ),
  ),
});

const changeFields = fc.record(
  {
    action: mostly(fc.constantFrom("pause", "resume", "replan", "replan", "abandon")),
    targetMonths: mostly(
      usually(fc.integer({ min: TARGET_MONTHS_MIN, max: TARGET_MONTHS_MAX }), fc.oneof(fc.integer({ min: -1, max: 40 }), fc.double())),
    ),
  },
  { requiredKeys: ["action"] },
);

const milestoneFields = fc.record(
  {
    status: mostly(fc.constantFrom(...PROGRESS_STATUSES)),
    note: mostly(
      fc.oneof(
        fc.constant(null),
        text,
        text.map((s) => `  ${s}\n`),
        fc.string({ minLength: NOTE_MAX - 5, maxLength: NOTE_MAX + 5 }),
      ),
      fc.anything(),
    ),
    evidenceUrl: mostly(
      fc.oneof(
        fc.constant(null),
        fc.constant(""),
        fc.webUrl(),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom("HTTPS://EXAMPLE.TEST/UP", " https://example.test/padded ", "http://[::1]:3000/x"),
        text.map((s) => `https://example.test/${s}`),
      ),
      fc.oneof(
        fc.constantFrom(
          "javascript:alert(1)",
          "ftp://example.test/x",
          "http://",
          "https://exa mple.test",
          "//example.test",
          "data:text/html,hi",
        ),
        text,
        fc.anything(),
      ),
    ),
  },
  { requiredKeys: ["status"] },
);

const checkInFields = (enrollmentId: string, milestoneIds: string[]) =>
  fc.record(
    {
      enrollmentId: mostly(usually(fc.constant(enrollmentId), fc.constantFrom("nosuchenrolment", "", "a/b"))),
      hours: mostly(
        usually(
          fc.integer({ min: 0, max: 160 }).map((h) => h / 2),
          fc.oneof(fc.double(), fc.integer({ min: -5, max: 200 })),
        ),
      ),
      confidence: mostly(usually(fc.integer({ min: 1, max: 5 }), fc.oneof(fc.integer({ min: -1, max: 9 }), fc.double()))),
      note: mostly(
        fc.oneof(fc.constant(null), text, fc.string({ minLength: CHECKIN_NOTE_MAX - 3, maxLength: CHECKIN_NOTE_MAX + 3 })),
        fc.anything(),
      ),
      milestoneIds: mostly(
        fc.subarray(milestoneIds, { maxLength: 3 }),
        fc.oneof(fc.array(text, { maxLength: 3 }), fc.constant(["nosuchmilestone"])),
      ),
      idempotencyKey: mostly(usually(fc.uuid(), fc.constantFrom("short", "x".repeat(65), "has spaces in it ok?"))),
      madeAt: mostly(
        usually(
          fc.integer({ min: -40, max: 1 }).map((days) => shiftLocalDays(new Date(), days).toISOString()),
          fc.constantFrom("2026-13-01T00:00:00Z", "yesterday", "0000-01-01T00:00:00Z"),
        ),
      ),
    },
    { requiredKeys: ["enrollmentId", "hours", "confidence", "idempotencyKey"] },
  );

const checkInEditFields = fc.record(
  {
    hours: mostly(
      usually(
        fc.integer({ min: 0, max: 160 }).map((h) => h / 2),
        fc.double(),
      ),
    ),
    confidence: mostly(usually(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -1, max: 9 }))),
    note: mostly(fc.oneof(fc.constant(null), text), fc.anything()),
  },
  { requiredKeys: [] },
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
  let json: unknown;
  try {
    json = JSON.parse(responseText);
  } catch {
    json = null;
  }
  return { status: res.status, json, text: responseText, headers: res.headers };
}

function expectHandled(res: CallResult, payload: Payload): void {
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
  const [enrollments, changes, progress, events, checkIns] = await Promise.all([
    db.enrollment.findMany({ where: { userId } }),
    db.enrollmentChange.findMany({ where: { enrollment: { userId } } }),
    db.milestoneProgress.findMany({ where: { userId } }),
    db.progressEvent.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.checkIn.findMany({ where: { userId } }),
  ]);
  const problems: string[] = [];
  const report = (what: string, row: unknown) =>
    problems.push(`${what}: ${JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`);
  const months = (n: number | null) => n === null || (n >= TARGET_MONTHS_MIN && n <= TARGET_MONTHS_MAX);

  for (const e of enrollments) {
    if (!months(e.targetMonths)) report("enrolment targetMonths outside 6–18", e);
    if (e.weeklyHours < 1 || e.weeklyHours > 80) report("enrolment weeklyHours outside 1–80", e);
    if (!isValidTimeZone(e.timezone)) report("enrolment timezone invalid", e);
    if (Number.isNaN(e.startDate.getTime())) report("enrolment startDate invalid", e);
  }
  for (const c of changes)
    if (!months(c.fromTargetMonths) || !months(c.toTargetMonths)) report("enrolment change with a target outside 6–18", c);
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
  for (const c of checkIns) {
    const hours = c.hours.toNumber();
    if (hours < 0 || hours > CHECKIN_HOURS_MAX || !Number.isInteger(hours * 2)) report("check-in hours outside 0–80 in halves", c);
    if (c.confidence < 1 || c.confidence > 5) report("check-in confidence outside 1–5", c);
    if (c.note !== null && !isCleanText(c.note, CHECKIN_NOTE_MAX)) report("check-in note empty, untrimmed or over 2000", c);
    if (!isIsoWeek(c.isoWeek)) report("check-in isoWeek malformed", c);
  }
  return problems;
}

// ---------- the properties ----------

describe("fuzzing the mutating routes", () => {
  it(`POST /api/enrollments: ${RUNS} random bodies, never a 500, nothing invalid stored`, async () => {
    const user = await createUser("fuzz-enrol");
    await fc.assert(
      fc.asyncProperty(payloads(enrollmentFields), async (payload) => {
        expectHandled(await send("POST", "/api/enrollments", user, payload), payload);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });

  it(`PATCH /api/enrollments/[id]: ${RUNS} random bodies, never a 500, nothing invalid stored`, async () => {
    const user = await createUser("fuzz-change");
    let enrollment = await createEnrollment(user.id);
    await fc.assert(
      fc.asyncProperty(payloads(changeFields), async (payload) => {
        const res = await send("PATCH", `/api/enrollments/${enrollment.id}`, user, payload);
        expectHandled(res, payload);
        // Abandoning is for good; start another so later runs still reach pause, resume and replan.
        if ((res.json as { enrollment?: { status?: string } } | null)?.enrollment?.status === "abandoned")
          enrollment = await createEnrollment(user.id);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });

  it(`PUT /api/enrollments/[id]/milestones/[milestoneId]: ${RUNS} random bodies, never a 500, nothing invalid stored`, async () => {
    const user = await createUser("fuzz-tick");
    const enrollment = await createEnrollment(user.id);
    // Every milestone on the roadmap, the time-based one included.
    const milestones = await testDb().milestone.findMany({
      where: { roadmapId: enrollment.roadmapId, retiredAt: null },
      select: { id: true },
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...milestones.map((m) => m.id)), payloads(milestoneFields), async (milestoneId, payload) => {
        expectHandled(await send("PUT", `/api/enrollments/${enrollment.id}/milestones/${milestoneId}`, user, payload), payload);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });

  it(`POST /api/checkins: ${RUNS} random bodies, never a 500, nothing invalid stored`, async () => {
    const user = await createUser("fuzz-checkin");
    const enrollment = await createEnrollment(user.id);
    const milestones = await testDb().milestone.findMany({
      where: { roadmapId: enrollment.roadmapId, retiredAt: null },
      select: { id: true },
    });
    await fc.assert(
      fc.asyncProperty(
        payloads(
          checkInFields(
            enrollment.id,
            milestones.map((m) => m.id),
          ),
        ),
        async (payload) => {
          expectHandled(await send("POST", "/api/checkins", user, payload), payload);
        },
      ),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });

  it(`PATCH /api/checkins/[id]: ${RUNS} random bodies, never a 500, nothing invalid stored`, async () => {
    const user = await createUser("fuzz-checkin-edit");
    const enrollment = await createEnrollment(user.id);
    const created = await call("POST", "/api/checkins", {
      user,
      body: { enrollmentId: enrollment.id, hours: 1, confidence: 3, idempotencyKey: "fuzz-edit-0000-0001" },
    });
    const id = (created.json as { checkIn: { id: string } }).checkIn.id;
    await fc.assert(
      fc.asyncProperty(payloads(checkInEditFields), async (payload) => {
        expectHandled(await send("PATCH", `/api/checkins/${id}`, user, payload), payload);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(await violationsFor(user.id)).toEqual([]);
  });
});

// Inputs the fuzzing above found; kept as plain cases so a regression names itself.
describe("inputs found by fuzzing", () => {
  it("refuses a note containing a NUL character with a 400, not a 500", async () => {
    const user = await createUser("nul-note");
    const enrollment = await createEnrollment(user.id);
    const res = await tick(user, enrollment.id, (await firstMilestone()).id, { status: "done", note: "before\u0000after" });
    expect(expectError(res, "bad_request").fields).toHaveProperty("note");
    expect(await violationsFor(user.id)).toEqual([]);
  });

  it("refuses an evidence link containing a NUL character with a 400, not a 500", async () => {
    const user = await createUser("nul-url");
    const enrollment = await createEnrollment(user.id);
    const res = await tick(user, enrollment.id, (await firstMilestone()).id, {
      status: "done",
      evidenceUrl: "https://example.test/a\u0000b",
    });
    expect(expectError(res, "bad_request").fields).toHaveProperty("evidenceUrl");
  });

  it("refuses a start date in year 0000 with a 400, not a 500", async () => {
    const user = await createUser("year-zero");
    const res = await call("POST", "/api/enrollments", { user, body: enrollmentBody({ startDate: "0000-01-01" }) });
    expect(expectError(res, "bad_request").fields).toHaveProperty("startDate");
    expect(await testDb().enrollment.count({ where: { userId: user.id } })).toBe(0);
  });
});

// ---------- malformed percent escapes in every [param] ----------

/** An escape that decodes to no UTF-8 text: not hex, a lone or overlong byte, a surrogate, a cut-off sequence. */
const badEscape = fc.oneof(
  fc.constantFrom("%ZZ", "%FF", "%C0%80", "%", "%2", "%G0", "%80", "%C3", "%E0%A4", "%ED%A0%80", "%F8%88%80%80%80", "%FE%FF", "%%41"),
  fc.tuple(fc.constantFrom("8", "9", "A", "B", "F"), fc.constantFrom("0", "8", "F")).map(([a, b]) => `%${a}${b}`),
  fc
    .tuple(fc.constantFrom(...Array.from("0123456789ABCDEF")), fc.constantFrom("G", "H", "X", "Y", "Z", "g", "h", "z", "%", "-", "_", " "))
    .map(([a, b]) => `%${a}${encodeURIComponent(b) === b ? b : "Z"}`),
);
const urlSafe = fc.string({ unit: fc.constantFrom(..."abcXYZ019-_.~".split("")), maxLength: 6 });
/** A path segment with at least one malformed escape, between ordinary characters and valid escapes. */
const malformedSegment = fc
  // Each bad escape fenced by a letter that isn't hex: "%E0%A4" followed straight by "%80", or a cut-off
  // "%2" by "c…", would spell a valid character (seen: "%2" + "caf%C3%A9" is "%2caf%C3%A9", all valid).
  .tuple(
    urlSafe,
    badEscape.map((e) => `${e}x`),
    fc.constantFrom("", "%41", "caf%C3%A9", "%2F"),
    urlSafe,
    fc.option(
      badEscape.map((e) => `x${e}`),
      { nil: "" },
    ),
  )
  .map((parts) => parts.join(""));

const PARAM = /\[(?:\.\.\.)?[^\]]+\]/g;
const hasParam = (pattern: string) => /\[[^\]]+\]/.test(pattern);
/** The pattern with one of its params replaced by `segment` and the others by a plausible value. */
function withSegment(pattern: string, index: number, segment: string): string {
  let i = 0;
  return pattern.replace(PARAM, () => (i++ === index ? segment : "cabc123"));
}

describe("malformed percent escapes in every [param]", () => {
  const routes = discoverRoutes()
    .map((route) => route.split(" ") as [string, string])
    .filter(([, pattern]) => hasParam(pattern));
  const pages = discoverPages().filter(hasParam);

  it("generates only segments that don't decode (else a 401 or 404 would be right, not a 400)", () => {
    fc.assert(
      fc.property(malformedSegment, (segment) => {
        expect(() => decodeURIComponent(segment), segment).toThrow(URIError);
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the routes and pages that take params", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(pages).toEqual(expect.arrayContaining(["/p/[token]", "/roadmaps/[slug]"]));
  });

  it("API routes answer 400 in the error shape, never a 5xx, signed in or not", async () => {
    const user = await createUser("escape-api");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.nat(),
        malformedSegment,
        fc.boolean(),
        async ([method, pattern], n, segment, signedIn) => {
          const index = n % (pattern.match(PARAM)?.length ?? 1);
          const path = withSegment(pattern, index, segment);
          const res = await call(method, path, { ...(signedIn ? { user } : {}), ...(method === "GET" ? {} : { body: {} }) });
          const context = `${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`;
          expect(res.status, context).toBe(400);
          expect(isErrorBody(res.json), context).toBe(true);
        },
      ),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it("pages answer the not-found page (404), never a 5xx, as HTML and as an RSC payload", async () => {
    const user = await createUser("escape-page");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), malformedSegment, fc.boolean(), fc.boolean(), async (pattern, segment, signedIn, rsc) => {
        const path = withSegment(pattern, 0, segment);
        const res = await sendPage(path, { headers: { ...(signedIn ? { cookie: user.cookie } : {}), ...(rsc ? { RSC: "1" } : {}) } });
        const context = `${path} ${rsc ? "RSC" : "HTML"} → ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, context).toBeLessThan(500);
        if (!rsc) {
          expect(res.status, context).toBe(404);
          expect(res.text, context).toContain("Not found");
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it.each(["%ZZ", "%FF", "%C0%80"])("the issue's own cases: %s in each param route and page", async (escape) => {
    for (const [method, pattern] of routes) {
      const res = await call(method, withSegment(pattern, 0, escape), method === "GET" ? {} : { body: {} });
      expectError(res, "bad_request");
    }
    for (const pattern of pages) expect((await sendPage(withSegment(pattern, 0, escape))).status).toBe(404);
  });
});
