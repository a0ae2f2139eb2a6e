// The invitation email, composed as plain data (no I/O), sent over the same path as sign-in links.
import { escapeHtml } from "../digest/html";
import type { PartnerRole } from "../validation/partners";

const ROLE_WORDS: Record<PartnerRole, string> = { mentor: "mentor", manager: "manager", friend: "accountability partner" };

export function invitationMail(input: { inviter: string; role: PartnerRole; acceptUrl: string; expiresOn: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const role = ROLE_WORDS[input.role];
  const url = escapeHtml(input.acceptUrl);
  const who = escapeHtml(input.inviter);
  return {
    subject: `${input.inviter} asks you to follow their ML learning plan on Waypoint`,
    text:
      `${input.inviter} is working through a plan to move into ML engineering and would like you as their ${role}.\n\n` +
      `You would see a read-only view of their progress (what they chose to share) and could leave kudos or a short comment.\n\n` +
      `Accept here, signing in with this email address:\n${input.acceptUrl}\n\n` +
      `The link works once and until ${input.expiresOn}. If you weren't expecting it, ignore this email and nothing happens.\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:480px;margin:auto;padding:24px">
<h1 style="font-size:20px">${who} would like you as their ${role}</h1>
<p>They are working through a plan to move into ML engineering. You would see a read-only view of the progress they chose to share, and could leave kudos or a short comment.</p>
<p><a href="${url}" style="display:inline-block;background:#0f766e;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none">See the invitation</a></p>
<p style="font-size:14px;color:#4b5563">Sign in with this email address to accept. The link works once and until ${escapeHtml(input.expiresOn)}. If you weren't expecting it, ignore this email and nothing happens.</p>
</body></html>`,
  };
}
