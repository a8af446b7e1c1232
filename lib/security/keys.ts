import "server-only";
import { createHash } from "node:crypto";
import { DEFAULT_SECRETS_FILE, freshSetting } from "@/lib/env";
import { demoSecrets } from "./demo-secrets";

/**
 * Secret keys. Production mode (APP_MODE=production) takes them from the environment only and the start
 * check refuses to run without them; demo mode uses the environment when set and otherwise the secrets
 * generated on first start (lib/security/demo-secrets.ts). No key is a constant in the source.
 *
 * During a rotation of the ID-number keys (npm run keys:rotate, docs/operations.md) the previous keys are
 * set too: new values are written with the current key, values under either key are read.
 */
type Kind = "session" | "dataEncryption" | "blindIndex" | "app";

const VARIABLE = {
  session: "NEXTAUTH_SECRET",
  dataEncryption: "DATA_ENCRYPTION_KEY",
  blindIndex: "BLIND_INDEX_KEY",
  app: "APP_SECRET",
} as const satisfies Record<Kind, string>;

/** The configured secret of one kind: its own variable, else APP_SECRET, else demo mode's generated one. */
export function secretOf(kind: Kind): string {
  // only the variables this kind needs, in order (called once per value by the bulk paths)
  const value =
    freshSetting(VARIABLE[kind]) ??
    freshSetting("APP_SECRET") ??
    (kind === "app" ? freshSetting("NEXTAUTH_SECRET") : undefined);
  if (value) return value;
  if (freshSetting("APP_MODE") === "production")
    throw new Error(`${VARIABLE[kind]} is not set (APP_MODE=production)`);
  const demo = demoSecrets(freshSetting("SECRETS_FILE") ?? DEFAULT_SECRETS_FILE);
  return {
    session: demo.sessionSecret,
    dataEncryption: demo.dataEncryptionKey,
    blindIndex: demo.blindIndexKey,
    app: demo.appSecret,
  }[kind];
}

const derived = new Map<string, Buffer>();

/** Independent 32-byte keys per purpose from one secret (cached: hot path of bulk imports). */
export function deriveKey(secret: string, purpose: string): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = createHash("sha256").update(cacheKey).digest();
    derived.set(cacheKey, key);
  }
  return key;
}

/** A short, non-secret name of a key, written into every ciphertext: which key sealed it. */
const keyIds = new WeakMap<Buffer, string>();
export function keyId(key: Buffer): string {
  let id = keyIds.get(key); // deriveKey hands out the same Buffer while the secret is unchanged
  if (!id) {
    id = createHash("sha256")
      .update("key-id\u0000")
      .update(key)
      .digest()
      .subarray(0, 6)
      .toString("base64url");
    keyIds.set(key, id);
  }
  return id;
}

export const encryptionKey = (): Buffer => deriveKey(secretOf("dataEncryption"), "aes-256-gcm");
export const blindIndexKey = (): Buffer => deriveKey(secretOf("blindIndex"), "blind-index");
export const tokenPepper = (): Buffer => deriveKey(secretOf("app"), "token-hash");

/** The previous keys while a rotation is under way (DATA_ENCRYPTION_KEY_PREVIOUS / BLIND_INDEX_KEY_PREVIOUS). */
export function previousEncryptionKey(): Buffer | undefined {
  const previous = freshSetting("DATA_ENCRYPTION_KEY_PREVIOUS");
  return previous ? deriveKey(previous, "aes-256-gcm") : undefined;
}
export function previousBlindIndexKey(): Buffer | undefined {
  const previous = freshSetting("BLIND_INDEX_KEY_PREVIOUS");
  return previous ? deriveKey(previous, "blind-index") : undefined;
}
