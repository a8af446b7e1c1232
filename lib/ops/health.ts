import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { databaseUrl, providerOf } from "@/lib/db/provider";
import { uploadsRoot } from "@/lib/uploads/storage";

/**
 * What /readyz reports: can this instance serve? Answers are fixed words, never an error's text (which can
 * carry a connection string or a path).
 */
export type Readiness = {
  ready: boolean;
  checks: {
    database: "ok" | "unreachable";
    migrations: "ok" | "pending" | "unknown";
    uploads: "ok" | "not writable";
  };
  pendingMigrations?: number;
};

/** Migration folders the code expects (prisma/migrations, or prisma/postgres/migrations). */
async function expectedMigrations(): Promise<string[]> {
  const dir =
    providerOf(databaseUrl()) === "postgresql"
      ? path.join(process.cwd(), "prisma", "postgres", "migrations")
      : path.join(process.cwd(), "prisma", "migrations");
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

async function pendingMigrations(expected: () => Promise<string[]>): Promise<number | null> {
  try {
    const applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const done = new Set(applied.map((r) => r.migration_name));
    return (await expected()).filter((name) => !done.has(name)).length;
  } catch {
    return null;
  }
}

async function uploadsWritable(root: string): Promise<boolean> {
  const probe = path.join(root, `.readyz-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(root, { recursive: true });
    await writeFile(probe, "ok", { flag: "wx" });
    await rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** The options exist for tests: another uploads folder, another list of expected migrations. */
export async function readiness(
  options: { uploadsDir?: string; expectedMigrations?: () => Promise<string[]> } = {},
): Promise<Readiness> {
  const database = await db
    .$queryRawUnsafe("SELECT 1")
    .then(() => "ok" as const)
    .catch(() => "unreachable" as const);
  const pending =
    database === "ok" ? await pendingMigrations(options.expectedMigrations ?? expectedMigrations) : null;
  const uploads = (await uploadsWritable(options.uploadsDir ?? uploadsRoot()))
    ? ("ok" as const)
    : ("not writable" as const);
  const migrations = pending === null ? "unknown" : pending === 0 ? "ok" : "pending";
  return {
    ready: database === "ok" && migrations === "ok" && uploads === "ok",
    checks: { database, migrations, uploads },
    ...(pending ? { pendingMigrations: pending } : {}),
  };
}
