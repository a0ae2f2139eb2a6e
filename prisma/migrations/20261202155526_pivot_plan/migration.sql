-- AlterEnum
ALTER TYPE "ProgressSource" ADD VALUE 'interview';

-- CreateTable
CREATE TABLE "PivotPlan" (
    "userId" TEXT NOT NULL,
    "interviewGoal" SMALLINT NOT NULL DEFAULT 5,
    "applicationsPerWeek" SMALLINT,
    "interviewsPerWeek" SMALLINT,
    "targetsSince" DATE,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PivotPlan_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "PivotPlan" ADD CONSTRAINT "PivotPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the ranges the form and lib/validation/pivot-plan.ts allow.
ALTER TABLE "PivotPlan" ADD CONSTRAINT "pivot_plan_interview_goal" CHECK ("interviewGoal" BETWEEN 5 AND 10);
ALTER TABLE "PivotPlan" ADD CONSTRAINT "pivot_plan_weekly_targets" CHECK (
  ("applicationsPerWeek" IS NULL OR "applicationsPerWeek" BETWEEN 1 AND 50) AND ("interviewsPerWeek" IS NULL OR "interviewsPerWeek" BETWEEN 1 AND 20)
);
