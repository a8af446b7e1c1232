-- AlterTable
ALTER TABLE "StaffCollegeScope" ADD COLUMN     "classGroupIds" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "cohort" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "readOnly" BOOLEAN NOT NULL DEFAULT false;

