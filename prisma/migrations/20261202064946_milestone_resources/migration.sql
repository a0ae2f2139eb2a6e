-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "resources" JSONB NOT NULL DEFAULT '[]';
