-- AlterTable
ALTER TABLE "DigestDelivery" ADD COLUMN     "scheduledFor" TIMESTAMPTZ(3);
