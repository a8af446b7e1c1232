-- CreateIndex
CREATE INDEX "EnrollmentRecord_cohort_studentNumber_level_accountId_id_idx" ON "EnrollmentRecord"("cohort", "studentNumber", "level", "accountId", "id");

