-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "heartbeatAt" TIMESTAMP(3);

