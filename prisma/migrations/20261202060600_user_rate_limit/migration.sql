-- Per-user limits on the costly signed-in actions (USER_LIMITS in lib/rate-limit.ts). Like
-- "SignInRateLimit", read and written by rate-limiter-flexible's RateLimiterPostgres itself (with
-- tableCreated: true), so not in schema.prisma; the columns are the library's own: the key
-- ("<limit>:<userId>"), the points consumed in the window and the window's end in epoch ms.
CREATE TABLE "UserRateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "UserRateLimit_pkey" PRIMARY KEY ("key")
);
