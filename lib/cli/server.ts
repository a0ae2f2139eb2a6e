// The HTTP server in front of Next, for `npm start`. It does the one thing Next can't: Next's
// handlers never see the TCP peer's address, and the development outbox must answer only to
// loopback, so we stamp the client's address on every request (the peer's, or behind
// TRUSTED_PROXY_HOPS proxies what the outermost saw; lib/peer-header.ts), after discarding any value
// a client sent. Everything else about a response's security (CSP nonce, baseline headers, refusing
// foreign-origin mutations) is proxy.ts's, so it holds under plain `next start` as well.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { env } from "../env";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../peer-header";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function serve({ port, hostname, dev }: { port: number; hostname: string; dev: boolean }): Promise<RunningServer> {
  // Read by proxy.ts (through lib/env.ts) in this same process: the header below is ours, trust it.
  process.env.WAYPOINT_CLIENT_ADDRESS = "stamped";
  const app = next({ dev, dir: repoRoot, hostname: "localhost", port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.TRUSTED_PROXY_HOPS);
    handleRequest(req, res).catch((error: unknown) => {
      console.error("[server] unhandled", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
