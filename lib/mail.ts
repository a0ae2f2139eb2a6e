// Outgoing mail: SMTP when SMTP_URL is set, otherwise the development outbox (a table plus the
// server log). The outbox exists only without SMTP_URL, so a deployment never exposes sign-in links.
import "server-only";
import nodemailer from "nodemailer";
import { db } from "./db";
import type { MailAddress } from "./email-address";
import { env, usesDevOutbox } from "./env";

export interface Mail {
  /** One checked address (lib/email-address.ts), never a raw string an SMTP library could read as a list or a header. */
  to: MailAddress;
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
      data: { to: mail.to.address, subject: mail.subject, text: mail.text, html: mail.html ?? null },
    });
    console.log(`[outbox] to ${mail.to.address}: ${mail.subject}\n${mail.text}\n`);
    return;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  // An address object, not a string: nodemailer parses strings as address lists.
  await transport.sendMail({ from: env.EMAIL_FROM, ...mail, to: { name: "", address: mail.to.address } });
}

export async function listOutbox(limit = 50) {
  if (!usesDevOutbox) return [];
  return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
