/**
 * Authors a migration for both providers: the SQL difference between the schema as of the last migration
 * (a snapshot kept beside the migrations) and the current schema. `prisma migrate dev` does not work with
 * the JavaScript schema engine, so this replaces it.  Usage: npm run db:new-migration -- <name>
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
execFileSync("npx", ["tsx", "scripts/db-generate.ts"], { stdio: "inherit" });

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const targets = [
  { dir: "prisma", url: "file:./data/app.db" },
  { dir: "prisma/postgres", url: "postgresql://root@127.0.0.1:5432/postgres" },
];
for (const { dir, url } of targets) {
  const schema = path.join(dir, "schema.prisma");
  const migrations = path.join(dir, "migrations");
  const snapshot = path.join(migrations, "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { env: { ...process.env, DATABASE_URL: url } },
  ).toString();
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${dir}: no changes`);
    continue;
  }
  const folder = path.join(migrations, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  const lock = path.join(migrations, "migration_lock.toml");
  if (!existsSync(lock)) {
    const provider = dir === "prisma" ? "sqlite" : "postgresql";
    writeFileSync(lock, `provider = "${provider}"\n`);
  }
  copyFileSync(schema, snapshot);
  console.log(
    `${folder}/migration.sql written (${readFileSync(path.join(folder, "migration.sql")).length} bytes)`,
  );
}
