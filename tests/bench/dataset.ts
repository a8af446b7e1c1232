/**
 * The 100,000-student benchmark databases, one per provider, made once and reused:
 *   SQLite     data/bench/seed-<N>.db
 *   PostgreSQL database xj_bench_<N>_<hash of the migrations> on TEST_POSTGRES_URL's server (default
 *   root@127.0.0.1:5432)
 * Seeded with the project's generator (prisma/seed) with `--activity`: the open campaign about 60 %
 * registered, 45 % viewed, 30 % confirmed over the days since it opened, so the dashboard queries have
 * realistic work to do.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { Client } from "pg";
import type { DbKind } from "./support";
import { seed } from "./support";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

function migrate(url: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  // a database seeded before the dashboards' summary existed gets it counted once
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/progress-rebuild.ts", "--if-empty"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export async function benchDatabase(kind: DbKind, students: number): Promise<string> {
  if (kind === "sqlite") {
    mkdirSync("data/bench", { recursive: true });
    const file = `data/bench/seed-${students}.db`;
    const url = `file:./${file}`;
    if (!existsSync(file)) {
      migrate(url);
      seed(url, students);
    } else migrate(url);
    return url;
  }
  // Named after the migrations too: a branch with another schema gets its own database on a shared server.
  const migrations = readdirSync("prisma/postgres/migrations")
    .filter((m) => /^\d/.test(m))
    .sort();
  const schema = createHash("sha256").update(migrations.join(",")).digest("hex").slice(0, 8);
  const name = `xj_bench_${students}_${schema}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  migrate(url.toString());
  const probe = new Client({ connectionString: url.toString() });
  await probe.connect();
  const { rows } = await probe.query(`SELECT COUNT(*)::int AS n FROM "EnrollmentRecord"`);
  if (rows[0].n < students) seed(url.toString(), students);
  // A shared test server may run without autovacuum; on a production server (docs/operations.md) it vacuums a
  // table once a fifth of it was inserted or replaced, and analyzes it once a tenth changed (its default
  // thresholds). The same here, so the plans and pages read are a production database's: unvacuumed, the
  // records kept the seed's 35,000 dead row versions and no visibility map (no index-only scans); the seed's
  // progress rebuild filled ProgressSummary after its ANALYZE (planned as empty, the counts took 3× longer).
  const stale = await probe.query<{ relname: string; vacuum: boolean; analyze: boolean }>(
    `SELECT relname,
       n_dead_tup > 50 + 0.2 * n_live_tup OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup AS vacuum,
       n_mod_since_analyze > 50 + 0.1 * n_live_tup AS analyze
     FROM pg_stat_user_tables`,
  );
  for (const { relname, vacuum, analyze } of stale.rows) {
    if (vacuum) await probe.query(`VACUUM ${analyze ? "(ANALYZE) " : ""}"${relname}"`);
    else if (analyze) await probe.query(`ANALYZE "${relname}"`);
  }
  await probe.end();
  return url.toString();
}
