// The HTTP server in front of Next. Next's handlers can't see the TCP peer address, and the
// development outbox must answer only to loopback: we stamp the client's address on every request
// (the peer's, or behind TRUSTED_PROXY_HOPS proxies what the outermost saw; lib/peer-header.ts),
// after discarding any value a client sent for that header. It also applies lib/security.ts to every
// response: a fresh CSP nonce per request, the baseline headers, and refusing state changes that a
// page on another origin asks for.
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { env } from "../env";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../peer-header";
import { baselineHeaders, contentSecurityPolicy, isForeignMutation } from "../security";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function serve({ port, hostname, dev }: { port: number; hostname: string; dev: boolean }): Promise<RunningServer> {
  const app = next({ dev, dir: repoRoot, hostname: "localhost", port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  const baseline = baselineHeaders({ production: !dev, https });
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.TRUSTED_PROXY_HOPS);
    for (const [name, value] of Object.entries(baseline)) res.setHeader(name, value);
    const origin = req.headers.origin;
    const secFetchSite = req.headers["sec-fetch-site"];
    if (isForeignMutation({ method: req.method ?? "GET", origin, host: req.headers.host, secFetchSite: typeof secFetchSite === "string" ? secFetchSite : undefined })) {
      res.writeHead(403, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: { code: "forbidden", message: "This request came from another site and was refused." } }));
      return;
    }
    // One nonce per response. Next finds it in the request's copy of the policy (a client-sent one is
    // replaced) and puts it on the scripts it renders.
    const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), { dev, https });
    req.headers["content-security-policy"] = policy;
    delete req.headers["content-security-policy-report-only"];
    res.setHeader("Content-Security-Policy", policy);
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
