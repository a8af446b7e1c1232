-- DropIndex
DROP INDEX "SelfCheck_campaignId_confirmedAt_idx";

-- CreateIndex
CREATE INDEX "EnrollmentRecord_cohort_level_collegeId_majorId_classGroupI_idx" ON "EnrollmentRecord"("cohort", "level", "collegeId", "majorId", "classGroupId", "accountId", "studentNumber", "id");

-- CreateIndex
CREATE INDEX "SelfCheck_campaignId_confirmedAt_recordId_idx" ON "SelfCheck"("campaignId", "confirmedAt", "recordId");

-- CreateIndex
CREATE INDEX "CorrectionRequest_campaignId_recordId_idx" ON "CorrectionRequest"("campaignId", "recordId");

