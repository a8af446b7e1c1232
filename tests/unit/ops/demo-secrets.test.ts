import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoSecrets } from "@/lib/security/demo-secrets";
import { secretOf } from "@/lib/security/keys";
import { blindIndex, blindIndexes, decrypt, encrypt, sealedWithCurrentKey } from "@/lib/security/crypto";

const SECRET_VARIABLES = [
  "APP_SECRET",
  "NEXTAUTH_SECRET",
  "DATA_ENCRYPTION_KEY",
  "BLIND_INDEX_KEY",
  "DATA_ENCRYPTION_KEY_PREVIOUS",
  "BLIND_INDEX_KEY_PREVIOUS",
  "SECRETS_FILE",
  "APP_MODE",
];
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(SECRET_VARIABLES.map((v) => [v, process.env[v]]));
  for (const v of SECRET_VARIABLES) delete process.env[v];
});
afterEach(() => {
  for (const v of SECRET_VARIABLES) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), "xj-secrets-")), "data", "secrets.json");

describe("demo mode secrets", () => {
  it("are made on first use, kept in a file only the owner can read, and reused afterwards", () => {
    const file = tempFile();
    const first = demoSecrets(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.values(first)).toHaveLength(4);
    for (const value of Object.values(first)) expect(Buffer.from(value, "base64url").length).toBe(32);
    expect(new Set(Object.values(first)).size).toBe(4);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(first);
  });

  it("differ between two installs", () => {
    const a = demoSecrets(tempFile());
    const b = demoSecrets(tempFile());
    for (const field of Object.keys(a) as (keyof typeof a)[]) expect(a[field]).not.toBe(b[field]);
  });

  it("are what the session and ID-number keys use when no variable is set", () => {
    const file = tempFile();
    process.env.SECRETS_FILE = file;
    const sealed = encrypt("110101199003077777");
    expect(decrypt(sealed)).toBe("110101199003077777");
    expect(secretOf("session")).toBe(demoSecrets(file).sessionSecret);
    process.env.SECRETS_FILE = tempFile(); // another install cannot read it
    expect(() => decrypt(sealed)).toThrow();
  });

  it("are never made in production mode: a missing key is an error, not a fallback", () => {
    process.env.APP_MODE = "production";
    process.env.SECRETS_FILE = tempFile();
    expect(() => encrypt("x")).toThrow(/DATA_ENCRYPTION_KEY is not set/);
    expect(() => secretOf("session")).toThrow(/NEXTAUTH_SECRET is not set/);
  });
});

describe("ID-number keys during a rotation", () => {
  it("read values under the previous key and look up both indexes until re-sealed", () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    process.env.DATA_ENCRYPTION_KEY = oldKey;
    process.env.BLIND_INDEX_KEY = oldKey + "i";
    const sealed = encrypt("110101199003077777");
    const oldIndex = blindIndex("110101199003077777");

    process.env.DATA_ENCRYPTION_KEY = newKey;
    process.env.BLIND_INDEX_KEY = newKey + "i";
    expect(() => decrypt(sealed)).toThrow(/not configured/);

    process.env.DATA_ENCRYPTION_KEY_PREVIOUS = oldKey;
    process.env.BLIND_INDEX_KEY_PREVIOUS = oldKey + "i";
    expect(decrypt(sealed)).toBe("110101199003077777");
    expect(sealedWithCurrentKey(sealed)).toBe(false);
    expect(sealedWithCurrentKey(encrypt("110101199003077777"))).toBe(true);
    const indexes = blindIndexes("110101199003077777");
    expect(indexes).toEqual([blindIndex("110101199003077777"), oldIndex]);
    expect(indexes[0]).not.toBe(oldIndex);
  });
});
