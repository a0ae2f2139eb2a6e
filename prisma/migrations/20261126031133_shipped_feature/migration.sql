-- AlterEnum
ALTER TYPE "ProgressSource" ADD VALUE 'shipped_record';

-- CreateTable
CREATE TABLE "ShippedFeature" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "approach" TEXT,
    "launchDate" DATE NOT NULL,
    "evalUrl" TEXT,
    "monitoringUrl" TEXT,
    "outcomeMetric" TEXT,
    "outcomeBefore" DOUBLE PRECISION,
    "outcomeAfter" DOUBLE PRECISION,
    "outcomeUnit" TEXT,
    "outcomeVolume" TEXT,
    "autoCompletedFor" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ShippedFeature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippedFeatureIncident" (
    "id" TEXT NOT NULL,
    "featureId" TEXT NOT NULL,
    "position" SMALLINT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "whatChanged" TEXT NOT NULL,
    "featureWasOff" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ShippedFeatureIncident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShippedFeature_userId_key" ON "ShippedFeature"("userId");

-- CreateIndex
CREATE INDEX "ShippedFeatureIncident_featureId_position_idx" ON "ShippedFeatureIncident"("featureId", "position");

-- AddForeignKey
ALTER TABLE "ShippedFeature" ADD CONSTRAINT "ShippedFeature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippedFeatureIncident" ADD CONSTRAINT "ShippedFeatureIncident_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "ShippedFeature"("id") ON DELETE CASCADE ON UPDATE CASCADE;
