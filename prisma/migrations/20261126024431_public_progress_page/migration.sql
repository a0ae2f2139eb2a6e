-- AlterTable
ALTER TABLE "User" ADD COLUMN     "publicSince" TIMESTAMPTZ(3),
ADD COLUMN     "publicTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_publicTokenHash_key" ON "User"("publicTokenHash");
