// The HTTP server in front of Next. It exists for one reason: Next's handlers can't see the TCP
// peer address, and the development outbox must answer only to loopback. We stamp the real peer
// address on every request, after discarding any value a client sent for that header.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { PEER_ADDRESS_HEADER } from "../peer-header";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function serve({ port, hostname, dev }: { port: number; hostname: string; dev: boolean }): Promise<RunningServer> {
  const app = next({ dev, dir: repoRoot, hostname: "localhost", port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
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
