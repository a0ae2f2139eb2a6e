// The dashboard streams: its loading state (app/dashboard/loading.tsx) is in the first bytes, the
// page follows in the same response once its data is read; and the sign-in check still answers a
// visitor who isn't signed in with a 307 before anything streams (app/dashboard/layout.tsx).
import { describe, expect, it } from "vitest";
import { createEnrollment, createUser, send } from "../support/factories";

describe("the dashboard streams", () => {
  it("sends its loading state first and the page after it, in one response", async () => {
    const user = await createUser("streaming");
    await createEnrollment(user.id);
    const res = await send("/dashboard", { headers: { cookie: user.cookie } });
    expect(res.status).toBe(200);
    const loading = res.text.indexOf('data-testid="dashboard-loading"');
    const pace = res.text.indexOf('id="pace-heading"');
    expect(loading).toBeGreaterThan(-1);
    expect(pace).toBeGreaterThan(loading);
    // React's streamed boundary: the content arrives hidden, then replaces the fallback.
    expect(res.text.slice(loading, pace)).toMatch(/<div hidden id="S:\d+">/);
  });

  it("still sends a visitor who isn't signed in to sign in with a 307, before streaming", async () => {
    const res = await send("/dashboard");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toMatch(/^\/signin\?callbackUrl=%2Fdashboard$/);
  });
});
