-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StaffCollegeScope" (
    "staffUserId" TEXT NOT NULL,
    "collegeId" TEXT NOT NULL,
    "classGroupIds" TEXT NOT NULL DEFAULT '',
    "cohort" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("staffUserId", "collegeId"),
    CONSTRAINT "StaffCollegeScope_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StaffCollegeScope_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StaffCollegeScope" ("collegeId", "staffUserId") SELECT "collegeId", "staffUserId" FROM "StaffCollegeScope";
DROP TABLE "StaffCollegeScope";
ALTER TABLE "new_StaffCollegeScope" RENAME TO "StaffCollegeScope";
CREATE INDEX "StaffCollegeScope_collegeId_idx" ON "StaffCollegeScope"("collegeId");
CREATE TABLE "new_ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "collegeIds" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "expiresAt" DATETIME,
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ApiToken" ("collegeIds", "createdAt", "createdById", "id", "lastUsedAt", "name", "prefix", "revokedAt", "roles", "tokenHash") SELECT "collegeIds", "createdAt", "createdById", "id", "lastUsedAt", "name", "prefix", "revokedAt", "roles", "tokenHash" FROM "ApiToken";
DROP TABLE "ApiToken";
ALTER TABLE "new_ApiToken" RENAME TO "ApiToken";
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

