/**
 * Writes prisma/postgres/schema.prisma from the canonical SQLite schema and generates both clients.
 * `--check` fails when the generated schema is out of date (used by the test command).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";

const canonical = readFileSync("prisma/schema.prisma", "utf8");
const postgres =
  "// GENERATED from prisma/schema.prisma by scripts/db-generate.ts. Do not edit.\n" +
  canonical
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/db/generated/sqlite"', 'output     = "../../lib/db/generated/postgres"');

const target = "prisma/postgres/schema.prisma";
if (process.argv.includes("--check")) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== postgres) {
    console.error(`${target} is out of date: run npm run db:generate`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
  process.exit(0);
}
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync(target, postgres);
// The CLI needs a URL of the schema's provider to read the schema (no connection is made).
const generations = [
  { schema: "prisma/schema.prisma", url: "file:./data/app.db" },
  { schema: target, url: "postgresql://localhost:5432/generate" },
];
for (const { schema, url } of generations) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}
