import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root },
  // `npm test` and CI type-check the whole project first (tsc --noEmit); a build doesn't repeat it.
  typescript: { ignoreBuildErrors: true },
  // Native and Node-only packages stay out of the server bundle; @touch4it/ical-timezones reads
  // its VTIMEZONE files from beside itself (__dirname), which a bundle would lose.
  serverExternalPackages: ["pg", "nodemailer", "pg-boss", "@touch4it/ical-timezones"],
  // proxy.ts makes Next keep a copy of every request body, 10 MB by default; ours are at most 64 kB.
  // PROXY_BODY_COPY_BYTES in lib/request-guard.ts (which says why the copy gets one socket read
  // more; Node can't import TypeScript here, a unit test holds the two equal).
  experimental: { proxyClientMaxBodySize: 128 * 1024 },
  // Security headers (CSP with a per-request nonce, nosniff, framing, HSTS, the public page's
  // no-referrer) are set for every response by proxy.ts, from lib/security.ts, so they hold under
  // any server that runs this build.
};

export default nextConfig;
