import { describe, expect, it } from "vitest";
import { parseEmailAddress } from "../../lib/email-address";
import { sameOriginPath } from "../../lib/same-origin-path";
import { confirmInsteadOfCallback } from "../../lib/sign-in-mail";

const ORIGIN = "https://waypoint.test";
const path = (value: unknown) => sameOriginPath(value, ORIGIN, "/dashboard");

describe("sameOriginPath", () => {
  it.each([
    "/\\evil.example/",
    "/\\/evil.example/",
    "\\\\evil.example",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r\n/evil.example/",
    "//evil.example/",
    "///evil.example/",
    "  //evil.example/",
    "\u0000//evil.example/",
    "http:evil.example",
    "HTTPS://EVIL.EXAMPLE/",
    "HtTpS://evil.example/",
    "https://waypoint.test.evil.example/",
    "https://waypoint.test@evil.example/",
    "http://waypoint.test/dashboard",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/.//evil.example/",
    "/a/../..//evil.example/",
    "",
  ])("%j → the fallback", (value) => {
    expect(path(value)).toBe("/dashboard");
  });

  it.each([
    ["/checkin", "/checkin"],
    ["/checkin?week=2026-W48#top", "/checkin?week=2026-W48#top"],
    ["https://waypoint.test/shipped", "/shipped"],
    ["HTTPS://WAYPOINT.TEST/shipped", "/shipped"],
    // Encoded forms stay encoded: a browser follows "/%5Cevil.example/" and "/%2F%2F…" as paths here.
    ["/%5Cevil.example/", "/%5Cevil.example/"],
    ["/%2F%2Fevil.example/", "/%2F%2Fevil.example/"],
    ["/%09/evil.example/", "/%09/evil.example/"],
    ["settings", "/settings"],
    ["https:settings", "/settings"],
    // On an https origin, "https:evil.example" is a relative path (as a browser resolves it).
    ["https:evil.example", "/evil.example"],
  ])("%j → %j", (value, expected) => {
    expect(path(value)).toBe(expected);
  });

  it("refuses a value longer than any path the app makes", () => {
    expect(path(`/${"x".repeat(2047)}`)).toBe(`/${"x".repeat(2047)}`);
    expect(path(`/${"x".repeat(2048)}`)).toBe("/dashboard");
  });

  it("takes the first of repeated values and ignores non-strings", () => {
    expect(path(["/checkin", "//evil.example"])).toBe("/checkin");
    expect(path(["//evil.example", "/checkin"])).toBe("/dashboard");
    expect(path(undefined)).toBe("/dashboard");
    expect(path(42)).toBe("/dashboard");
  });

  it("every result, resolved as a browser resolves a Location, is on the origin", () => {
    const samples = ["/\\evil", "//evil", "/%5Cevil", "/\t/evil", "https:evil", "/ok", "/.//evil", "\\/evil", "/\\\\evil"];
    for (const s of samples) expect(new URL(path(s), ORIGIN).origin, s).toBe(ORIGIN);
  });
});

describe("parseEmailAddress", () => {
  it.each([
    ["ada@example.com", "ada@example.com"],
    ["  Ada.Lovelace+waypoint@Example.CO.UK\t", "ada.lovelace+waypoint@example.co.uk"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["a_b-c@sub.example-domain.io", "a_b-c@sub.example-domain.io"],
  ])("%j → %j", (input, address) => {
    expect(parseEmailAddress(input)).toEqual({ ok: true, address: { address } });
  });

  it.each([
    ["ada@example.com,eve@example.com", "Enter one email address, not a list."],
    ["ada@example.com;eve@example.com", "Enter one email address, not a list."],
    ["ada@example.com\r\nBcc: eve@example.com", "An email address can't contain spaces, line breaks or control characters."],
    ["ada@example.com\u0000", "An email address can't contain spaces, line breaks or control characters."],
    ["ada @example.com", "An email address can't contain spaces, line breaks or control characters."],
    ["Ada <ada@example.com>", "An email address can't contain spaces, line breaks or control characters."],
    ["<ada@example.com>", "Enter just the address, like name@example.com, without a name or brackets."],
    ['"ada"@example.com', "Enter just the address, like name@example.com, without a name or brackets."],
    ["ada@[127.0.0.1]", "Enter just the address, like name@example.com, without a name or brackets."],
    ["friends:ada@example.com", "Enter just the address, like name@example.com, without a name or brackets."],
    ["adá@example.com", "Enter the address in plain letters (ASCII), like name@example.com."],
    ["ada@@example.com", "Enter an email address like name@example.com."],
    ["ada@example.com@eve.example", "Enter an email address like name@example.com."],
    ["ada", "Enter an email address like name@example.com."],
    ["ada@localhost", "Enter an email address like name@example.com."],
    ["ada@example.123", "Enter an email address like name@example.com."],
    [".ada@example.com", "Enter an email address like name@example.com."],
    ["ada..l@example.com", "Enter an email address like name@example.com."],
    ["ada@-example.com", "Enter an email address like name@example.com."],
    ["ada@example..com", "Enter an email address like name@example.com."],
    [`${"a".repeat(65)}@example.com`, "Enter an email address like name@example.com."],
    [`ada@${"a".repeat(250)}.com`, "That is longer than any email address."],
    ["", "Enter your email address."],
    ["   ", "Enter your email address."],
  ])("refuses %j", (input, message) => {
    expect(parseEmailAddress(input)).toEqual({ ok: false, message });
  });

  it("refuses what isn't a string", () => {
    for (const input of [null, undefined, 42, ["ada@example.com"], { address: "ada@example.com" }])
      expect(parseEmailAddress(input).ok).toBe(false);
  });
});

describe("confirmInsteadOfCallback", () => {
  const url = "https://waypoint.test/api/auth/callback/email?callbackUrl=%2Fdashboard&token=abc&email=eve%40example.com";
  const request = (site?: string) => ({ url, headers: new Headers(site ? { "sec-fetch-site": site } : {}) });

  it("sends a navigation from another site to the confirmation page, with the same query", () => {
    expect(confirmInsteadOfCallback(request("cross-site"))).toBe(
      "/signin/confirm?callbackUrl=%2Fdashboard&token=abc&email=eve%40example.com",
    );
    expect(confirmInsteadOfCallback(request("same-site"))).toBe(
      "/signin/confirm?callbackUrl=%2Fdashboard&token=abc&email=eve%40example.com",
    );
  });

  it("lets the confirmation page's own click, a typed URL and a client without the header through", () => {
    expect(confirmInsteadOfCallback(request("same-origin"))).toBeNull();
    expect(confirmInsteadOfCallback(request("none"))).toBeNull();
    expect(confirmInsteadOfCallback(request())).toBeNull();
  });
});
