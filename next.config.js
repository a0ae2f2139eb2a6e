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
  // Security headers (CSP with a per-request nonce, nosniff, framing, HSTS) are set for every
  // response by the server in front of Next: lib/cli/server.ts with lib/security.ts.
};

export default nextConfig;
