-- AlterTable
ALTER TABLE "CorrectionRequest" ADD COLUMN "provincialRef" TEXT;

