import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, declaresTooLargeBody, guardRequest, hasMalformedEscape, PROXY_BODY_COPY_BYTES } from "../../lib/request-guard";

describe("malformed percent escapes", () => {
  it.each([
    "/p/%ZZ",
    "/p/%FF",
    "/roadmaps/%C0%80",
    "/api/enrollments/%E0%A4/pacing",
    "/p/100%",
    "/p/%",
    "/p/%2",
    "/api/checkins/%ED%A0%80",
  ])("%s is malformed", (path) => {
    expect(hasMalformedEscape(path)).toBe(true);
  });

  it.each(["/", "/p/abc", "/roadmaps/swe-to-mle", "/p/%41%42", "/p/caf%C3%A9", "/api/x/%2F%2F", "/p/%F0%9F%98%80", "/p/%25ZZ"])(
    "%s is fine",
    (path) => {
      expect(hasMalformedEscape(path)).toBe(false);
    },
  );
});

describe("declared body size", () => {
  it("refuses a Content-Length over the cap, or one that is no length", () => {
    expect(declaresTooLargeBody(null)).toBe(false);
    expect(declaresTooLargeBody("0")).toBe(false);
    expect(declaresTooLargeBody(String(BODY_LIMIT_BYTES))).toBe(false);
    expect(declaresTooLargeBody(String(BODY_LIMIT_BYTES + 1))).toBe(true);
    expect(declaresTooLargeBody("10485760")).toBe(true);
    expect(declaresTooLargeBody("99999999999999999999")).toBe(true);
    expect(declaresTooLargeBody("12abc")).toBe(true);
  });

  it("keeps Next's body copy at the cap plus one socket read (next.config.js restates it)", async () => {
    expect(PROXY_BODY_COPY_BYTES).toBe(BODY_LIMIT_BYTES + 65_536);
    // A plain-JS module without types: imported by URL and typed here.
    const config = ((await import(pathToFileURL(path.resolve("next.config.js")).href)) as { default: NextConfig }).default;
    expect(config.experimental?.proxyClientMaxBodySize).toBe(PROXY_BODY_COPY_BYTES);
  });
});

describe("guardRequest", () => {
  it("answers a malformed /api path with a 400 and a malformed page path with the not-found page", () => {
    expect(guardRequest({ rawPath: "/api/roadmaps/%ZZ", contentLength: null })).toMatchObject({
      action: "refuse",
      status: 400,
      code: "bad_request",
    });
    expect(guardRequest({ rawPath: "/api/%FF", contentLength: null })).toMatchObject({ action: "refuse", status: 400 });
    expect(guardRequest({ rawPath: "/p/%C0%80", contentLength: null })).toEqual({ action: "not-found-page" });
    // "/apix" is a page address, not the API.
    expect(guardRequest({ rawPath: "/apix/%ZZ", contentLength: null })).toEqual({ action: "not-found-page" });
  });

  it("refuses a declared oversized body with a 413 and lets the rest pass", () => {
    expect(guardRequest({ rawPath: "/api/checkins", contentLength: "10485760" })).toMatchObject({
      action: "refuse",
      status: 413,
      code: "payload_too_large",
    });
    expect(guardRequest({ rawPath: "/api/checkins", contentLength: "120" })).toEqual({ action: "pass" });
    expect(guardRequest({ rawPath: "/dashboard", contentLength: null })).toEqual({ action: "pass" });
  });
});
