import { describe, expect, it } from "vitest";
import { baselineHeaders, contentSecurityPolicy, isForeignMutation, routeHeaders } from "../../lib/security";

describe("content security policy", () => {
  it("allows scripts only with the response's nonce, and no plugins or framing", () => {
    const policy = contentSecurityPolicy("abc123==", { dev: false, https: false });
    const directives = new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d] as const));
    expect(directives.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directives.get("base-uri")).toBe("base-uri 'self'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("lets the dev server evaluate modules, and upgrades requests only under HTTPS", () => {
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe("baseline headers", () => {
  it("send HSTS only in production over HTTPS", () => {
    expect(baselineHeaders({ production: true, https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(baselineHeaders({ production: true, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(baselineHeaders({ production: false, https: true })).not.toHaveProperty("Strict-Transport-Security");
    expect(baselineHeaders({ production: false, https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
  });
});

describe("foreign mutations", () => {
  const request = (method: string, origin: string | undefined, secFetchSite?: string) => ({
    method,
    origin,
    host: "waypoint.example:3000",
    secFetchSite,
  });
  it.each([
    ["a POST from another origin", request("POST", "https://evil.example"), true],
    ["a DELETE from another port", request("DELETE", "http://waypoint.example:4000"), true],
    ["a PATCH from an opaque origin", request("PATCH", "null"), true],
    ["a PUT the browser marks cross-site", request("PUT", undefined, "cross-site"), true],
    ["a malformed Origin", request("POST", "not a url"), true],
    ["a POST from this origin", request("POST", "http://waypoint.example:3000"), false],
    ["a POST without Origin (a mail provider's one-click unsubscribe)", request("POST", undefined), false],
    ["a cross-site GET", request("GET", "https://evil.example", "cross-site"), false],
  ])("%s ⇒ refused: %s", (_name, req, refused) => {
    expect(isForeignMutation(req)).toBe(refused);
  });
});

describe("route headers", () => {
  it("keep the public page's and the calendar feed's URLs out of Referer headers and search engines, and nothing else", () => {
    expect(routeHeaders("/p/abc")).toEqual({ "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" });
    expect(routeHeaders("/api/calendar/abc.ics")).toEqual({ "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" });
    expect(routeHeaders("/api/calendars")).toEqual({});
    expect(routeHeaders("/dashboard")).toEqual({});
    expect(routeHeaders("/pricing")).toEqual({});
  });
});
