// The edges of every request (issue 13, findings 5–8), over HTTP against the running app: the one
// JSON error shape for every /api 4xx (unknown paths, other methods), the 64 kB body cap, a reused
// idempotency key with another body, the per-user limits on the costly routes, the progress log's
// order under concurrent ticks, and requests racing the deletion of their account.
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../lib/request-guard";
import { PROGRESS_STATUSES, type ProgressStatus } from "../../lib/validation/progress";
import { expectError, expectOk, isErrorBody, tick, type CallResult } from "../support/api";
import { baseUrl, call, createEnrollment, createUser, firstMilestone, send, testDb, type TestUser } from "../support/factories";
import { discoverRoutes, HTTP_METHODS } from "../support/routes";
import { pointLibAtTestDatabase } from "../support/test-lib";

// lib/rate-limit.ts reads the environment on import: the limits are read from it, not restated.
pointLibAtTestDatabase();
const { USER_LIMITS } = await import("../../lib/rate-limit");

const concrete = (pattern: string) => pattern.replace(/\[\.\.\.[^\]]+\]/g, "x").replace(/\[[^\]]+\]/g, "cabc123");

async function checkIn(user: TestUser, enrollmentId: string, key: string, extra: Record<string, unknown> = {}): Promise<CallResult> {
  return call("POST", "/api/checkins", { user, body: { enrollmentId, hours: 1, confidence: 3, idempotencyKey: key, ...extra } });
}

function expectRetryAfter(res: CallResult, windowSeconds: number): void {
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter), `Retry-After: ${res.headers.get("retry-after")}`).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe("every /api 4xx in the one error shape", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("an unknown /api path answers %s with a JSON 404", async (method) => {
    for (const path of ["/api/nope", "/api/roadmaps/swe-to-mle/extra", "/api/enrollments/cabc123/milestones", "/api/me/export/all"]) {
      const res = await call(method, path, method === "GET" ? {} : { body: {} });
      expect(res.headers.get("content-type"), `${method} ${path}`).toContain("application/json");
      expectError(res, "not_found");
    }
  });

  it("every route answers the methods it doesn't take with a JSON 405 and Allow, and OPTIONS with Allow", async () => {
    const byPattern = new Map<string, string[]>();
    for (const route of discoverRoutes()) {
      const [method, pattern] = route.split(" ") as [string, string];
      byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), method]);
    }
    expect(byPattern.size).toBeGreaterThan(15);
    for (const [pattern, methods] of byPattern) {
      const implemented = new Set(methods);
      if (implemented.has("GET")) implemented.add("HEAD");
      implemented.add("OPTIONS");
      const allow = [...implemented].sort().join(", ");
      const path = concrete(pattern);
      for (const method of HTTP_METHODS.filter((m) => !implemented.has(m))) {
        const res = await call(method, path, method === "GET" || method === "HEAD" ? {} : { body: {} });
        const context = `${method} ${pattern}`;
        expect(res.headers.get("allow"), context).toBe(allow);
        if (method === "HEAD") {
          expect(res.status, context).toBe(405);
        } else {
          expect(res.headers.get("content-type"), context).toContain("application/json");
          expectError(res, "method_not_allowed");
        }
      }
      const options = await call("OPTIONS", path);
      expect({ status: options.status, allow: options.headers.get("allow") }, pattern).toEqual({ status: 204, allow });
    }
  });
});

describe("the body cap (64 kB)", () => {
  /** A valid check-in, padded with whitespace (still valid JSON) to `size` bytes. */
  const paddedCheckIn = (enrollmentId: string, key: string, size: number) => {
    const json = JSON.stringify({ enrollmentId, hours: 1, confidence: 3, idempotencyKey: key });
    return json + " ".repeat(size - json.length);
  };
  /** Sent without Content-Length (chunked), as a stream. */
  const streamed = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16_384) controller.enqueue(bytes.subarray(at, at + 16_384));
        controller.close();
      },
    });
  };
  const post = (user: TestUser, body: string | ReadableStream<Uint8Array>) =>
    fetch(`${baseUrl()}/api/checkins`, {
      method: "POST",
      headers: { cookie: user.cookie, "content-type": "application/json" },
      body,
      ...(typeof body === "string" ? {} : { duplex: "half" }),
    });

  it("refuses a 10 MB body with a 413, declared or streamed, and stores nothing: it was never parsed", async () => {
    const user = await createUser("big-body");
    const enrollment = await createEnrollment(user.id);
    const big = 10 * 1024 * 1024;
    for (const [how, body] of [
      ["with Content-Length", paddedCheckIn(enrollment.id, "big-body-declared-0001", big)],
      ["chunked, no Content-Length", streamed(paddedCheckIn(enrollment.id, "big-body-streamed-0001", big))],
    ] as const) {
      const res = await post(user, body);
      const json: unknown = await res.json();
      expect({ how, status: res.status }).toEqual({ how, status: 413 });
      expect(isErrorBody(json) && json.error.code).toBe("payload_too_large");
    }
    expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(0);
  });

  it("takes a body at the cap, declared or streamed, and refuses one byte over it", async () => {
    const user = await createUser("cap-body");
    const enrollment = await createEnrollment(user.id);
    expect((await post(user, paddedCheckIn(enrollment.id, "cap-body-declared-0001", BODY_LIMIT_BYTES))).status).toBe(201);
    expect((await post(user, streamed(paddedCheckIn(enrollment.id, "cap-body-streamed-0001", BODY_LIMIT_BYTES)))).status).toBe(201);
    expect((await post(user, paddedCheckIn(enrollment.id, "cap-body-declared-0002", BODY_LIMIT_BYTES + 1))).status).toBe(413);
    expect((await post(user, streamed(paddedCheckIn(enrollment.id, "cap-body-streamed-0002", BODY_LIMIT_BYTES + 1)))).status).toBe(413);
    expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(2);
  });
});

describe("idempotency keys", () => {
  it("replays the same request, in any key order, and refuses the same key with another body (422)", async () => {
    const user = await createUser("idem-422");
    const enrollment = await createEnrollment(user.id);
    const key = `idem-${user.id}`.slice(0, 40);
    const first = await checkIn(user, enrollment.id, key, { note: "first" });
    expectOk(first, 201);
    const reordered = await call("POST", "/api/checkins", {
      user,
      rawBody: JSON.stringify({ note: "first", idempotencyKey: key, confidence: 3, hours: 1, enrollmentId: enrollment.id }),
    });
    expectOk(reordered, 201);
    expect(reordered.headers.get("idempotent-replayed")).toBe("true");
    for (const changed of [
      { note: "second" },
      { note: "first", hours: 2 },
      { note: "first", milestoneIds: [(await firstMilestone()).id] },
    ]) {
      const res = await checkIn(user, enrollment.id, key, changed);
      expectError(res, "unprocessable");
    }
    const rows = await testDb().checkIn.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.note)).toEqual(["first"]);
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("per-user limits on the costly routes", () => {
  it(`export: ${USER_LIMITS.export.points} an hour, then 429 with Retry-After; another user is not affected`, async () => {
    const user = await createUser("limit-export");
    for (let i = 0; i < USER_LIMITS.export.points; i++) expectOk(await call("GET", "/api/me/export", { user }));
    const refused = await call("GET", "/api/me/export", { user });
    expect(expectError(refused, "rate_limited").message).toMatch(/^Too many data exports for now\. Try again in (a minute|\d+ minutes)\.$/);
    expectRetryAfter(refused, USER_LIMITS.export.durationSeconds);
    expect(refused.headers.get("cache-control")).toContain("no-store");
    expectOk(await call("GET", "/api/me/export", { user: await createUser("limit-export-other") }));
  });

  it(`check-ins: ${USER_LIMITS.checkIn.points} stored an hour, then 429; replays and refused ones don't count`, async () => {
    const user = await createUser("limit-checkin");
    const enrollment = await createEnrollment(user.id);
    expectOk(await checkIn(user, enrollment.id, "limit-checkin-key-0000"), 201);
    // Neither a replay nor a refused one uses up the allowance.
    for (let i = 0; i < 5; i++) expectOk(await checkIn(user, enrollment.id, "limit-checkin-key-0000"), 201);
    expectError(await checkIn(user, "nosuchenrolment", "limit-checkin-key-nope"), "not_found");
    for (let i = 1; i < USER_LIMITS.checkIn.points; i++)
      expectOk(await checkIn(user, enrollment.id, `limit-checkin-key-${String(i).padStart(4, "0")}`), 201);
    const refused = await checkIn(user, enrollment.id, "limit-checkin-key-over");
    expectError(refused, "rate_limited");
    expectRetryAfter(refused, USER_LIMITS.checkIn.durationSeconds);
    expect(await testDb().checkIn.count({ where: { userId: user.id } })).toBe(USER_LIMITS.checkIn.points);
  });

  it(`public-link rotation: ${USER_LIMITS.publicLink.points} an hour, then 429; turning the page off is not limited`, async () => {
    const user = await createUser("limit-link");
    for (let i = 0; i < USER_LIMITS.publicLink.points; i++) expectOk(await call("POST", "/api/me/public-page", { user }), 201);
    const refused = await call("POST", "/api/me/public-page", { user });
    expectError(refused, "rate_limited");
    expectRetryAfter(refused, USER_LIMITS.publicLink.durationSeconds);
    expectOk(await call("DELETE", "/api/me/public-page", { user }));
  });

  it(`calendar-link rotation: ${USER_LIMITS.calendarLink.points} an hour, then 429; turning the feed off is not limited`, async () => {
    const user = await createUser("limit-calendar");
    for (let i = 0; i < USER_LIMITS.calendarLink.points; i++) expectOk(await call("POST", "/api/me/calendar-feed", { user }), 201);
    const refused = await call("POST", "/api/me/calendar-feed", { user });
    expectError(refused, "rate_limited");
    expectRetryAfter(refused, USER_LIMITS.calendarLink.durationSeconds);
    expectOk(await call("DELETE", "/api/me/calendar-feed", { user }));
  });

  it(`the /digest preview: ${USER_LIMITS.digestPreview.points} an hour, then a page that says how long to wait`, async () => {
    const user = await createUser("limit-digest");
    await createEnrollment(user.id);
    const view = () => send("/digest", { headers: { cookie: user.cookie } });
    for (let i = 0; i < USER_LIMITS.digestPreview.points; i++) {
      const res = await view();
      expect(res.status).toBe(200);
      expect(res.text).toContain('data-testid="digest-subject"');
    }
    const refused = await view();
    expect(refused.status).toBe(200);
    expect(refused.text).not.toContain('data-testid="digest-subject"');
    expect(refused.text).toMatch(
      /data-testid="digest-limited"[^>]*>Too many email previews for now\. Try again in (a minute|\d+ minutes)\./,
    );
  }, 120_000);
});

describe("the progress log under concurrency", () => {
  it("20 concurrent ticks with alternating statuses replay by time to the stored status, three rounds", async () => {
    const user = await createUser("concurrent-ticks");
    const enrollment = await createEnrollment(user.id);
    const milestone = await firstMilestone();
    const statuses: ProgressStatus[] = ["in_progress", "done", "not_started", "skipped"];
    expect(PROGRESS_STATUSES).toEqual(expect.arrayContaining(statuses));
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          tick(user, enrollment.id, milestone.id, { status: statuses[i % statuses.length]!, note: `round ${round} tick ${i}` }),
        ),
      );
      for (const res of answers) expectOk(res);
      const events = await testDb().progressEvent.findMany({
        where: { userId: user.id, skillId: milestone.skillId },
        orderBy: { occurredAt: "asc" },
      });
      // Strictly increasing times, so "by time" is one order; each event starts where the one before ended.
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.occurredAt.getTime(), `event ${i} of round ${round}`).toBeGreaterThan(events[i - 1]!.occurredAt.getTime());
        expect(events[i]!.fromStatus, `event ${i} of round ${round}`).toBe(events[i - 1]!.toStatus);
      }
      const stored = await testDb().milestoneProgress.findUniqueOrThrow({
        where: { userId_skillId: { userId: user.id, skillId: milestone.skillId } },
      });
      expect(events.at(-1)?.toStatus).toBe(stored.status);
      expect(events.at(-1)?.note).toBe(stored.note);
      // The done flips the trigger kept are in time order too.
      const flips = stored.doneFlips.map(Number);
      expect(flips).toEqual([...flips].sort((a, b) => a - b));
    }
  });
});

describe("requests racing the deletion of their account", () => {
  it("answer 401 or 404 (or succeed), never 500", async () => {
    const milestone = await firstMilestone();
    for (let round = 0; round < 4; round++) {
      const user = await createUser(`deleted-mid-${round}`);
      const enrollment = await createEnrollment(user.id);
      const requests: Promise<CallResult>[] = [];
      for (let i = 0; i < 4; i++) {
        requests.push(
          checkIn(user, enrollment.id, `race-${round}-${i}-0000000000`, { milestoneIds: [milestone.id] }),
          tick(user, enrollment.id, milestone.id, { status: i % 2 ? "done" : "in_progress" }),
          call("PATCH", "/api/me", { user, body: { digestHour: i } }),
          call("GET", "/api/checkins", { user }),
          call("GET", `/api/enrollments/${enrollment.id}/pacing`, { user }),
          call("POST", "/api/me/public-page", { user }),
        );
      }
      void requests.splice(6 + round * 3, 0, call("DELETE", "/api/me", { user, body: { confirmEmail: user.email } }));
      const answers = await Promise.all(requests);
      for (const res of answers) {
        expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        if (res.status >= 400) expect([401, 404], res.text.slice(0, 300)).toContain(res.status);
      }
      expect(await testDb().user.count({ where: { id: user.id } })).toBe(0);
    }
  });
});
