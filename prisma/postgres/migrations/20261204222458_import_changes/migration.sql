-- CreateTable
CREATE TABLE "ImportChange" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "studentNumber" TEXT NOT NULL,
    "recordId" TEXT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fields" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "ImportChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportChange_jobId_kind_rowNumber_idx" ON "ImportChange"("jobId", "kind", "rowNumber");

-- AddForeignKey
ALTER TABLE "ImportChange" ADD CONSTRAINT "ImportChange_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

