import { describe, it, expect } from "vitest";
import { callbackLinkFor, confirmLinkFor, confirmParams, magicLinkMail, tooManySignInEmailsMessage } from "../../lib/sign-in-mail";

const url = "https://waypoint.test/api/auth/callback/email?token=abc123&email=ada%40example.com";

describe("magicLinkMail", () => {
  it("has a fixed subject", () => {
    expect(magicLinkMail(url, "waypoint.test").subject).toBe("Your sign-in link for Waypoint");
  });

  it("puts the raw URL, the host and the expiry in the text part", () => {
    const { text } = magicLinkMail(url, "waypoint.test");
    expect(text).toContain(`Sign in to Waypoint (waypoint.test) with this link:\n\n${url}\n`);
    expect(text).toContain("10 minutes");
  });

  it("links to the URL with & escaped in the HTML part", () => {
    const { html } = magicLinkMail(url, "waypoint.test");
    expect(html).toContain('href="https://waypoint.test/api/auth/callback/email?token=abc123&amp;email=ada%40example.com"');
    expect(html).not.toContain("token=abc123&email");
    expect(html).toContain("10 minutes");
  });

  it("escapes quotes and angle brackets so the URL cannot break out of the attribute", () => {
    const { html } = magicLinkMail('https://evil.test/?a="><script>alert(1)</script>', "evil.test");
    expect(html).toContain('href="https://evil.test/?a=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('a="');
  });

  it("escapes & before anything else, so an existing entity is shown literally", () => {
    const { html } = magicLinkMail("https://waypoint.test/?q=&amp;&lt;", "waypoint.test");
    expect(html).toContain('href="https://waypoint.test/?q=&amp;amp;&amp;lt;"');
  });
});

describe("the confirmation step", () => {
  const token = "0123456789abcdef".repeat(4);
  const nextAuthUrl = `https://waypoint.test/api/auth/callback/email?callbackUrl=https%3A%2F%2Fwaypoint.test%2Fcheckin&token=${token}&email=ada%40example.com`;

  it("sends the email's link to the confirmation page, same origin and query", () => {
    expect(confirmLinkFor(nextAuthUrl)).toBe(
      `https://waypoint.test/signin/confirm?callbackUrl=https%3A%2F%2Fwaypoint.test%2Fcheckin&token=${token}&email=ada%40example.com`,
    );
  });

  it("goes on to the callback on this site with what the link carried, round trip", () => {
    const query = Object.fromEntries(new URL(confirmLinkFor(nextAuthUrl)).searchParams);
    const params = confirmParams.parse(query);
    expect(callbackLinkFor(params)).toBe(
      `/api/auth/callback/email?callbackUrl=https%3A%2F%2Fwaypoint.test%2Fcheckin&token=${token}&email=ada%40example.com`,
    );
    expect(callbackLinkFor({ token, email: "ada@example.com" })).toBe(`/api/auth/callback/email?token=${token}&email=ada%40example.com`);
  });

  it("refuses a cut-short or altered link: token not 64 hex digits, no address, a list where one value goes", () => {
    for (const query of [
      { token: token.slice(0, 40), email: "ada@example.com" },
      { token: token.toUpperCase(), email: "ada@example.com" },
      { token, email: "" },
      { token },
      { email: "ada@example.com" },
      { token: [token, token], email: "ada@example.com" },
    ]) {
      expect(confirmParams.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });

  it("always links to this site's callback, even when the query names another host", () => {
    const link = callbackLinkFor({ token, email: "ada@example.com", callbackUrl: "https://evil.test/" });
    expect(link.startsWith("/api/auth/callback/email?")).toBe(true);
  });
});

describe("tooManySignInEmailsMessage", () => {
  it("rounds the wait up to whole minutes, and says 1 minute, not 1 minutes", () => {
    expect(tooManySignInEmailsMessage(900)).toBe("Too many sign-in emails for now. Try again in 15 minutes.");
    expect(tooManySignInEmailsMessage(841)).toBe("Too many sign-in emails for now. Try again in 15 minutes.");
    expect(tooManySignInEmailsMessage(840)).toBe("Too many sign-in emails for now. Try again in 14 minutes.");
    expect(tooManySignInEmailsMessage(61)).toBe("Too many sign-in emails for now. Try again in 2 minutes.");
    expect(tooManySignInEmailsMessage(60)).toBe("Too many sign-in emails for now. Try again in 1 minute.");
    expect(tooManySignInEmailsMessage(1)).toBe("Too many sign-in emails for now. Try again in 1 minute.");
  });
});
