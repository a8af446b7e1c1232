-- DropIndex
DROP INDEX "EnrollmentRecord_collegeId_cohort_level_idx";

-- CreateTable
CREATE TABLE "ProgressSummary" (
    "campaignId" TEXT NOT NULL,
    "collegeId" TEXT NOT NULL,
    "majorId" TEXT NOT NULL,
    "classGroupId" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL,
    "viewed" INTEGER NOT NULL,
    "confirmed" INTEGER NOT NULL,
    "reported" INTEGER NOT NULL,
    "pendingRegistered" INTEGER NOT NULL,
    "pendingViewed" INTEGER NOT NULL,
    "pendingRegisteredViewed" INTEGER NOT NULL,

    CONSTRAINT "ProgressSummary_pkey" PRIMARY KEY ("campaignId","classGroupId","majorId","collegeId")
);

-- CreateIndex
CREATE INDEX "ProgressSummary_campaignId_collegeId_majorId_idx" ON "ProgressSummary"("campaignId", "collegeId", "majorId");

-- CreateIndex
CREATE INDEX "EnrollmentRecord_collegeId_cohort_studentNumber_level_accou_idx" ON "EnrollmentRecord"("collegeId", "cohort", "studentNumber", "level", "accountId", "name", "id");

-- AddForeignKey
ALTER TABLE "ProgressSummary" ADD CONSTRAINT "ProgressSummary_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

