import "server-only";
import { createHash } from "node:crypto";

/**
 * Secret keys come from the environment. In development and tests a fixed, clearly-labelled fallback is
 * used so the product starts with no configuration; production refuses to start without real keys
 * (lib/env.ts).
 */
const DEV_FALLBACK = "development-only-secret-do-not-use-in-production";

const derived = new Map<string, Buffer>();

function keyFrom(name: string, purpose: string): Buffer {
  const secret = process.env[name] || process.env.APP_SECRET || DEV_FALLBACK;
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    // Derive independent 32-byte keys per purpose from whatever secret is configured (cached: hot path of
    // bulk imports).
    key = createHash("sha256").update(cacheKey).digest();
    derived.set(cacheKey, key);
  }
  return key;
}

export const encryptionKey = (): Buffer => keyFrom("DATA_ENCRYPTION_KEY", "aes-256-gcm");
export const blindIndexKey = (): Buffer => keyFrom("BLIND_INDEX_KEY", "blind-index");
export const tokenPepper = (): Buffer => keyFrom("APP_SECRET", "token-hash");
