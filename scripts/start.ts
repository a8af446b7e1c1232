/**
 * `npm start`: migrate the database named by DATABASE_URL (SQLite file under ./data by default), load the
 * demo university when the database is empty, build once if needed, then serve on PORT (3000).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { databaseUrl, providerOf } from "../lib/db/provider";

const started = Date.now();
const url = databaseUrl();
const env = { ...process.env, DATABASE_URL: url };
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: "inherit", env });

console.log(`[start] database: ${providerOf(url)} (${providerOf(url) === "sqlite" ? url : "DATABASE_URL"})`);
if (!existsSync("lib/db/generated/sqlite/client.ts") || !existsSync("lib/db/generated/postgres/client.ts")) {
  run("npx", ["tsx", "scripts/db-generate.ts"]);
}
run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["tsx", "--conditions=react-server", "scripts/check-durability.ts"]);
run("npx", [
  "tsx",
  "--conditions=react-server",
  "prisma/seed/cli.ts",
  "--activity",
  ...(process.env.SEED_STUDENTS ? ["--students", process.env.SEED_STUDENTS] : []),
]);

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
const server = spawn("npx", ["tsx", "scripts/serve.ts"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
