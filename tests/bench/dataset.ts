/**
 * The 100,000-student benchmark databases, one per provider, made once and reused:
 *   SQLite     data/bench/seed-<N>.db
 *   PostgreSQL database xj_bench_<N> on TEST_POSTGRES_URL's server (default root@127.0.0.1:5432)
 * Seeded with the project's generator (prisma/seed), then given self-check activity for the open
 * campaign (about 60 % registered, 45 % viewed, 30 % confirmed over the days since it opened) so the
 * dashboard queries have realistic work to do.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { Client } from "pg";
import type { DbKind } from "./support";
import { seed } from "./support";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

function migrate(url: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
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
    await addActivity(url);
    return url;
  }
  const name = `xj_bench_${students}`;
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
  await probe.end();
  if (rows[0].n < students) seed(url.toString(), students);
  await addActivity(url.toString());
  return url.toString();
}

/** Deterministic pseudo-random share from a record id. */
const share = (id: string) => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return (h % 1000) / 1000;
};

async function addActivity(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import("../../lib/db");
  const marker = await db.setting.findUnique({ where: { key: "bench.activity" } });
  if (marker) return;
  const campaign = await db.campaign.findFirst({
    where: { startsAt: { lte: new Date() }, endsAt: { gt: new Date() } },
    orderBy: { startsAt: "desc" },
  });
  if (!campaign) throw new Error("the seed has no open campaign");
  const account = await db.account.upsert({
    where: { phone: "19900000000" },
    update: {},
    create: {
      phone: "19900000000",
      passwordHash: "x",
      name: "基准测试",
      idType: "resident_id",
      idNumberEnc: "x",
      idNumberIndex: "bench",
      idMasked: "x",
      identityStatus: "verified",
      sensitiveConsentAt: new Date(),
    },
  });
  const records = await db.enrollmentRecord.findMany({
    where: { cohort: campaign.cohort, level: { in: ["本科", "普通本科"] }, accountId: null },
    select: { id: true },
  });
  const registered = records.filter((r) => share(r.id) < 0.6).map((r) => r.id);
  for (let i = 0; i < registered.length; i += 900)
    await db.enrollmentRecord.updateMany({
      where: { id: { in: registered.slice(i, i + 900) } },
      data: { accountId: account.id },
    });
  const days = Math.max(1, Math.floor((Date.now() - campaign.startsAt.getTime()) / 86_400_000) + 1);
  const checks = registered
    .filter((id) => share(id) < 0.45)
    .map((id) => {
      const s = share(id);
      const confirmed =
        s < 0.3
          ? new Date(campaign.startsAt.getTime() + Math.floor((s / 0.3) * days) * 86_400_000 + 3_600_000)
          : null;
      return {
        campaignId: campaign.id,
        recordId: id,
        accountId: account.id,
        confirmedAt: confirmed,
        confirmedVersion: confirmed ? 1 : null,
      };
    });
  for (let i = 0; i < checks.length; i += 2000)
    await db.selfCheck.createMany({ data: checks.slice(i, i + 2000) });
  await db.setting.create({
    data: {
      key: "bench.activity",
      value: JSON.stringify({ registered: registered.length, checks: checks.length }),
    },
  });
  // The seed analyzes the records it loaded; the activity above rewrote 60 % of them and added the
  // self-checks. Autovacuum does this on a live server (this one may run without it), so do it here.
  if (url.startsWith("postgres")) await db.$executeRawUnsafe("VACUUM ANALYZE");
  await db.$disconnect();
}
