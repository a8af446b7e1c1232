-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "heartbeatAt" DATETIME;

