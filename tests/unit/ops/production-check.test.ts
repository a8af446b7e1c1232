import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";
import { productionProblems } from "@/lib/ops/production-check";

const key = () => randomBytes(32).toString("base64");
const noSecretsFile = path.join(mkdtempSync(path.join(tmpdir(), "xj-check-")), "secrets.json");

/** A complete production configuration; each test breaks one setting. */
function production(overrides: Record<string, string | undefined> = {}) {
  const vars: Record<string, string | undefined> = {
    APP_MODE: "production",
    SECRETS_FILE: noSecretsFile,
    NEXTAUTH_SECRET: key(),
    DATA_ENCRYPTION_KEY: key(),
    BLIND_INDEX_KEY: key(),
    NEXTAUTH_URL: "https://xj.example.edu.cn",
    SMS_PROVIDER: "aliyun",
    SMS_ALIYUN_ACCESS_KEY_ID: "LTAI-id",
    SMS_ALIYUN_ACCESS_KEY_SECRET: "secret",
    SMS_ALIYUN_SIGN_NAME: "某大学",
    SMS_ALIYUN_TEMPLATE_CODE: "SMS_1",
    EMAIL_PROVIDER: "smtp",
    SMTP_URL: "smtps://user:pass@smtp.example.edu.cn:465",
    ...overrides,
  };
  return productionProblems(parseEnv(vars));
}

describe("production start check", () => {
  it("accepts a complete production configuration, and demo mode needs nothing", () => {
    expect(production()).toEqual([]);
    expect(productionProblems(parseEnv({}))).toEqual([]);
  });

  for (const name of ["NEXTAUTH_SECRET", "DATA_ENCRYPTION_KEY", "BLIND_INDEX_KEY"]) {
    it(`refuses a missing ${name}`, () => {
      expect(production({ [name]: undefined })).toEqual([
        expect.stringMatching(new RegExp(`^${name} is not set`)),
      ]);
    });
    it(`refuses a short ${name} (16 bytes)`, () => {
      const problems = production({ [name]: randomBytes(16).toString("hex") });
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} is too short \\(16 bytes\\)`))]);
    });
    it(`refuses ${name} set to the published development constant`, () => {
      const problems = production({ [name]: "development-only-secret-do-not-use-in-production" });
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} is a development value`))]);
    });
    it(`refuses ${name} that is neither hex nor base64 (a pass phrase)`, () => {
      expect(production({ [name]: "our university secret 2026 please keep it safe" })).toEqual([
        expect.stringMatching(new RegExp(`^${name} is not hex or base64`)),
      ]);
    });
    it(`refuses ${name} that repeats one byte`, () => {
      expect(production({ [name]: "a".repeat(64) })).toEqual([
        expect.stringMatching(new RegExp(`^${name} is not random`)),
      ]);
    });
  }

  it("refuses a secret taken from a demo install's secrets file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "xj-demo-")), "secrets.json");
    const demoKey = randomBytes(32).toString("base64url");
    writeFileSync(file, JSON.stringify({ dataEncryptionKey: demoKey }));
    const problems = production({ SECRETS_FILE: file, DATA_ENCRYPTION_KEY: demoKey });
    expect(problems).toEqual([expect.stringMatching(/^DATA_ENCRYPTION_KEY is a development value/)]);
  });

  it("refuses the same value for two secrets", () => {
    const shared = key();
    expect(production({ DATA_ENCRYPTION_KEY: shared, BLIND_INDEX_KEY: shared })).toEqual([
      "BLIND_INDEX_KEY is the same as DATA_ENCRYPTION_KEY: each secret must be its own random value",
    ]);
  });

  it("refuses a missing public URL", () => {
    expect(production({ NEXTAUTH_URL: undefined })).toEqual([
      expect.stringMatching(/^NEXTAUTH_URL is not set/),
    ]);
  });

  it("refuses a public URL that is not a URL", () => {
    expect(production({ NEXTAUTH_URL: "xj.example.edu.cn" })).toEqual([
      "NEXTAUTH_URL is not a URL: set the public https:// address of the portal",
    ]);
  });

  it("refuses an http:// public URL", () => {
    expect(production({ NEXTAUTH_URL: "http://xj.example.edu.cn" })).toEqual([
      expect.stringMatching(/^NEXTAUTH_URL must start with https:\/\//),
    ]);
  });

  it("refuses the SMS outbox", () => {
    expect(production({ SMS_PROVIDER: "outbox" })).toEqual([
      expect.stringMatching(/^SMS_PROVIDER must be aliyun/),
    ]);
  });

  for (const name of [
    "SMS_ALIYUN_ACCESS_KEY_ID",
    "SMS_ALIYUN_ACCESS_KEY_SECRET",
    "SMS_ALIYUN_SIGN_NAME",
    "SMS_ALIYUN_TEMPLATE_CODE",
  ]) {
    it(`refuses Alibaba Cloud SMS without ${name}`, () => {
      expect(production({ [name]: undefined })).toEqual([`${name} is not set: SMS_PROVIDER=aliyun needs it`]);
    });
  }

  it("refuses the e-mail outbox", () => {
    expect(production({ EMAIL_PROVIDER: "outbox" })).toEqual([
      expect.stringMatching(/^EMAIL_PROVIDER must be smtp/),
    ]);
  });

  it("refuses SMTP without SMTP_URL, or with something that is not an SMTP address", () => {
    expect(production({ SMTP_URL: undefined })).toEqual([expect.stringMatching(/^SMTP_URL is not set/)]);
    expect(production({ SMTP_URL: "https://mail.example.edu.cn" })).toEqual([
      "SMTP_URL must be an smtp:// or smtps:// address",
    ]);
  });

  it("refuses DEV_OUTBOX=1", () => {
    expect(production({ DEV_OUTBOX: "1" })).toEqual([expect.stringMatching(/^DEV_OUTBOX=1 is not allowed/)]);
  });

  it("lists every problem of an empty production configuration, one line each", () => {
    const problems = productionProblems(parseEnv({ APP_MODE: "production", SECRETS_FILE: noSecretsFile }));
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "NEXTAUTH_SECRET",
      "DATA_ENCRYPTION_KEY",
      "BLIND_INDEX_KEY",
      "NEXTAUTH_URL",
      "SMS_PROVIDER",
      "EMAIL_PROVIDER",
    ]);
  });
});
