-- DropIndex
DROP INDEX "EnrollmentRecord_collegeId_cohort_studentNumber_level_accountId_name_id_idx";

-- CreateIndex
CREATE INDEX "EnrollmentRecord_collegeId_cohort_studentNumber_level_accountId_name_classGroupId_id_idx" ON "EnrollmentRecord"("collegeId", "cohort", "studentNumber", "level", "accountId", "name", "classGroupId", "id");

