// Binding a test SMTP server, once for the three of them (the e2e capture, the integration sink and
// the scale-out relay).
import type { AddressInfo } from "node:net";
import type { SMTPServer } from "smtp-server";

/** What a sender's socket says when the sender dies mid-conversation (a test kills workers on purpose). */
const DROPPED = new Set(["ECONNRESET", "EPIPE"]);

/**
 * Listens on 127.0.0.1:`port` (0 for any) and resolves with the bound port. smtp-server re-emits every
 * connection's socket error on the server; with no listener there, Node throws it and ends the test
 * run. A dropped sender is expected and ignored; anything else is printed, not thrown, since one bad
 * connection says nothing about the others.
 */
export async function listenSmtp(server: SMTPServer, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (!DROPPED.has(error.code ?? "")) console.error(`test SMTP server: ${error.message}`);
  });
  return (server.server.address() as AddressInfo).port;
}
