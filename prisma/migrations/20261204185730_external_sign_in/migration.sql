-- Bindings before this migration named a provider by free text and nothing could create them, so they
-- cannot be mapped to a configured provider and none are carried over.
DELETE FROM "ExternalIdentity";

-- CreateTable
CREATE TABLE "SignInProvider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "staffClaim" TEXT NOT NULL DEFAULT '',
    "staffPasswordDisabled" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffExternalLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffUserId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "subject" TEXT,
    "claimValue" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" DATETIME,
    CONSTRAINT "StaffExternalLink_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StaffExternalLink_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SignInProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OidcAuthState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stateHash" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifierEnc" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "accountId" TEXT,
    "sessionId" TEXT,
    "next" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OidcAuthState_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SignInProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExternalIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" DATETIME,
    CONSTRAINT "ExternalIdentity_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExternalIdentity_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SignInProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExternalIdentity" ("accountId", "createdAt", "id", "subject") SELECT "accountId", "createdAt", "id", "subject" FROM "ExternalIdentity";
DROP TABLE "ExternalIdentity";
ALTER TABLE "new_ExternalIdentity" RENAME TO "ExternalIdentity";
CREATE UNIQUE INDEX "ExternalIdentity_providerId_subject_key" ON "ExternalIdentity"("providerId", "subject");
CREATE UNIQUE INDEX "ExternalIdentity_accountId_providerId_key" ON "ExternalIdentity"("accountId", "providerId");
CREATE TABLE "new_LoginEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT,
    "staffUserId" TEXT,
    "outcome" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'password',
    "signInProviderId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LoginEvent_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LoginEvent_signInProviderId_fkey" FOREIGN KEY ("signInProviderId") REFERENCES "SignInProvider" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LoginEvent" ("accountId", "createdAt", "id", "ip", "outcome", "staffUserId", "userAgent") SELECT "accountId", "createdAt", "id", "ip", "outcome", "staffUserId", "userAgent" FROM "LoginEvent";
DROP TABLE "LoginEvent";
ALTER TABLE "new_LoginEvent" RENAME TO "LoginEvent";
CREATE INDEX "LoginEvent_accountId_createdAt_idx" ON "LoginEvent"("accountId", "createdAt");
CREATE INDEX "LoginEvent_staffUserId_createdAt_idx" ON "LoginEvent"("staffUserId", "createdAt");
CREATE TABLE "new_AuthSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT,
    "staffUserId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'password',
    "revokedAt" DATETIME,
    "revokeReason" TEXT,
    CONSTRAINT "AuthSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuthSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AuthSession" ("accountId", "createdAt", "expiresAt", "id", "ip", "lastSeenAt", "revokeReason", "revokedAt", "staffUserId", "userAgent") SELECT "accountId", "createdAt", "expiresAt", "id", "ip", "lastSeenAt", "revokeReason", "revokedAt", "staffUserId", "userAgent" FROM "AuthSession";
DROP TABLE "AuthSession";
ALTER TABLE "new_AuthSession" RENAME TO "AuthSession";
CREATE INDEX "AuthSession_accountId_idx" ON "AuthSession"("accountId");
CREATE INDEX "AuthSession_staffUserId_idx" ON "AuthSession"("staffUserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SignInProvider_slug_key" ON "SignInProvider"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "StaffExternalLink_providerId_subject_key" ON "StaffExternalLink"("providerId", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "StaffExternalLink_providerId_claimValue_key" ON "StaffExternalLink"("providerId", "claimValue");

-- CreateIndex
CREATE UNIQUE INDEX "StaffExternalLink_staffUserId_providerId_key" ON "StaffExternalLink"("staffUserId", "providerId");

-- CreateIndex
CREATE UNIQUE INDEX "OidcAuthState_stateHash_key" ON "OidcAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "OidcAuthState_expiresAt_idx" ON "OidcAuthState"("expiresAt");

