-- CreateTable
CREATE TABLE "AccountClosureRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountClosureRequest_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AccountClosureRequest_status_createdAt_idx" ON "AccountClosureRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AccountClosureRequest_accountId_createdAt_idx" ON "AccountClosureRequest"("accountId", "createdAt");

