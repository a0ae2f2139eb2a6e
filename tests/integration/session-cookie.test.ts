// The session cookie as a real sign-in sets it: magic link requested over HTTP, read from the SMTP
// server, opened and its button followed. Over plain HTTP (the test stack) it is HttpOnly and SameSite=Lax; the Secure flag
// and "__Secure-" prefix come with an https:// NEXTAUTH_URL (lib/auth.ts, useSecureCookies).
import { describe, expect, it } from "vitest";
import { baseUrl, uniqueEmail } from "../support/factories";
import { magicLinkIn, waitForMail } from "../support/mail-capture";

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, for the whole site, and only set by following the emailed link", async () => {
    const email = uniqueEmail("cookie");
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const since = new Date();
    const requested = await fetch(`${baseUrl()}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard", json: "true" }),
    });
    expect(requested.status).toBe(200);
    const link = magicLinkIn(await waitForMail(process.env.MAIL_DIR!, email, since));

    // The emailed link is the confirmation page: opening it sets no cookie; its button leads on.
    const confirm = await fetch(link, { redirect: "manual" });
    expect(confirm.status).toBe(200);
    expect(confirm.headers.getSetCookie().filter((c) => c.includes("session-token"))).toEqual([]);
    const href = /<a href="(\/api\/auth\/callback\/email\?[^"]+)"/.exec(await confirm.text())?.[1];
    expect(href).toBeDefined();
    const signedIn = await fetch(new URL(href!.replaceAll("&amp;", "&"), baseUrl()), { redirect: "manual" });
    expect(signedIn.status).toBe(302);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(session, signedIn.headers.getSetCookie().join("\n")).toBeDefined();
    const attributes = session!.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(attributes).not.toContain("secure");
  });
});
