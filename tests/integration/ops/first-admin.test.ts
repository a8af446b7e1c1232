/**
 * The first administrator of a production install: `npm run admin:create` on a database without demo data
 * prints a one-time password once; it signs in and must be changed; a second run is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/security/passwords";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { npmRun } from "./support";

let database: TestDatabase;
let client: Db;

beforeAll(async () => {
  database = await createTestDatabase("admin");
  client = createClient(database.url);
});
afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

describe("npm run admin:create", () => {
  it("says at start that no administrator exists yet", async () => {
    const check = await npmRun("admin:create", ["--check"], { DATABASE_URL: database.url });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      "no administrator yet: create one with  npm run admin:create -- --username",
    );
  });

  it("refuses a malformed username and changes nothing", async () => {
    const bad = await npmRun("admin:create", ["--username", "../root"], { DATABASE_URL: database.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("admin:create refused: the username must be");
    expect(await client.staffUser.count()).toBe(0);
  });

  it("creates the first admin with a one-time password printed once, which must be changed", async () => {
    const run = await npmRun("admin:create", ["--username", "Zhang.San", "--name", "张三"], {
      DATABASE_URL: database.url,
    });
    expect(run.code, run.stderr).toBe(0);
    const password = /One-time password \(shown only now\):\n\s+(\S+)/.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(run.stdout.split(password as string)).toHaveLength(2); // printed exactly once

    const admin = await client.staffUser.findUniqueOrThrow({ where: { username: "zhang.san" } });
    expect(admin).toMatchObject({
      displayName: "张三",
      roles: "admin",
      mustChangePassword: true,
      isDemo: false,
    });
    expect(admin.passwordHash).not.toContain(password as string);
    expect(await verifyPassword(admin.passwordHash, password as string)).toBe(true);
    const audit = await client.auditLog.findFirstOrThrow({ where: { targetId: admin.id } });
    expect(audit).toMatchObject({ action: "staff.create", actorType: "system" });
    expect(audit.after).not.toContain(password as string);
    expect(await client.enrollmentRecord.count()).toBe(0); // no demo data came with it
  });

  it("refuses a second first administrator", async () => {
    const again = await npmRun("admin:create", ["--username", "lisi"], { DATABASE_URL: database.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("an administrator exists already (zhang.san)");
    expect(await client.staffUser.count()).toBe(1);
    const check = await npmRun("admin:create", ["--check"], { DATABASE_URL: database.url });
    expect(check.stdout).not.toContain("no administrator yet");
  });
});
