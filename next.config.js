import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root },
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["pg", "nodemailer", "pg-boss"],
  // proxy.ts makes Next keep a copy of every request body, 10 MB by default; ours are at most 64 kB.
  // PROXY_BODY_COPY_BYTES in lib/request-guard.ts (which says why the copy gets one socket read
  // more; Node can't import TypeScript here, a unit test holds the two equal).
  experimental: { proxyClientMaxBodySize: 128 * 1024 },
  // Security headers (CSP with a per-request nonce, nosniff, framing, HSTS) are set for every
  // response by the server in front of Next: lib/cli/server.ts with lib/security.ts. Only what one
  // route needs on top of them is here.
  async headers() {
    return [
      // The public progress page's URL is its only key: it must not travel in a Referer header, and
      // search engines must not list it.
      {
        source: "/p/:token",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

export default nextConfig;
