// The SMTP server the scale-out run sends through: one in-memory mail store behind several
// listeners, one per sending process (like one relay with several addresses), so the run knows
// which process handed over each message, and can stop answering one of them before it kills it.
import { listenSmtp } from "../support/smtp-listen";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface RelayedMail {
  /** The listener it came in on: which process sent it. */
  via: string;
  to: string;
  messageId: string;
  subject: string;
  text: string;
}

interface Listener {
  server: SMTPServer;
  url: string;
  /** Messages whose DATA has begun and not yet been stored. */
  inData: number;
  /** Holding: recipients are neither accepted nor refused, so nothing more is handed over. */
  holding: boolean;
  held: number;
}

export interface MailRelay {
  received: RelayedMail[];
  urlOf: (via: string) => string;
  /** From now on, `via`'s sends wait at RCPT TO with no answer: none of them reaches DATA. */
  hold: (via: string) => void;
  /** Sends waiting at RCPT TO on `via`, and messages in the middle of their DATA. */
  stateOf: (via: string) => { held: number; inData: number };
  close: () => Promise<void>;
}

export async function startMailRelay(names: string[]): Promise<MailRelay> {
  const received: RelayedMail[] = [];
  const listeners = new Map<string, Listener>();
  for (const via of names) {
    const listener: Listener = { server: undefined as unknown as SMTPServer, url: "", inData: 0, holding: false, held: 0 };
    listener.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        // The sender is about to be killed: it keeps its claims, and no message of its is accepted.
        if (listener.holding) {
          listener.held++;
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        listener.inData++;
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              via,
              to: session.envelope.rcptTo[0]?.address.toLowerCase() ?? "",
              messageId: parsed.messageId ?? "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
            });
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))))
          .finally(() => listener.inData--);
      },
    });
    const port = await listenSmtp(listener.server);
    listener.url = `smtp://127.0.0.1:${port}`;
    listeners.set(via, listener);
  }
  const get = (via: string) => {
    const listener = listeners.get(via);
    if (!listener) throw new Error(`no relay listener ${via}`);
    return listener;
  };
  return {
    received,
    urlOf: (via) => get(via).url,
    hold: (via) => {
      get(via).holding = true;
    },
    stateOf: (via) => ({ held: get(via).held, inData: get(via).inData }),
    // A held connection never ends by itself: close() drops whatever is still open.
    close: async () => {
      await Promise.all([...listeners.values()].map((l) => new Promise<void>((resolve) => l.server.close(() => resolve()))));
    },
  };
}
