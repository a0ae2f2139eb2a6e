// The environment, validated once. The rest of the code imports from here and never reads process.env.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    /** e.g. smtp://user:pass@smtp.example.com:587. Unset ⇒ mail goes to the development outbox. */
    SMTP_URL: optional.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    EMAIL_FROM: z.string().min(3).default("Waypoint <no-reply@waypoint.localhost>"),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_ID: optional,
    GOOGLE_SECRET: optional,
    LOG_QUERIES: optional,
    /** "off": this process runs no background jobs, neither the weekly email nor the "maintained 3+ months" pass (tests drive them; or `npm run worker` does). The name is older than the second job. */
    DIGEST_SCHEDULER: z.enum(["on", "off"]).default("on"),
    /** A weekly-email send still unfinished after this is taken for a crashed worker's: its claim lapses and the queue retries it (lib/scheduler.ts). Longer than any real send. */
    DIGEST_SEND_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
    /** The first retry of a failed weekly-email send waits this long (to twice it), doubling after each further failure. */
    DIGEST_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** Sign-in emails allowed per address, and per client IP, in each 15-minute window (lib/rate-limit.ts). */
    SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(5),
    SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(5),
    /** Reverse proxies in front of the app that append to X-Forwarded-For; 0: the TCP peer is the client (lib/peer-header.ts). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Set by lib/cli/server.ts, never by hand: "stamped" means our own server sits in front of Next and
     * has overwritten the client address header with the TCP peer's (proxy.ts then trusts it).
     */
    WAYPOINT_CLIENT_ADDRESS: z.enum(["stamped"]).optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  // Tooling (seed, benchmarks) imports lib/ outside Next; they set what they need before importing.
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});

/** Without SMTP the app writes mail to a local outbox; that mode must never exist in a deployment. */
export const usesDevOutbox = env.SMTP_URL === undefined;
