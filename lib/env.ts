import "server-only";
import { z } from "zod";

import { parseEnv, type Env } from "./env-schema";

export { parseEnv, envSchema, type Env } from "./env-schema";

/*
 * Every setting is read through this module (its schema: lib/env-schema.ts). The exceptions, each for a reason:
 * - NODE_ENV: set by Next.js and inlined at build time (cache lifetimes, the dev-only Prisma global).
 * - lib/db/provider.ts (DATABASE_URL) and lib/db/client.ts (DATABASE_POOL_SIZE, DATABASE_PREPARED_STATEMENTS,
 *   parsed with the schema's rules): the database client is made by scripts before the other settings are
 *   valid, and each test file points DATABASE_URL at its own fresh database after this module may have cached
 *   the rest.
 * - lib/core/request-meta.ts: a flag scripts/serve.ts sets for its own process, not configuration.
 * - proxy.ts (NEXTAUTH_URL): the proxy's bundle stays free of server-only modules.
 * - scripts/ (start, screenshots, db-generate): tooling that runs before, or outside, the app's settings.
 */
let parsed: Env | undefined;
/** The settings, parsed once per process (see lib/env-schema.ts for the list). */
export function env(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/**
 * The secrets read fresh on every call (not cached with env()): a key rotation swaps them, and the bulk
 * paths that call this often keep their own derived-key cache (lib/security/keys.ts).
 */
export function secretSettings() {
  const v = freshSetting;
  return {
    APP_SECRET: v("APP_SECRET"),
    NEXTAUTH_SECRET: v("NEXTAUTH_SECRET"),
    DATA_ENCRYPTION_KEY: v("DATA_ENCRYPTION_KEY"),
    BLIND_INDEX_KEY: v("BLIND_INDEX_KEY"),
    DATA_ENCRYPTION_KEY_PREVIOUS: v("DATA_ENCRYPTION_KEY_PREVIOUS"),
    BLIND_INDEX_KEY_PREVIOUS: v("BLIND_INDEX_KEY_PREVIOUS"),
    SECRETS_FILE: v("SECRETS_FILE") ?? DEFAULT_SECRETS_FILE,
    production: v("APP_MODE") === "production",
  };
}

export const DEFAULT_SECRETS_FILE = "./data/secrets.json";
type FreshSetting =
  | "APP_SECRET"
  | "NEXTAUTH_SECRET"
  | "DATA_ENCRYPTION_KEY"
  | "BLIND_INDEX_KEY"
  | "DATA_ENCRYPTION_KEY_PREVIOUS"
  | "BLIND_INDEX_KEY_PREVIOUS"
  | "SECRETS_FILE"
  | "APP_MODE";

/**
 * One of secretSettings()'s variables, read fresh. For the per-value paths (every ID number an import
 * encrypts and indexes): each read of process.env costs about a microsecond, and the key of a value needs
 * one or two of them, not all eight.
 */
export function freshSetting(name: FreshSetting): string | undefined {
  return process.env[name] || undefined;
}

/**
 * Client secrets of the external sign-in providers (admin settings → 外部登录): one variable per provider,
 * named after its slug — provider `campus-sso` reads OIDC_CAMPUS_SSO_CLIENT_SECRET. They are not in the
 * schema above because the admin adds providers at run time; the pattern is validated here instead.
 */
export const OIDC_CLIENT_SECRET_PATTERN = /^OIDC_[A-Z0-9_]+_CLIENT_SECRET$/;
const oidcSecretSchema = z.string().min(1).max(4096);

export function oidcClientSecretVariable(slug: string): string {
  return `OIDC_${slug.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_CLIENT_SECRET`;
}

/** The provider's client secret, or undefined when its variable is unset or empty. */
export function oidcClientSecret(slug: string): string | undefined {
  const name = oidcClientSecretVariable(slug);
  if (!OIDC_CLIENT_SECRET_PATTERN.test(name)) return undefined;
  const parsed = oidcSecretSchema.safeParse(process.env[name]);
  return parsed.success ? parsed.data : undefined;
}

export const isProductionMode = () => env().APP_MODE === "production";
/** Demo mode: the demo university's staff need not change their passwords; the banner is shown. */
export const isDemoMode = () => !isProductionMode() && env().DEMO_MODE === "1";
/** The 演示环境 banner: shown on every page unless APP_MODE=production. */
export const showDemoBanner = () => !isProductionMode();
export const devOutboxEnabled = () => !isProductionMode() && env().DEV_OUTBOX === "1";
