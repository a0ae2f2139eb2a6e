// The magic-link email, composed as plain data so it can be tested without sending anything, and the
// confirmation step between the email and next-auth's callback.
//
// The email links to /signin/confirm, not to the callback: opening the callback signs in and uses the
// link up, and mail security scanners (Outlook's Safe Links and the like) open every link in a
// message to check it, which would spend the link before its owner clicks. The confirmation page only
// reads; its "Sign in" button goes on to the callback.
import { z } from "zod";
import { escapeHtml } from "./digest/html";

const CALLBACK_PATH = "/api/auth/callback/email";
export const CONFIRM_PATH = "/signin/confirm";

/** next-auth's callback URL → the confirmation page's, same origin and query (token, email, callbackUrl). */
export function confirmLinkFor(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  url.pathname = CONFIRM_PATH;
  return url.toString();
}

/**
 * What the confirmation page accepts: next-auth's 64-hex-digit token and the address, as next-auth
 * put them in the link; the page passes callbackUrl on as a same-origin path (lib/same-origin-path.ts).
 */
export const confirmParams = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/),
  email: z.string().min(3).max(320).includes("@"),
  callbackUrl: z.string().max(2048).optional(),
});
export type ConfirmParams = z.infer<typeof confirmParams>;

/** The callback the confirmation button goes to: a path on this site, whatever the query held. */
export function callbackLinkFor(params: ConfirmParams): string {
  const query = new URLSearchParams({
    ...(params.callbackUrl ? { callbackUrl: params.callbackUrl } : {}),
    token: params.token,
    email: params.email,
  });
  return `${CALLBACK_PATH}?${query.toString()}`;
}

/**
 * Login CSRF: a page on another site could navigate a browser to the attacker's own callback link
 * and so sign that browser in as the attacker. The one legitimate way to the email callback is the
 * confirmation page's button, a same-origin navigation; a request the browser marks as coming from
 * another site (Sec-Fetch-Site "cross-site" or "same-site") is instead sent to the confirmation page
 * with the same query, which shows whose account it is, spends nothing, and signs in only on a click.
 * Returns that page's path, or null to let the callback run.
 */
export function confirmInsteadOfCallback(request: { url: string; headers: Headers }): string | null {
  const site = request.headers.get("sec-fetch-site");
  if (site !== "cross-site" && site !== "same-site") return null;
  return `${CONFIRM_PATH}${new URL(request.url).search}`;
}

export function magicLinkMail(url: string, host: string): { subject: string; text: string; html: string } {
  const escaped = escapeHtml(url);
  return {
    subject: `Your sign-in link for Waypoint`,
    text: `Sign in to Waypoint (${host}) with this link:\n\n${url}\n\nIt works once and expires in 10 minutes. If you didn't ask for it, you can ignore this email.\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:480px;margin:auto;padding:24px">
<h1 style="font-size:20px">Sign in to Waypoint</h1>
<p><a href="${escaped}" style="display:inline-block;background:#0f766e;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none">Sign in</a></p>
<p style="font-size:14px;color:#4b5563">This link works once and expires in 10 minutes. If you didn't ask for it, you can ignore this email.</p>
</body></html>`,
  };
}

/** What a person is told when they have asked for too many sign-in emails (HTTP 429, Retry-After seconds). */
export function tooManySignInEmailsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in emails for now. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
