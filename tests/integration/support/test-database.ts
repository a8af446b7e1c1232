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

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

/** One statement on TEST_POSTGRES_URL's server (create, drop or alter a database), on a connection of its own. */
export async function adminQuery<T = unknown>(sql: string): Promise<T[]> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

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
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    migrate(url.toString());
    return {
      url: url.toString(),
      provider: "postgres",
      drop: async () => {
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
