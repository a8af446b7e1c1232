-- AlterTable
ALTER TABLE "IdentityCase" ADD COLUMN "releasePhone" TEXT;

-- CreateIndex
CREATE INDEX "IdentityCase_releasePhone_createdAt_idx" ON "IdentityCase"("releasePhone", "createdAt");

