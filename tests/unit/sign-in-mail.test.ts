import { describe, it, expect } from "vitest";
import { magicLinkMail, tooManySignInEmailsMessage } from "../../lib/sign-in-mail";

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
    expect(html).toContain(
      'href="https://waypoint.test/api/auth/callback/email?token=abc123&amp;email=ada%40example.com"',
    );
    expect(html).not.toContain("token=abc123&email");
    expect(html).toContain("10 minutes");
  });

  it("escapes quotes and angle brackets so the URL cannot break out of the attribute", () => {
    const { html } = magicLinkMail('https://evil.test/?a="><script>alert(1)</script>', "evil.test");
    expect(html).toContain('href="https://evil.test/?a=&quot;>&lt;script>alert(1)&lt;/script>"');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('a="');
  });

  it("escapes & before anything else, so an existing entity is shown literally", () => {
    const { html } = magicLinkMail("https://waypoint.test/?q=&amp;&lt;", "waypoint.test");
    expect(html).toContain('href="https://waypoint.test/?q=&amp;amp;&amp;lt;"');
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
