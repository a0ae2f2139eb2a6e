// An in-memory SMTP server for tests that need to see, count and refuse mail: every accepted message
// is parsed (headers included); `refuse` decides, per delivery attempt, whether to answer 451.
import { listenSmtp } from "./smtp-listen";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { Mail } from "../../lib/mail";

export interface SunkMail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** The header block as sent, one "Name: value" per line. */
  rawHeaders: string;
}

export async function smtpSink(refuse: (attempt: { to: string; n: number }) => boolean = () => false) {
  const received: SunkMail[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo[0]?.address.toLowerCase() ?? "";
      const n = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, n);
      simpleParser(stream)
        .then((parsed) => {
          if (refuse({ to, n })) {
            callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
            return;
          }
          received.push({
            to,
            messageId: parsed.messageId ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            // Long headers arrive folded over several lines; unfolded here, as a mail client reads them.
            rawHeaders: parsed.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, " ")).join("\n"),
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const port = await listenSmtp(server);
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return {
    received,
    attempts,
    /** The app's send function, pointed at this server. */
    send: async (mail: Mail) => {
      await transport.sendMail({ from: "Waypoint <digest@waypoint.test>", ...mail });
    },
    countTo: (address: string) => received.filter((m) => m.to === address.toLowerCase()).length,
    /** Emails of one user's digest for one week, by their Message-ID. */
    digestsFor: (userId: string, week: string) => received.filter((m) => m.messageId.includes(`digest-${week}-${userId}@`)).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
