-- Bindings before this migration named a provider by free text and nothing could create them, so they
-- cannot be mapped to a configured provider and none are carried over.
DELETE FROM "ExternalIdentity";

-- DropIndex
DROP INDEX "ExternalIdentity_accountId_idx";

-- DropIndex
DROP INDEX "ExternalIdentity_provider_subject_key";

-- AlterTable
ALTER TABLE "ExternalIdentity" DROP COLUMN "provider",
ADD COLUMN     "lastSignInAt" TIMESTAMP(3),
ADD COLUMN     "providerId" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "LoginEvent" ADD COLUMN     "method" TEXT NOT NULL DEFAULT 'password',
ADD COLUMN     "signInProviderId" TEXT;

-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN     "method" TEXT NOT NULL DEFAULT 'password';

-- CreateTable
CREATE TABLE "SignInProvider" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "staffClaim" TEXT NOT NULL DEFAULT '',
    "staffPasswordDisabled" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffExternalLink" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "subject" TEXT,
    "claimValue" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "StaffExternalLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OidcAuthState" (
    "id" TEXT NOT NULL,
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
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OidcAuthState_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIdentity_providerId_subject_key" ON "ExternalIdentity"("providerId", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIdentity_accountId_providerId_key" ON "ExternalIdentity"("accountId", "providerId");

-- AddForeignKey
ALTER TABLE "ExternalIdentity" ADD CONSTRAINT "ExternalIdentity_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SignInProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoginEvent" ADD CONSTRAINT "LoginEvent_signInProviderId_fkey" FOREIGN KEY ("signInProviderId") REFERENCES "SignInProvider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffExternalLink" ADD CONSTRAINT "StaffExternalLink_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffExternalLink" ADD CONSTRAINT "StaffExternalLink_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SignInProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OidcAuthState" ADD CONSTRAINT "OidcAuthState_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SignInProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

