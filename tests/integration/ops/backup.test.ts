/**
 * npm run backup / npm run restore on the run's database provider (SQLite online backup or pg_dump custom
 * format) with the uploads folder: back up, change data and files, restore — the changes are gone and
 * everything else is back.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { DEFAULT_DEMO_STAFF_PASSWORD } from "../../../prisma/seed/demo-students";
import { loadDemoUniversity } from "../../../prisma/seed/load";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { npmRun } from "./support";

let database: TestDatabase;
let client: Db;
const work = mkdtempSync(path.join(tmpdir(), "xj-backup-"));
const uploads = path.join(work, "uploads");
const backups = path.join(work, "backups");
const secretsFile = path.join(work, "secrets.json");
const env = () => ({
  DATABASE_URL: database.url,
  UPLOADS_DIR: uploads,
  APP_MODE: "demo",
  SECRETS_FILE: secretsFile,
});

/** Every file under the uploads folder with a digest of its bytes. */
function filesIn(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

async function snapshot(c: Db) {
  return {
    records: await c.enrollmentRecord.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, version: true },
    }),
    staff: await c.staffUser.findMany({ orderBy: { id: "asc" }, select: { id: true, username: true } }),
    colleges: await c.college.count(),
    accounts: await c.account.count(),
    campaigns: await c.campaign.count(),
  };
}

let before: Awaited<ReturnType<typeof snapshot>>;
let filesBefore: Record<string, string>;
let backupDir: string;

beforeAll(async () => {
  database = await createTestDatabase("backup");
  client = createClient(database.url);
  await loadDemoUniversity(client, {
    url: database.url,
    seed: 11,
    students: 30,
    schoolName: "备份测试大学",
    staffPassword: DEFAULT_DEMO_STAFF_PASSWORD,
  });
  for (const [key, bytes] of [
    ["admission/2026/12/a1.jpg", "photo one"],
    ["evidence/2026/12/e1.pdf", "evidence"],
    ["identity/2026/12/front.jpg", "hand-held ID photo"],
  ]) {
    mkdirSync(path.dirname(path.join(uploads, key)), { recursive: true });
    writeFileSync(path.join(uploads, key), bytes);
  }
  writeFileSync(secretsFile, JSON.stringify({ sessionSecret: "s" }), { mode: 0o600 });
  before = await snapshot(client);
  filesBefore = filesIn(uploads);
}, 180_000);

afterAll(async () => {
  await client?.$disconnect();
  await database?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("npm run backup writes one timestamped folder with the database, the uploads and a manifest", async () => {
    // the portal keeps its connection open: the backup is taken online
    const run = await npmRun("backup", ["--out", backups], env());
    expect(run.code, run.stderr).toBe(0);
    backupDir = /^backup: (\S+) /m.exec(run.stdout)?.[1] as string;
    expect(path.basename(backupDir)).toMatch(/^xueji-\d{8}T\d{6}Z$/);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    const manifest = JSON.parse(readFileSync(path.join(backupDir, "manifest.json"), "utf8"));
    const provider = database.provider === "postgres" ? "postgresql" : "sqlite";
    expect(manifest).toMatchObject({ provider, uploadFiles: 3, secrets: true });
    expect(existsSync(path.join(backupDir, manifest.database))).toBe(true);
    expect(filesIn(path.join(backupDir, "uploads"))).toEqual(filesBefore);
    expect(run.stdout + run.stderr).not.toMatch(/:[^@/\s]+@/); // no database password printed
  });

  it("npm run restore brings back the data and files, and the changes made since are gone", async () => {
    const record = before.records[0];
    await client.enrollmentRecord.update({
      where: { id: record.id },
      data: { name: "改过的名字", version: { increment: 1 } },
    });
    const college = await client.college.create({ data: { code: "99", name: "备份之后新建的学院" } });
    await client.staffUser.update({
      where: { id: before.staff[0].id },
      data: { username: "renamed-after-backup" },
    });
    writeFileSync(path.join(uploads, "evidence/2026/12/new.pdf"), "added after the backup");
    rmSync(path.join(uploads, "admission/2026/12/a1.jpg"));
    writeFileSync(path.join(uploads, "evidence/2026/12/e1.pdf"), "overwritten");
    await client.$disconnect();

    const run = await npmRun("restore", [backupDir], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("restore: database");

    client = createClient(database.url);
    expect(await snapshot(client)).toEqual(before);
    expect(await client.college.findUnique({ where: { id: college.id } })).toBeNull();
    expect(filesIn(uploads)).toEqual(filesBefore);
    expect(existsSync(`${uploads}.before-restore`)).toBe(false);
  });

  it("refuses a folder that is not a backup, and a backup of the other database kind", async () => {
    const notBackup = await npmRun("restore", [work], env());
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toContain("is not a backup (no manifest.json)");
    const otherKind =
      database.provider === "postgres"
        ? "file:./data/test/not-this.db"
        : "postgresql://root@127.0.0.1:5432/none";
    const mismatch = await npmRun("restore", [backupDir], { ...env(), DATABASE_URL: otherKind });
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/the backup is of a (sqlite|postgresql) database/);
    expect(await snapshot(client)).toEqual(before);
  });
});
