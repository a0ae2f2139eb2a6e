import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root },
  // Native and Node-only packages stay out of the server bundle; @touch4it/ical-timezones reads
  // its VTIMEZONE files from beside itself (__dirname), which a bundle would lose.
  serverExternalPackages: ["pg", "nodemailer", "pg-boss", "@touch4it/ical-timezones"],
  // Security headers (CSP with a per-request nonce, nosniff, framing, HSTS, the public page's
  // no-referrer) are set for every response by proxy.ts, from lib/security.ts, so they hold under
  // any server that runs this build.
};

export default nextConfig;
