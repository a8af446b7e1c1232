-- AlterTable
ALTER TABLE "EnrollmentRecord" ADD COLUMN "examNumberIndex" TEXT;

-- AlterTable
ALTER TABLE "IdentityCase" ADD COLUMN "evidenceRecordId" TEXT;

