-- DropIndex
DROP INDEX "EnrollmentRecord_collegeId_cohort_studentNumber_level_accou_idx";

-- CreateIndex
CREATE INDEX "EnrollmentRecord_collegeId_cohort_studentNumber_level_accou_idx" ON "EnrollmentRecord"("collegeId", "cohort", "studentNumber", "level", "accountId", "name", "classGroupId", "id");

