import { describe, expect, it } from "vitest";
import { call } from "../support/factories";

describe("GET /api/health", () => {
  it("answers 200 with exactly {status: ok, database: ok}, uncached", async () => {
    const res = await call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toStrictEqual({ status: "ok", database: "ok" });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toContain("no-store");
  });
});
