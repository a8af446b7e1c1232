-- CreateTable
CREATE TABLE "AccountClosureRequest" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountClosureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountClosureRequest_status_createdAt_idx" ON "AccountClosureRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AccountClosureRequest_accountId_createdAt_idx" ON "AccountClosureRequest"("accountId", "createdAt");

-- AddForeignKey
ALTER TABLE "AccountClosureRequest" ADD CONSTRAINT "AccountClosureRequest_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

