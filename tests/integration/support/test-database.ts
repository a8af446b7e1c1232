import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";

/**
 * A fresh, migrated database for one test run: a temporary SQLite file, or a new PostgreSQL database on
 * the server named by TEST_POSTGRES_URL when TEST_DB=postgres. Dropped again at the end.
 */
export type TestDatabase = { url: string; provider: "sqlite" | "postgres"; drop: () => Promise<void> };

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

function migrate(url: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export async function createTestDatabase(label = "test"): Promise<TestDatabase> {
  const suffix = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  if (process.env.TEST_DB === "postgres") {
    const name = `xj_${suffix}`.toLowerCase();
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    migrate(url.toString());
    return {
      url: url.toString(),
      provider: "postgres",
      drop: async () => {
        const c = new Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = path.resolve("data", "test");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${suffix}.db`);
  const url = `file:${file}`;
  migrate(url);
  return {
    url,
    provider: "sqlite",
    drop: async () => {
      for (const ext of ["", "-wal", "-shm"]) rmSync(file + ext, { force: true });
    },
  };
}
