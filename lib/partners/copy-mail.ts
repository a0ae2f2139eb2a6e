// The partner's weekly copy, composed as plain data (pure): one line per person they follow, in the
// cohort list's order, whoever needs attention first.
import { escapeHtml } from "../digest/html";
import { describeBuffer } from "../pacing/verdict";
import type { CohortRow } from "./cohort";

export function partnerCopyLine(row: CohortRow): string {
  const parts: string[] = [];
  if (row.verdict) parts.push(row.verdict.label + (row.bufferDays === null ? "" : `, ${describeBuffer(row.bufferDays)}`));
  if (row.thisWeek) parts.push(`${row.thisWeek.loggedHours} of ${row.thisWeek.budgetHours} h this week`);
  if (row.streakWeeks !== null) parts.push(`${row.streakWeeks}-week check-in streak`);
  return `${row.name ?? "Unnamed"} (you are their ${row.role}): ${parts.length ? parts.join(" · ") : "nothing shared beyond their name"}`;
}

export function partnerCopyMail(input: { week: string; rows: readonly CohortRow[]; listUrl: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const n = input.rows.length;
  const lines = input.rows.map(partnerCopyLine);
  const subject = `${input.week}: how the ${n === 1 ? "person" : `${n} people`} you follow are doing`;
  return {
    subject,
    text:
      `The people you follow on Waypoint, whoever needs attention first:\n\n${lines.map((l) => `- ${l}`).join("\n")}\n\n` +
      `See each one's progress:\n${input.listUrl}\n\n--\nYou're getting this because you turned on the weekly email about the people you follow. Turn it off here:\n${input.listUrl}\n`,
    html: `<!doctype html><html lang="en-GB"><body style="font-family:system-ui,sans-serif;color:#1c1917;max-width:600px;margin:auto;padding:24px">
<h1 style="font-size:20px">The people you follow</h1>
<p>Whoever needs attention first.</p>
<ul>${lines.map((l) => `<li style="margin:0 0 6px">${escapeHtml(l)}</li>`).join("")}</ul>
<p><a href="${escapeHtml(input.listUrl)}" style="color:#0f766e">See each one's progress</a></p>
<p style="font-size:13px;color:#57534e">You're getting this because you turned on the weekly email about the people you follow. <a href="${escapeHtml(input.listUrl)}" style="color:#57534e">Turn it off</a>.</p>
</body></html>`,
  };
}
