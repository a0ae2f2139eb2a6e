-- AlterEnum
ALTER TYPE "EnrollmentChangeKind" ADD VALUE 'budget_changed';

-- AlterTable
ALTER TABLE "EnrollmentChange" ADD COLUMN     "fromWeeklyHours" SMALLINT,
ADD COLUMN     "toWeeklyHours" SMALLINT;

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "workedSkillIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
