-- CreateEnum
CREATE TYPE "OperationalWorkAnswer" AS ENUM ('appeals', 'draining');

-- CreateEnum
CREATE TYPE "CareerStage" AS ENUM ('early', 'mid', 'senior');

-- CreateEnum
CREATE TYPE "PivotGoal" AS ENUM ('short_term_pay', 'long_term_compounding');

-- CreateEnum
CREATE TYPE "PivotRecommendation" AS ENUM ('ml_engineer', 'ai_engineer_first', 'stay_senior_track');

-- CreateTable
CREATE TABLE "Assessment" (
    "userId" TEXT NOT NULL,
    "operationalWork" "OperationalWorkAnswer" NOT NULL,
    "careerStage" "CareerStage" NOT NULL,
    "goal" "PivotGoal" NOT NULL,
    "mlSurfaceAtWork" BOOLEAN NOT NULL,
    "mathsBackground" BOOLEAN NOT NULL,
    "recommendation" "PivotRecommendation" NOT NULL,
    "suggestedRoadmapSlug" TEXT NOT NULL,
    "suggestedMonths" SMALLINT NOT NULL,
    "bracketMinMonths" SMALLINT NOT NULL,
    "bracketMaxMonths" SMALLINT NOT NULL,
    "reasons" TEXT[],
    "rulesVersion" SMALLINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
