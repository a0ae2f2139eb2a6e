// Outgoing mail: SMTP when SMTP_URL is set, otherwise the development outbox (a table plus the
// server log). The outbox exists only without SMTP_URL, so a deployment never exposes sign-in links.
import nodemailer from "nodemailer";
import { db } from "./db";
import { env, usesDevOutbox } from "./env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** "<…@…>"; set when the same message must be recognisable if it is ever sent twice. */
  messageId?: string;
}

let transport: nodemailer.Transporter | undefined;

export async function sendMail(mail: Mail): Promise<void> {
  if (usesDevOutbox) {
    await db.outboxMessage.create({
      data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null },
    });
    console.log(`[outbox] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
    return;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.EMAIL_FROM, ...mail });
}

export async function listOutbox(limit = 50) {
  if (!usesDevOutbox) return [];
  return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
