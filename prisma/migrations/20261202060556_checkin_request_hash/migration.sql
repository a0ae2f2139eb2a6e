-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "requestHash" TEXT;
