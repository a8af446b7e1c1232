import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  randomFillSync,
  timingSafeEqual,
  type KeyObject,
} from "node:crypto";
import {
  blindIndexKey,
  encryptionKey,
  keyId,
  previousBlindIndexKey,
  previousEncryptionKey,
  tokenPepper,
} from "./keys";

/**
 * The keys as KeyObjects, made once per key (keys.ts hands out the same Buffer while the secret is
 * unchanged): passing a raw Buffer makes node:crypto import the key on every call, a third of the cost
 * of encrypting one short value.
 */
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObject(raw: Buffer): KeyObject {
  let key = keyObjects.get(raw);
  if (!key) {
    key = createSecretKey(raw);
    keyObjects.set(raw, key);
  }
  return key;
}

/**
 * GCM nonces: 96 fresh random bits per encryption, as before, but drawn from the CSPRNG 4,096 at a time
 * (bulk imports encrypt 100,000 values; one randomBytes call each cost as much as the encryption). Every
 * IV is used exactly once: the offset only moves forward and the block is refilled with new random bytes
 * when used up.
 */
const IV_BYTES = 12;
const ivPool = Buffer.alloc(IV_BYTES * 4096);
let ivOffset = ivPool.length;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

/**
 * AES-256-GCM: "v2.<key id>.<iv>.<tag>.<ciphertext>" in base64url. The key id names the key that sealed the
 * value, so a key rotation can tell which rows are done (npm run keys:rotate). "v1.<iv>.<tag>.<ciphertext>"
 * (before key ids) is still read.
 */
export function encrypt(plaintext: string): string {
  return encryptWith(encryptionKey(), plaintext);
}

export function encryptWith(key: Buffer, plaintext: string): string {
  const iv = nextIv();
  const cipher = createCipheriv("aes-256-gcm", keyObject(key), iv);
  const head = cipher.update(plaintext, "utf8");
  const tail = cipher.final(); // empty for GCM (a stream mode); kept for correctness
  const data = tail.length ? Buffer.concat([head, tail]) : head;
  return `v2.${keyId(key)}.${iv.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}.${data.toString("base64url")}`;
}

function open(key: Buffer, iv: string, tag: string, data: string): string {
  const decipher = createDecipheriv("aes-256-gcm", keyObject(key), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** The keys a value may be sealed with: the current one, and the previous one during a rotation. */
function readableKeys(): Buffer[] {
  const previous = previousEncryptionKey();
  return previous ? [encryptionKey(), previous] : [encryptionKey()];
}

export function decrypt(sealed: string): string {
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 5) {
    const key = readableKeys().find((k) => keyId(k) === parts[1]);
    if (!key) throw new Error("Ciphertext sealed with a key that is not configured");
    return open(key, parts[2], parts[3], parts[4]);
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const keys = readableKeys();
    for (let i = 0; ; i++) {
      try {
        return open(keys[i], parts[1], parts[2], parts[3]);
      } catch (e) {
        if (i === keys.length - 1) throw e;
      }
    }
  }
  throw new Error("Unsupported ciphertext");
}

/** Is this value sealed with the current key (a rotation's per-row progress marker)? */
export function sealedWithCurrentKey(sealed: string): boolean {
  return sealed.startsWith(`v2.${keyId(encryptionKey())}.`);
}

/** Keyed hash used to look up an encrypted value (ID numbers) without decrypting every row. */
export function blindIndex(normalizedValue: string): string {
  return blindIndexWith(blindIndexKey(), normalizedValue);
}

export function blindIndexWith(key: Buffer, normalizedValue: string): string {
  return createHmac("sha256", keyObject(key)).update(normalizedValue).digest("base64url");
}

/**
 * Every index a stored row may carry for this value: the current key's, and during a key rotation the
 * previous key's too (rows not yet re-indexed). Lookups match any of them; writes use blindIndex().
 */
export function blindIndexes(normalizedValue: string): string[] {
  const previous = previousBlindIndexKey();
  const current = blindIndex(normalizedValue);
  return previous ? [current, blindIndexWith(previous, normalizedValue)] : [current];
}

/** Random URL-safe token (reset links, API tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Hash for one-time secrets (codes, tokens): HMAC with a server pepper, so a database leak reveals nothing. */
export function hashSecret(secret: string): string {
  return createHmac("sha256", tokenPepper()).update(secret).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Uniformly random n-digit code (SMS and e-mail codes). */
export function randomDigits(n: number): string {
  let out = "";
  while (out.length < n) {
    const byte = randomBytes(1)[0];
    if (byte < 250) out += String(byte % 10);
  }
  return out;
}
