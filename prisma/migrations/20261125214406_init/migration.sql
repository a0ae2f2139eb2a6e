-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('learn', 'build', 'ship', 'operate', 'apply');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('active', 'paused', 'abandoned', 'completed');

-- CreateEnum
CREATE TYPE "EnrollmentChangeKind" AS ENUM ('enrolled', 'paused', 'resumed', 'replanned', 'abandoned', 'completed');

-- CreateEnum
CREATE TYPE "ProgressStatus" AS ENUM ('not_started', 'in_progress', 'done', 'skipped');

-- CreateEnum
CREATE TYPE "ProgressSource" AS ENUM ('web', 'checkin');

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('claimed', 'sent', 'failed', 'dead', 'skipped');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMPTZ(3),
    "name" TEXT,
    "image" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
    "digestWeekday" SMALLINT NOT NULL DEFAULT 1,
    "digestHour" SMALLINT NOT NULL DEFAULT 8,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "Roadmap" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "catalogueVersion" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "canonicalMonths" SMALLINT NOT NULL,
    "minMonths" SMALLINT NOT NULL,
    "maxMonths" SMALLINT NOT NULL,
    "typicalMonths" SMALLINT NOT NULL,
    "recommendedFirstStep" BOOLEAN NOT NULL DEFAULT false,
    "position" SMALLINT NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),
    "seededAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Roadmap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Phase" (
    "id" TEXT NOT NULL,
    "roadmapId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" SMALLINT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "startMonth" DECIMAL(5,2) NOT NULL,
    "endMonth" DECIMAL(5,2) NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "Phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Skill" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "roadmapId" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" SMALLINT NOT NULL,
    "title" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "effortHours" INTEGER NOT NULL,
    "evidencePrompt" TEXT,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "minDurationDays" INTEGER,
    "durationAnchor" TEXT,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "roadmapId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "targetMonths" SMALLINT NOT NULL,
    "weeklyHours" SMALLINT NOT NULL,
    "timezone" TEXT NOT NULL,
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrollmentChange" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "kind" "EnrollmentChangeKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fromTargetMonths" SMALLINT,
    "toTargetMonths" SMALLINT,

    CONSTRAINT "EnrollmentChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestoneProgress" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "status" "ProgressStatus" NOT NULL DEFAULT 'not_started',
    "note" TEXT,
    "evidenceUrl" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MilestoneProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEvent" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "enrollmentId" TEXT,
    "fromStatus" "ProgressStatus" NOT NULL,
    "toStatus" "ProgressStatus" NOT NULL,
    "note" TEXT,
    "evidenceUrl" TEXT,
    "source" "ProgressSource" NOT NULL DEFAULT 'web',
    "checkInId" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enrollmentId" TEXT,
    "isoWeek" TEXT NOT NULL,
    "hours" DECIMAL(4,1) NOT NULL,
    "confidence" SMALLINT NOT NULL,
    "note" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "isoWeek" TEXT NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'claimed',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "Roadmap_slug_key" ON "Roadmap"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Phase_roadmapId_slug_key" ON "Phase"("roadmapId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Skill_slug_key" ON "Skill"("slug");

-- CreateIndex
CREATE INDEX "Milestone_phaseId_idx" ON "Milestone"("phaseId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_roadmapId_slug_key" ON "Milestone"("roadmapId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_roadmapId_skillId_key" ON "Milestone"("roadmapId", "skillId");

-- CreateIndex
CREATE INDEX "Enrollment_userId_status_idx" ON "Enrollment"("userId", "status");

-- CreateIndex
CREATE INDEX "EnrollmentChange_enrollmentId_at_idx" ON "EnrollmentChange"("enrollmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneProgress_userId_skillId_key" ON "MilestoneProgress"("userId", "skillId");

-- CreateIndex
CREATE INDEX "ProgressEvent_userId_occurredAt_idx" ON "ProgressEvent"("userId", "occurredAt");

-- CreateIndex
CREATE INDEX "CheckIn_userId_isoWeek_idx" ON "CheckIn"("userId", "isoWeek");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_userId_idempotencyKey_key" ON "CheckIn"("userId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_userId_isoWeek_key" ON "DigestDelivery"("userId", "isoWeek");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_roadmapId_fkey" FOREIGN KEY ("roadmapId") REFERENCES "Roadmap"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_roadmapId_fkey" FOREIGN KEY ("roadmapId") REFERENCES "Roadmap"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_roadmapId_fkey" FOREIGN KEY ("roadmapId") REFERENCES "Roadmap"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrollmentChange" ADD CONSTRAINT "EnrollmentChange_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneProgress" ADD CONSTRAINT "MilestoneProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneProgress" ADD CONSTRAINT "MilestoneProgress_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language can't express.

-- At most one open (active or paused) enrolment per user and roadmap.
CREATE UNIQUE INDEX "enrollment_one_open_per_roadmap" ON "Enrollment" ("userId", "roadmapId")
  WHERE "status" IN ('active', 'paused');

-- The progress event log is append-only: history can be recomputed from it, so it must not change.
-- Rows still go when their user is deleted (ON DELETE CASCADE) or their enrolment goes (SET NULL).
CREATE FUNCTION "progress_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."userId" = OLD."userId" AND NEW."skillId" = OLD."skillId"
     AND NEW."fromStatus" = OLD."fromStatus" AND NEW."toStatus" = OLD."toStatus"
     AND NEW."occurredAt" = OLD."occurredAt"
     AND NEW."note" IS NOT DISTINCT FROM OLD."note"
     AND NEW."evidenceUrl" IS NOT DISTINCT FROM OLD."evidenceUrl"
     AND (NEW."enrollmentId" IS NULL OR NEW."enrollmentId" = OLD."enrollmentId")
     AND (NEW."checkInId" IS NULL OR NEW."checkInId" = OLD."checkInId") THEN
    RETURN NEW; -- only the SET NULL of a deleted enrolment or check-in
  END IF;
  RAISE EXCEPTION 'ProgressEvent is append-only';
END $$;
CREATE TRIGGER "progress_event_append_only" BEFORE UPDATE ON "ProgressEvent"
  FOR EACH ROW EXECUTE FUNCTION "progress_event_append_only"();

ALTER TABLE "Enrollment" ADD CONSTRAINT "enrollment_target_months" CHECK ("targetMonths" BETWEEN 6 AND 18);
ALTER TABLE "Enrollment" ADD CONSTRAINT "enrollment_weekly_hours" CHECK ("weeklyHours" BETWEEN 1 AND 80);
ALTER TABLE "CheckIn" ADD CONSTRAINT "checkin_hours" CHECK ("hours" BETWEEN 0 AND 80);
ALTER TABLE "CheckIn" ADD CONSTRAINT "checkin_confidence" CHECK ("confidence" BETWEEN 1 AND 5);
ALTER TABLE "User" ADD CONSTRAINT "user_digest_weekday" CHECK ("digestWeekday" BETWEEN 1 AND 7);
ALTER TABLE "User" ADD CONSTRAINT "user_digest_hour" CHECK ("digestHour" BETWEEN 0 AND 23);
ALTER TABLE "Milestone" ADD CONSTRAINT "milestone_effort_hours" CHECK ("effortHours" > 0);
