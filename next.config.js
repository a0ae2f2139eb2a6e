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
  // Security headers (CSP with a per-request nonce, nosniff, framing, HSTS, the public page's
  // no-referrer) are set for every response by proxy.ts, from lib/security.ts, so they hold under
  // any server that runs this build.
};

export default nextConfig;
