/**
 * `npm start`: check the configuration, migrate the database named by DATABASE_URL (SQLite file under ./data
 * by default), load the demo university when the database is empty (demo mode only: APP_MODE=production
 * never loads demo data), build once if needed, then serve on PORT (3000).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { databaseUrl, providerOf, sqliteFilePath } from "../lib/db/provider";
import { parseEnv } from "../lib/env-schema";
import { servedNodeEnv } from "./served-memory";

const started = Date.now();
const url = databaseUrl();
const env = { ...process.env, DATABASE_URL: url };
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: "inherit", env });

// Production mode refuses missing or weak settings here, before anything touches the database.
try {
  run("npx", ["tsx", "scripts/check-config.ts"]);
} catch {
  process.exit(1);
}
const settings = parseEnv(env);
const production = settings.APP_MODE === "production";
if (!production) refuseDemoDatabaseWithoutItsKeys();

console.log(`[start] database: ${providerOf(url)} (${providerOf(url) === "sqlite" ? url : "DATABASE_URL"})`);
if (!existsSync("lib/db/generated/sqlite/client.ts") || !existsSync("lib/db/generated/postgres/client.ts")) {
  run("npx", ["tsx", "scripts/db-generate.ts"]);
}
run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["tsx", "--conditions=react-server", "scripts/check-durability.ts"]);
if (production) {
  run("npx", ["tsx", "--conditions=react-server", "scripts/admin-create.ts", "--check"]);
} else {
  run("npx", [
    "tsx",
    "--conditions=react-server",
    "prisma/seed/cli.ts",
    "--activity",
    ...(process.env.SEED_STUDENTS ? ["--students", process.env.SEED_STUDENTS] : []),
  ]);
}

// A database migrated from before the dashboards' summary existed gets it counted once.
run("npx", ["tsx", "--conditions=react-server", "scripts/progress-rebuild.ts", "--if-empty"]);

// Rebuild when any source file is newer than the last build (a fresh clone always builds once).
function buildIsStale(): boolean {
  if (!existsSync(".next/BUILD_ID")) return true;
  const builtAt = statSync(".next/BUILD_ID").mtimeMs;
  const newest = execFileSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8" }).trim();
  return Number(newest) * 1000 > builtAt || process.env.FORCE_BUILD === "1";
}
if (buildIsStale()) run("npx", ["next", "build"]);
else console.log(`[start] using existing build ${readFileSync(".next/BUILD_ID", "utf8").trim()}`);

const port = process.env.PORT ?? "3000";
console.log(
  `[start] ready steps took ${((Date.now() - started) / 1000).toFixed(1)} s; serving http://localhost:${port}`,
);
// The server runs with a bounded heap and two malloc arenas (scripts/served-memory.ts, docs/operations.md
// "Memory"): its memory then stays near what it uses instead of its largest import's high-water mark.
const server = spawn("npx", ["tsx", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { ...env, PORT: port, ...servedNodeEnv(env) },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/**
 * Demo databases made before each install generated its own keys (data/secrets.json) were encrypted with a
 * key that is no longer anywhere: without the secrets file, such a database's ID numbers cannot be read.
 */
function refuseDemoDatabaseWithoutItsKeys() {
  if (providerOf(url) !== "sqlite" || existsSync(settings.SECRETS_FILE)) return;
  if (settings.DATA_ENCRYPTION_KEY || settings.APP_SECRET) return;
  const file = sqliteFilePath(url);
  if (existsSync(file) && statSync(file).size > 0) {
    console.error(
      `[start] ${file} holds demo data encrypted with a key this version no longer has (${settings.SECRETS_FILE} is missing): delete ${file} (demo data only) and start again`,
    );
    process.exit(1);
  }
}
