import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { databaseUrl, providerOf, sqliteFilePath } from "./lib/db/provider";

// One canonical schema (SQLite); the PostgreSQL copy is generated from it (scripts/db-generate.ts).
// The CLI runs with the JavaScript schema engine and a driver adapter, which works offline.
const url = databaseUrl();
const provider = providerOf(url);
const dir = provider === "postgresql" ? path.join("prisma", "postgres") : "prisma";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    if (provider === "postgresql") {
      // The 7.x pg adapter knows the `name` column type the migration engine reads from the catalog.
      const { PrismaPg } = await import("@prisma/adapter-pg-v7");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
} satisfies PrismaConfig;
