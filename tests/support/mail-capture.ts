// A real SMTP server for tests: every message the app sends is parsed and written as JSON to a
// folder, so test processes (vitest, Playwright workers) can read what a user would receive.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { listenSmtp } from "./smtp-listen";

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
}

export async function startMailCapture(port: number, dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      // Quoted-printable bodies must be decoded before anyone searches them for a link.
      simpleParser(stream)
        .then(async (parsed) => {
          const mail: CapturedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            receivedAt: new Date().toISOString(),
          };
          seq += 1;
          await writeFile(path.join(dir, `${Date.now()}-${process.pid}-${seq}.json`), JSON.stringify(mail));
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await listenSmtp(server, port);
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Waits for mail to `to` that arrived after `since`; returns the newest. */
export async function waitForMail(dir: string, to: string, since: Date, timeoutMs = 15_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  const address = to.toLowerCase();
  while (Date.now() < deadline) {
    const files = (await readdir(dir).catch(() => [])).sort().reverse();
    for (const file of files) {
      const mail = JSON.parse(await readFile(path.join(dir, file), "utf8")) as CapturedMail;
      if (mail.to.includes(address) && new Date(mail.receivedAt) >= since) return mail;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

/** The sign-in link in a mail: the confirmation page's (lib/sign-in-mail.ts), whose button signs in. */
export function magicLinkIn(mail: CapturedMail): string {
  const match = /https?:\/\/\S+\/signin\/confirm\?\S+/.exec(mail.text);
  if (!match) throw new Error(`no sign-in link in: ${mail.text}`);
  return match[0];
}
