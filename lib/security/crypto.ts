import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { blindIndexKey, encryptionKey, tokenPepper } from "./keys";

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encrypt(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ].join(".");
}

export function decrypt(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unsupported ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed hash used to look up an encrypted value (ID numbers) without decrypting every row. */
export function blindIndex(normalizedValue: string): string {
  return createHmac("sha256", blindIndexKey()).update(normalizedValue).digest("base64url");
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
