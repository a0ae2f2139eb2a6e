// The weekly digest email: subject, plain text and HTML from one DigestInput. Pure: no I/O, no clock.
//
// The words are decided once, in a DigestContent, and the text and HTML parts both render it, so the
// two parts can't drift apart. Plain string building throughout: the scheduler composes thousands.
import { civilOfDay, dayOfIso, formatDay } from "../calendar/days";
import { describeBuffer, describeOverdue, describeVariance } from "../pacing/headline";
import { emptyWeekText, itemHoursText, weekProgressText } from "../pacing/this-week-text";
import { pivotMeasureLine } from "../pivot/pace";
import { escapeHtml } from "./html";
import type { ComposedDigest, DigestInput } from "./types";

/** Which email this is; the first that applies wins. */
export type DigestKind = "finished" | "upcoming" | "first_week" | "quiet" | "ahead" | "behind" | "on_plan";

export function digestKind(input: DigestInput): DigestKind {
  if (input.pace.verdict.status === "done") return "finished";
  if (input.pace.verdict.status === "upcoming") return "upcoming";
  if (input.firstWeek) return "first_week";
  if (input.doneThisWeek.length === 0 && input.checkIns.length === 0) return "quiet";
  const variance = input.pace.varianceDays ?? 0;
  return variance > 0 ? "ahead" : variance < 0 ? "behind" : "on_plan";
}

interface DigestContent {
  subject: string;
  preheader: string;
  greeting: string;
  /** Paragraphs before the pace. */
  intro: string[];
  headline: string | null;
  /** "Week 14 of 52 · On track · 27% done". */
  status: string | null;
  facts: { label: string; value: string }[];
  /** A paragraph after the pace (the behind case). */
  paceNote: string | null;
  /** This week's plan (lib/pacing/this-week.ts), the dashboard's words: null when the plan isn't running. */
  thisWeek: { progress: string; items: { title: string; hours: string }[]; empty: string | null } | null;
  /** The pivot phase's pace, one line a target (/pivot's words), in the "This week" section; empty without targets. */
  pivot: string[];
  done: string[];
  /** Kudos and comments from partners: "Sam sent kudos on Linear algebra", with the words if any. */
  partnerNotes: string[];
  checkIns: string | null;
  streak: string | null;
  next: { title: string; due: string }[];
  /** The one button. */
  action: { label: string; textLead: string; href: string; caption: string | null };
  /** A quieter link to the dashboard, when the button goes elsewhere. */
  dashboard: string | null;
  closing: string | null;
  footer: { email: string; settings: string; unsubscribe: string };
}

export function composeDigest(input: DigestInput): ComposedDigest {
  const content = digestContent(input);
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

// ---------------------------------------------------------------------------------------------
// The words

const count = (n: number, one: string, many: string = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One decimal at most, none when whole: 7.5, 4. */
const decimal = (n: number) => String(Math.round(n * 10) / 10);

const day = (iso: string) => formatDay(dayOfIso(iso));

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "23–29 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027". */
function formatRange(from: string, to: string): string {
  const a = civilOfDay(dayOfIso(from));
  const b = civilOfDay(dayOfIso(to));
  if (a.year !== b.year) return `${day(from)} – ${day(to)}`;
  if (a.month !== b.month) return `${day(from).slice(0, -5)} – ${day(to)}`;
  return `${a.dayOfMonth}–${day(to)}`;
}

/** What the week amounts to in a few words, or null when nothing was logged. */
function activity(input: DigestInput): string | null {
  const done = input.doneThisWeek.length;
  if (done > 0) return `${count(done, "milestone")} done`;
  const hours = sumHours(input);
  if (hours > 0) return `${count(Number(decimal(hours)), "hour")} logged`;
  if (input.checkIns.length > 0) return count(input.checkIns.length, "check-in");
  return null;
}

function sumHours(input: DigestInput): number {
  let hours = 0;
  for (const c of input.checkIns) hours += c.hours;
  return hours;
}

function subjectOf(input: DigestInput, kind: DigestKind): string {
  const week = `Week ${input.planWeek.n} of ${input.planWeek.of}`;
  const did = activity(input);
  switch (kind) {
    case "finished":
      return `You've finished ${input.roadmapTitle} — congratulations`;
    case "upcoming":
      return input.next.length > 0 ? `${input.pace.verdict.headline} — here's what comes first` : input.pace.verdict.headline;
    case "first_week":
      return did ? `${week} — a good start, ${did}` : `${week} — welcome to Waypoint`;
    case "quiet": {
      // Never a scolding subject line: the buffer if there is one and the verdict is on track (a
      // buffer in hand beside "at risk" would contradict it), else the smallest next step.
      const buffer = input.pace.bufferDays;
      return input.pace.verdict.status === "on_track" && buffer !== null && buffer > 0
        ? `${week} — a quiet week, with ${describeBuffer(buffer)} in hand`
        : `${week} — a quiet week, and one small step counts`;
    }
    default:
      // The verdict's own phrase ("on track, 2 weeks ahead", "at risk, finishing after your
      // target"), so the subject can't say anything the body's verdict doesn't.
      return `${week} — ${[input.pace.verdict.phrase, did].filter((p) => p !== null).join(", ")}`;
  }
}

/** "due 14 Dec 2026", or "overdue by 2 weeks" once the date has passed (the week's last day is "today"). */
function dueText(dueDate: string, today: string): string {
  const late = dayOfIso(today) - dayOfIso(dueDate);
  return late > 0 ? describeOverdue(late) : `due ${day(dueDate)}`;
}

function checkInSummary(input: DigestInput): string | null {
  const n = input.checkIns.length;
  if (n === 0) return null;
  let confidence = 0;
  for (const c of input.checkIns) confidence += c.confidence;
  const hours = count(Number(decimal(sumHours(input))), "hour");
  const average = decimal(confidence / n);
  return n === 1
    ? `1 check-in: ${hours}, confidence ${average} out of 5.`
    : `${n} check-ins: ${hours} in all, average confidence ${average} out of 5.`;
}

// Worded like the app's StreakBadge: the streak as of the week the email arrives in, which may still
// be open (no check-in yet doesn't end the run; lib/checkins/streak).
function streakLine(input: DigestInput): string {
  const { weeks, thisWeekDone, frozen, freezeLeftThisMonth } = input.streak;
  if (weeks === 0) return "Your next check-in starts a streak.";
  const run = thisWeekDone ? (weeks === 1 ? "1 week: a new streak." : `${weeks} weeks in a row.`) : `${count(weeks, "week")} so far.`;
  const bridged =
    frozen.length === 0 ? "" : ` A freeze covered ${frozen.length === 1 ? "a missed week" : `${frozen.length} missed weeks`}.`;
  const keep = thisWeekDone ? "" : " Check in this week to keep it going.";
  const freeze = freezeLeftThisMonth ? " One freeze left this month." : " This month's freeze is used.";
  return `${run}${bridged}${keep}${freeze}`;
}

function paceFacts(input: DigestInput): { label: string; value: string }[] {
  const { varianceDays, bufferDays, projectedFinish, targetDate } = input.pace;
  // "Level with the plan", not "on plan": those words are the on-track verdict's, and this line
  // also shows beside "At risk".
  const versus =
    varianceDays === null ? "Not known yet" : varianceDays === 0 ? "Level with the plan" : capitalise(describeVariance(varianceDays));
  const facts = [{ label: "Versus plan", value: versus }];
  if (bufferDays !== null) facts.push({ label: "Buffer", value: bufferDays < 0 ? "None" : count(bufferDays, "day") });
  facts.push({ label: "Projected finish", value: projectedFinish ? day(projectedFinish) : "Not enough data yet" });
  facts.push({ label: "Target finish", value: day(targetDate) });
  return facts;
}

function finishedIntro(input: DigestInput): string {
  const { finishedOn, targetDate } = input.pace;
  const done = `Congratulations: you've finished every milestone of ${input.roadmapTitle}.`;
  if (!finishedOn) return done;
  const early = dayOfIso(targetDate) - dayOfIso(finishedOn);
  if (early > 0) return `${done} That's ${describeVariance(early)} of your target, ${day(targetDate)}.`;
  if (early === 0) return `${done} Right on your target date.`;
  return done;
}

function thisWeekContent(input: DigestInput): NonNullable<DigestContent["thisWeek"]> {
  const plan = input.thisWeek;
  return {
    progress: `${weekProgressText(plan)}.`,
    items: plan.items.map((item) => ({ title: item.title, hours: itemHoursText(item) })),
    empty: emptyWeekText(plan),
  };
}

function digestContent(input: DigestInput): DigestContent {
  const kind = digestKind(input);
  const { pace, links } = input;
  const name = input.user.name?.trim();
  const range = formatRange(input.weekRange.from, input.weekRange.to);
  const active = kind !== "finished" && kind !== "upcoming";
  const opening = openingOf(input, kind, range);
  const paceNote = pace.verdict.advice ? pace.verdict.advice.text : opening.paceNote;

  return {
    subject: subjectOf(input, kind),
    preheader: opening.preheader,
    greeting: name ? `Hi ${name},` : "Hi,",
    intro: opening.intro,
    headline: pace.verdict.headline,
    status: active
      ? `Week ${input.planWeek.n} of ${input.planWeek.of} · ${pace.verdict.label} · ${Math.round(pace.share * 100)}% done`
      : null,
    facts: active ? paceFacts(input) : [],
    paceNote,
    thisWeek: active && input.thisWeek.state === "active" ? thisWeekContent(input) : null,
    pivot: active && input.pivot ? input.pivot.measures.map(pivotMeasureLine) : [],
    done: input.doneThisWeek.map((m) => m.title),
    partnerNotes: input.partnerNotes.map(
      (n) => `${n.from} ${n.kind === "kudos" ? "sent kudos" : "commented"} on ${n.on}${n.body ? `: “${n.body}”` : ""}`,
    ),
    checkIns: checkInSummary(input),
    streak: active ? streakLine(input) : null,
    next: kind === "finished" ? [] : input.next.map((m) => ({ title: m.title, due: dueText(m.dueDate, input.weekRange.to) })),
    action: active ? checkInAction(links) : dashboardAction(links),
    dashboard: active ? links.dashboard : null,
    closing: opening.closing,
    footer: { email: input.user.email, settings: links.settings, unsubscribe: links.unsubscribe },
  };
}

/** The words that depend on which email this is: the intro, the preheader, and any pace note (before the verdict's advice) or closing. */
function openingOf(input: DigestInput, kind: DigestKind, range: string) {
  const { pace } = input;
  const intro: string[] = [];
  let preheader = pace.verdict.headline;
  let paceNote: string | null = null;
  let closing: string | null = null;
  switch (kind) {
    case "finished":
      intro.push(finishedIntro(input));
      closing = "Thank you for letting Waypoint walk alongside you. Your dashboard keeps the whole journey: every tick and every check-in.";
      break;
    case "upcoming":
      intro.push(`Your plan for ${input.roadmapTitle} is all set.`);
      paceNote = "There's nothing to track until then. Here's what comes first, if you'd like to get ready.";
      break;
    case "first_week":
      intro.push(
        `Welcome to your first week on ${input.roadmapTitle} (${range}). Each week we'll send you a short summary like this one: where you stand against your plan, what you finished and what comes next.`,
      );
      preheader = "Your first weekly summary: where you stand and what comes next.";
      break;
    case "quiet": {
      const buffer = pace.bufferDays;
      const cushion =
        pace.verdict.status === "on_track" && buffer !== null && buffer > 0
          ? ` You still have ${describeBuffer(buffer)}, so nothing is lost.`
          : "";
      intro.push(
        `Here's your week on ${input.roadmapTitle}, ${range}.`,
        `A quiet week: that happens.${cushion} One small step counts: half an hour on the next milestone is plenty, and checking in takes 30 seconds.`,
      );
      preheader = `A quiet week: that happens. One small step counts.`;
      break;
    }
    default:
      intro.push(`Here's your week on ${input.roadmapTitle}, ${range}.`);
  }
  return { intro, preheader, paceNote, closing };
}

/** The button of a week still being paced: to the phone check-in. */
function checkInAction(links: DigestInput["links"]): DigestContent["action"] {
  return {
    label: "Check in now",
    textLead: "Check in from your phone (30 seconds):",
    href: links.checkIn,
    caption: "It takes 30 seconds on your phone.",
  };
}

/** The button once the plan is finished or not yet started: to the dashboard. */
function dashboardAction(links: DigestInput["links"]): DigestContent["action"] {
  return { label: "Open your dashboard", textLead: "Open your dashboard:", href: links.dashboard, caption: null };
}

// ---------------------------------------------------------------------------------------------
// Plain text

const WIDTH = 78;

/** Greedy word wrap at WIDTH; a word longer than a line gets a line of its own. */
function wrap(paragraph: string, first = "", rest = first): string {
  if (first.length + paragraph.length <= WIDTH) return first + paragraph;
  const words = paragraph.split(" ");
  let out = "";
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      out += `${line}\n`;
      line = rest + word;
    } else {
      line += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  return out + line;
}

const FACT_LABEL_WIDTH = 18;

function renderText(c: DigestContent): string {
  const blocks: string[] = [c.greeting];
  for (const p of c.intro) blocks.push(wrap(p));
  if (c.headline) blocks.push(wrap(c.headline));
  if (c.status) {
    let facts = c.status;
    for (const f of c.facts) facts += `\n${`${f.label}:`.padEnd(FACT_LABEL_WIDTH)}${f.value}`;
    blocks.push(facts);
  }
  if (c.paceNote) blocks.push(wrap(c.paceNote));
  if (c.thisWeek || c.pivot.length > 0) {
    const plan = c.thisWeek
      ? [
          wrap(c.thisWeek.progress),
          ...c.thisWeek.items.map((m) => wrap(`${m.title} (${m.hours})`, "- ", "  ")),
          ...(c.thisWeek.empty ? [wrap(c.thisWeek.empty)] : []),
        ]
      : [];
    blocks.push(["This week", ...plan, ...c.pivot.map((line) => wrap(line))].join("\n"));
  }
  if (c.done.length > 0) blocks.push(`Milestones done\n${c.done.map((t) => wrap(t, "- ", "  ")).join("\n")}`);
  if (c.partnerNotes.length > 0) blocks.push(`From your partners\n${c.partnerNotes.map((t) => wrap(t, "- ", "  ")).join("\n")}`);
  if (c.checkIns) blocks.push(`Check-ins\n${wrap(c.checkIns)}`);
  if (c.streak) blocks.push(`Streak\n${wrap(c.streak)}`);
  if (c.next.length > 0) blocks.push(`Next up\n${c.next.map((m) => wrap(`${m.title} (${m.due})`, "- ", "  ")).join("\n")}`);
  if (c.closing) blocks.push(wrap(c.closing));
  blocks.push(`${c.action.textLead}\n${c.action.href}`);
  if (c.dashboard) blocks.push(`Your dashboard:\n${c.dashboard}`);
  blocks.push(
    `--\n${wrap(`You're getting this because the weekly digest is on for ${c.footer.email}.`)}\n` +
      `Change its day and time, or turn it off, in your settings:\n${c.footer.settings}\n` +
      `Unsubscribe with one click:\n${c.footer.unsubscribe}`,
  );
  return `${blocks.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML: tables and inline styles only, which is what email clients render reliably.

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const INK = "#1c1917";
/** 7.5:1 on white. */
const MUTED = "#57534e";
const BRAND = "#0f766e";
const P = `margin:0 0 16px;font-size:16px;line-height:24px;color:${INK};`;
const H2 = `margin:24px 0 8px;font-size:13px;line-height:20px;font-weight:700;letter-spacing:0.04em;text-transform:uppercase;color:${MUTED};`;
const UL = `margin:0 0 16px;padding:0 0 0 20px;font-size:16px;line-height:24px;color:${INK};`;
const LINK = `color:${BRAND};text-decoration:underline;`;

const para = (text: string) => `<p style="${P}">${escapeHtml(text)}</p>\n`;
const heading = (text: string) => `<h2 style="${H2}">${escapeHtml(text)}</h2>\n`;

function list(items: string[]): string {
  let out = `<ul style="${UL}">`;
  for (const item of items) out += `<li style="margin:0 0 4px;">${item}</li>`;
  return `${out}</ul>\n`;
}

function renderHtml(c: DigestContent): string {
  return htmlDocument(c, paceHtml(c) + sectionsHtml(c) + actionHtml(c));
}

/** The body's top: the name, greeting and intro, then where the plan stands (headline, status, facts, note). */
function paceHtml(c: DigestContent): string {
  let body = `<p style="margin:0 0 24px;font-size:18px;line-height:24px;font-weight:700;color:${BRAND};">Waypoint</p>\n`;
  body += para(c.greeting);
  for (const p of c.intro) body += para(p);
  if (c.headline)
    body += `<p style="margin:0 0 12px;font-size:20px;line-height:28px;font-weight:700;color:${INK};">${escapeHtml(c.headline)}</p>\n`;
  if (c.status) {
    body += `<p style="margin:0 0 8px;font-size:14px;line-height:20px;color:${MUTED};">${escapeHtml(c.status)}</p>\n`;
    body += `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;font-size:15px;line-height:22px;">`;
    for (const f of c.facts) {
      body += `<tr><td style="padding:4px 12px 4px 0;color:${MUTED};white-space:nowrap;vertical-align:top;">${escapeHtml(f.label)}</td><td style="padding:4px 0;color:${INK};font-weight:600;vertical-align:top;">${escapeHtml(f.value)}</td></tr>`;
    }
    body += `</table>\n`;
  }
  if (c.paceNote) body += para(c.paceNote);
  return body;
}

/** The body's sections, from this week's plan to the closing words. */
function sectionsHtml(c: DigestContent): string {
  let body = "";
  if (c.thisWeek || c.pivot.length > 0) body += heading("This week");
  if (c.thisWeek) {
    body += para(c.thisWeek.progress);
    if (c.thisWeek.items.length > 0) {
      body += list(
        c.thisWeek.items.map(
          (m) => `${escapeHtml(m.title)} <span style="color:${MUTED};white-space:nowrap;">· ${escapeHtml(m.hours)}</span>`,
        ),
      );
    }
    if (c.thisWeek.empty) body += para(c.thisWeek.empty);
  }
  for (const line of c.pivot) body += para(line);
  if (c.done.length > 0) body += heading("Milestones done") + list(c.done.map(escapeHtml));
  if (c.partnerNotes.length > 0) body += heading("From your partners") + list(c.partnerNotes.map(escapeHtml));
  if (c.checkIns) body += heading("Check-ins") + para(c.checkIns);
  if (c.streak) body += heading("Streak") + para(c.streak);
  if (c.next.length > 0) {
    body +=
      heading("Next up") +
      list(c.next.map((m) => `${escapeHtml(m.title)} <span style="color:${MUTED};white-space:nowrap;">· ${escapeHtml(m.due)}</span>`));
  }
  if (c.closing) body += para(c.closing);
  return body;
}

/** The one button, its caption, and the quieter dashboard link. */
function actionHtml(c: DigestContent): string {
  let body =
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 16px;"><tr>` +
    `<td align="center" bgcolor="${BRAND}" style="border-radius:8px;background-color:${BRAND};">` +
    `<a href="${escapeHtml(c.action.href)}" style="display:inline-block;padding:14px 28px;font-family:${FONT};font-size:17px;line-height:24px;font-weight:700;color:#ffffff;text-decoration:none;border-radius:8px;background-color:${BRAND};">${escapeHtml(c.action.label)}</a>` +
    `</td></tr></table>\n`;
  if (c.action.caption)
    body += `<p style="margin:-8px 0 16px;font-size:14px;line-height:20px;color:${MUTED};">${escapeHtml(c.action.caption)}</p>\n`;
  if (c.dashboard) {
    body += `<p style="${P}"><a href="${escapeHtml(c.dashboard)}" style="${LINK}">See everything on your dashboard</a></p>\n`;
  }
  return body;
}

/** The whole document around the rendered body: head, preheader, the card and the footer. */
function htmlDocument(c: DigestContent, body: string): string {
  const footer =
    `You're getting this because the weekly digest is on for ${escapeHtml(c.footer.email)}. ` +
    `<a href="${escapeHtml(c.footer.settings)}" style="color:${MUTED};text-decoration:underline;">Digest settings</a> · ` +
    `<a href="${escapeHtml(c.footer.unsubscribe)}" style="color:${MUTED};text-decoration:underline;">Unsubscribe</a>`;

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(c.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f5f5f4;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:#f5f5f4;">${escapeHtml(c.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f5f5f4;">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border-radius:12px;">
<tr><td style="padding:28px 24px;font-family:${FONT};font-size:16px;line-height:24px;color:${INK};">
${body}</td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
<tr><td style="padding:16px 24px;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};">${footer}</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}
