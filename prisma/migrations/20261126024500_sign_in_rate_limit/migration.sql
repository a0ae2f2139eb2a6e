-- Sign-in email rate limits (lib/rate-limit.ts). rate-limiter-flexible's RateLimiterPostgres reads
-- and writes this table itself, not through Prisma, so it is not in schema.prisma; it is created
-- here (the limiter runs with tableCreated: true) rather than by the library at runtime. The columns
-- are exactly the ones the library's own CREATE TABLE makes (lib/RateLimiterPostgres.js, v11.4.0):
-- the limiter's key, the points consumed in the window and the window's end in epoch milliseconds.
CREATE TABLE "SignInRateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "SignInRateLimit_pkey" PRIMARY KEY ("key")
);
