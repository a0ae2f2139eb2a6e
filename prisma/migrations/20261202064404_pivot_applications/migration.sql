-- CreateEnum
CREATE TYPE "ApplicationTrack" AS ENUM ('ml_engineer', 'ai_engineer', 'other');

-- CreateEnum
CREATE TYPE "ApplicationSource" AS ENUM ('referral', 'direct', 'recruiter');

-- CreateEnum
CREATE TYPE "ApplicationStage" AS ENUM ('saved', 'applied', 'screen', 'technical', 'final', 'offer', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "InterviewKind" AS ENUM ('screen', 'coding', 'ml_system_design', 'ml_depth', 'behavioural', 'take_home');

-- AlterEnum
ALTER TYPE "ProgressSource" ADD VALUE 'application';

-- CreateTable
CREATE TABLE "JobApplication" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "roleTitle" TEXT NOT NULL,
    "track" "ApplicationTrack" NOT NULL,
    "url" TEXT,
    "source" "ApplicationSource" NOT NULL,
    "stage" "ApplicationStage" NOT NULL,
    "nextStep" TEXT,
    "nextStepOn" DATE,
    "notes" TEXT,
    "jobDescription" TEXT,
    "offerBaseSalary" INTEGER,
    "offerLevel" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStageChange" (
    "id" BIGSERIAL NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStage" "ApplicationStage",
    "toStage" "ApplicationStage" NOT NULL,
    "changedOn" DATE NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "kind" "InterviewKind" NOT NULL,
    "felt" SMALLINT NOT NULL,
    "asked" TEXT,
    "wentBadly" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewRevisitSkill" (
    "interviewId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,

    CONSTRAINT "InterviewRevisitSkill_pkey" PRIMARY KEY ("interviewId","skillId")
);

-- CreateIndex
CREATE INDEX "JobApplication_userId_nextStepOn_idx" ON "JobApplication"("userId", "nextStepOn");

-- CreateIndex
CREATE INDEX "ApplicationStageChange_applicationId_id_idx" ON "ApplicationStageChange"("applicationId", "id");

-- CreateIndex
CREATE INDEX "Interview_applicationId_heldOn_idx" ON "Interview"("applicationId", "heldOn");

-- CreateIndex
CREATE INDEX "InterviewRevisitSkill_skillId_idx" ON "InterviewRevisitSkill"("skillId");

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStageChange" ADD CONSTRAINT "ApplicationStageChange_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "JobApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "JobApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewRevisitSkill" ADD CONSTRAINT "InterviewRevisitSkill_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewRevisitSkill" ADD CONSTRAINT "InterviewRevisitSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language can't express.

-- Stage history is append-only, like ProgressEvent: no UPDATE, and no DELETE except the cascade of
-- its application going (with its user, or deleted by its owner). A cascade runs after the
-- application's row is gone, so "the application still exists" means someone is deleting history.
CREATE FUNCTION "application_stage_change_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "JobApplication" WHERE "id" = OLD."applicationId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ApplicationStageChange is append-only';
END $$;
CREATE TRIGGER "application_stage_change_append_only" BEFORE UPDATE OR DELETE ON "ApplicationStageChange"
  FOR EACH ROW EXECUTE FUNCTION "application_stage_change_append_only"();

ALTER TABLE "Interview" ADD CONSTRAINT "interview_felt" CHECK ("felt" BETWEEN 1 AND 5);
ALTER TABLE "JobApplication" ADD CONSTRAINT "job_application_offer_salary" CHECK ("offerBaseSalary" IS NULL OR "offerBaseSalary" BETWEEN 1 AND 10000000);
