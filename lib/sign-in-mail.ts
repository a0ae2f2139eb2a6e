// The magic-link email, composed as plain data so it can be tested without sending anything.
export function magicLinkMail(url: string, host: string): { subject: string; text: string; html: string } {
  const escaped = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
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
