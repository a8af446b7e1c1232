/**
 * `npm start` in production mode, as an operator runs it: with settings missing it refuses before touching
 * the database, one line per setting; with complete settings on an empty database it migrates and loads no
 * demo data (it says how to create the first administrator instead). The server refuses on its own too.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { npmRun } from "./support";

const work = mkdtempSync(path.join(tmpdir(), "xj-prod-"));
const key = () => randomBytes(32).toString("base64");
/** Everything production needs except what each test leaves out; no secret from the test run's own env. */
const complete = {
  APP_MODE: "production",
  SECRETS_FILE: path.join(work, "secrets.json"),
  UPLOADS_DIR: path.join(work, "uploads"),
  APP_SECRET: "",
  NEXTAUTH_SECRET: key(),
  DATA_ENCRYPTION_KEY: key(),
  BLIND_INDEX_KEY: key(),
  NEXTAUTH_URL: "https://xj.example.edu.cn",
  SMS_PROVIDER: "aliyun",
  SMS_ALIYUN_ACCESS_KEY_ID: "LTAI-test",
  SMS_ALIYUN_ACCESS_KEY_SECRET: "test",
  SMS_ALIYUN_SIGN_NAME: "测试大学",
  SMS_ALIYUN_TEMPLATE_CODE: "SMS_1",
  EMAIL_PROVIDER: "smtp",
  SMTP_URL: "smtp://127.0.0.1:2525",
  DEV_OUTBOX: "0",
};

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("prod");
});
afterAll(async () => {
  await database?.drop();
});

describe("production start", () => {
  it("refuses without its settings, one line each, and does not touch the database", async () => {
    const file = path.join(work, "never-created.db");
    const run = await npmRun("start", [], {
      APP_MODE: "production",
      DATABASE_URL: `file:${file}`,
      SECRETS_FILE: complete.SECRETS_FILE,
      APP_SECRET: "",
      NEXTAUTH_SECRET: "",
      DATA_ENCRYPTION_KEY: "",
      BLIND_INDEX_KEY: "",
      DEV_OUTBOX: "1",
    });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.split("\n").filter((l) => l.startsWith("[config]   "));
    expect(lines.map((l) => l.slice(11).split(" ")[0])).toEqual([
      "NEXTAUTH_SECRET",
      "DATA_ENCRYPTION_KEY",
      "BLIND_INDEX_KEY",
      "NEXTAUTH_URL",
      "SMS_PROVIDER",
      "EMAIL_PROVIDER",
      "DEV_OUTBOX=1",
    ]);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(complete.SECRETS_FILE)).toBe(false); // no demo secret is made in production mode
  });

  it("the server itself refuses a weak key before opening its port", async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn("npx", ["tsx", "scripts/serve.ts"], {
        env: {
          ...process.env,
          ...complete,
          DATA_ENCRYPTION_KEY: randomBytes(16).toString("hex"),
          PORT: "3147",
        },
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (code) => resolve({ code, stderr }));
    });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain("DATA_ENCRYPTION_KEY is too short (16 bytes)");
  });

  it("on an empty database migrates, loads no demo data and says how to create the first admin", async () => {
    const child = spawn("npm", ["start"], {
      env: { ...process.env, ...complete, DATABASE_URL: database.url, PORT: "3148" },
      detached: true,
    });
    let output = "";
    const seen = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 90_000);
      const onData = (d: Buffer) => {
        output += d;
        if (output.includes("[start] no administrator yet")) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", () => resolve(false));
    });
    try {
      process.kill(-(child.pid as number), "SIGKILL"); // stop before it builds and serves
    } catch {
      // already gone
    }
    expect(seen, output).toBe(true);
    expect(output).not.toContain("Demo data →");
    const client: Db = createClient(database.url);
    try {
      expect(await client.enrollmentRecord.count()).toBe(0);
      expect(await client.staffUser.count()).toBe(0);
      expect(await client.account.count()).toBe(0);
      expect(await client.college.count()).toBe(0);
    } finally {
      await client.$disconnect();
    }
  });

  it("the demo seed refuses in production mode whoever runs it", async () => {
    const run = await npmRun("seed", [], { ...complete, DATABASE_URL: database.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("demo data is never loaded in production mode");
  });

  it("demo mode: a demo database made before keys were generated per install is refused with what to do", async () => {
    const file = path.join(work, "old-demo.db");
    writeFileSync(file, "SQLite format 3\u0000 (an old demo database)");
    const run = await npmRun("start", [], {
      APP_MODE: "demo",
      DATABASE_URL: `file:${file}`,
      SECRETS_FILE: path.join(work, "absent-secrets.json"),
      APP_SECRET: "",
      NEXTAUTH_SECRET: "",
      DATA_ENCRYPTION_KEY: "",
      BLIND_INDEX_KEY: "",
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("holds demo data encrypted with a key this version no longer has");
    expect(existsSync(path.join(work, "absent-secrets.json"))).toBe(false);
  });
});
