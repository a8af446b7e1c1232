/**
 * Cohort benchmark (figures, not a test): a cohort's last evening played through nginx in front of N app
 * instances on one PostgreSQL database, on loopback only.
 *
 *   npm run bench:cohort -- [--instances 1,2,3] [--seconds 60] [--concurrency 12] [--fault none|kill|db]
 *                           [--students 4000] [--accounts 1500] [--keep]
 *
 * Needs a build (`npx next build`) and the Debian nginx (/usr/sbin/nginx, NGINX_BIN). One run per instance
 * count in --instances; each gets a fresh copy of one seeded database (a template made once per command on
 * TEST_POSTGRES_URL's server, default root@127.0.0.1:5432) and fresh instances. Ports: balancer 3210,
 * instances 3211–3213 (--port moves them).
 * --fault kill   `kill -9` of the first instance halfway through (students retry a failed request once).
 * --fault db     a PostgreSQL cluster of the benchmark's own (initdb in a temp folder, port 5439, never the
 *                shared server) restarted halfway through (down 5 s); students who get the "please try
 *                again" page try again every 2 s, up to 8 times.
 * Prints per step: throughput, p50/p95/p99, errors, retries; then compares the database with every
 * acknowledged confirmation and correction request. Exits 1 unless 0 errors and 0 lost. --json FILE writes
 * the figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { addCohortStudents, clusterSecrets, prepareDatabase, startCluster } from "./cluster/cluster";
import { runCohort, type CohortResult } from "./cluster/cohort-load";
import { COHORT_PASSWORD, STAFF_PASSWORD } from "./cluster/constants";
import { freshDatabase, ownCluster, type Database } from "./cluster/postgres";
import { stopAll, stopAllOnExit } from "./cluster/processes";
import { verify, type Verification } from "./cluster/verify";
import { CpuMeter, type CpuUse } from "./cluster/cpu";
import { hash, verify as verifyPassword } from "@node-rs/argon2";
import { ARGON2_PARAMS } from "../../lib/security/passwords";
import { percentile } from "./support";
import { Client } from "pg";

const { values } = parseArgs({
  options: {
    instances: { type: "string", default: "1,2,3" },
    seconds: { type: "string", default: "60" },
    concurrency: { type: "string", default: "12" },
    fault: { type: "string", default: "none" },
    students: { type: "string", default: "4000" },
    accounts: { type: "string", default: "1500" },
    port: { type: "string", default: "3210" },
    "pg-port": { type: "string", default: "5439" },
    keep: { type: "boolean", default: false },
    json: { type: "string" },
  },
});

export type RunFigures = {
  label: string;
  instances: number;
  fault: string;
  load: string;
  result: CohortResult;
  verification: Verification;
  movedByBalancer: number;
  cpu: CpuUse;
  /** CPU seconds one argon2id verification takes here (the app's parameters) */
  argon2Seconds: number;
};

const fault = values.fault as "none" | "kill" | "db";
if (!["none", "kill", "db"].includes(fault)) throw new Error("--fault is none, kill or db");
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

async function evidenceImage(): Promise<Buffer> {
  // a small photo of a document: 600×400 PNG, ~10 KB
  return sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 240, g: 236, b: 225 } } })
    .png()
    .toBuffer();
}

/** CPU seconds of one argon2id verification with the app's parameters, measured here and now. */
async function argon2Cpu(): Promise<number> {
  const stored = await hash("基准测试", { ...ARGON2_PARAMS, algorithm: 2 });
  const before = process.cpuUsage();
  for (let i = 0; i < 5; i++) await verifyPassword(stored, "基准测试");
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6 / 5;
}

/** One template database per command: seeded once, copied for each run (CREATE DATABASE … TEMPLATE). */
async function template(name: string, secrets: Record<string, string>) {
  const db = await freshDatabase(name);
  console.log(`seeding ${values.students} students into ${name} …`);
  prepareDatabase(db.url, Number(values.students), secrets);
  const cohort = addCohortStudents(db.url, Number(values.accounts), secrets);
  console.log(`${cohort.students.length} students of the open campaign will check their record tonight`);
  return { db, cohort };
}

async function copyOf(templateUrl: string, name: string): Promise<Database> {
  const admin = new URL(templateUrl);
  const templateName = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function printFigures(f: RunFigures): void {
  const r = f.result;
  console.log(
    `\n${f.label}: ${r.seconds.toFixed(0)} s, load average at start ${f.load} (${cpus().length} cores)`,
  );
  console.log(
    "step".padEnd(22) +
      "count".padStart(7) +
      "per s".padStart(8) +
      "p50 ms".padStart(9) +
      "p95 ms".padStart(9) +
      "p99 ms".padStart(9) +
      "errors".padStart(8) +
      "retries".padStart(9),
  );
  for (const s of r.steps) {
    if (s.latencies.length === 0 && s.errors === 0) continue;
    const sorted = [...s.latencies].sort((a, b) => a - b);
    console.log(
      s.name.padEnd(22) +
        String(sorted.length).padStart(7) +
        (sorted.length / r.seconds).toFixed(2).padStart(8) +
        percentile(sorted, 50).toFixed(0).padStart(9) +
        percentile(sorted, 95).toFixed(0).padStart(9) +
        percentile(sorted, 99).toFixed(0).padStart(9) +
        String(s.errors).padStart(8) +
        String(s.retries).padStart(9),
    );
  }
  const v = f.verification;
  console.log(
    `students through: ${r.journeys} (${((r.journeys / r.seconds) * 60).toFixed(0)}/min); ` +
      `confirmations acknowledged ${v.confirmedAcknowledged}, lost ${v.confirmedLost}; ` +
      `correction requests acknowledged ${v.reportedAcknowledged}, lost ${v.reportedLost}; ` +
      `half-written requests ${v.halfWritten}`,
  );
  console.log(
    `errors ${r.errors}, retries ${r.retries} (a student retried twice in one step: ${r.studentsRetriedTwice}), ` +
      `"please try again" pages ${r.tryAgainPages}, requests the balancer moved to another instance ${f.movedByBalancer}`,
  );
  const parts = Object.entries(f.cpu.parts)
    .map(
      ([name, s]) =>
        `${name} ${s.toFixed(1)} s (${((s / (f.cpu.seconds * cpus().length)) * 100).toFixed(0)} %)`,
    )
    .join(", ");
  const signIns = r.steps.find((s) => s.name === "sign in")?.latencies.length ?? 0;
  console.log(
    `CPU over ${f.cpu.seconds.toFixed(0)} s × ${cpus().length} cores: ${parts}; of it argon2id ≈ ` +
      `${(signIns * f.argon2Seconds).toFixed(1)} s (${signIns} sign-ins × ${(f.argon2Seconds * 1000).toFixed(0)} ms); ` +
      `machine busy ${(f.cpu.machineBusy * 100).toFixed(0)} % (every user of the machine)`,
  );
  if (r.journeys > 0)
    console.log(
      `CPU per student (sign-in, /record, confirm or report, /inbox; staff pages included): app ` +
        `${((f.cpu.parts["app instances"] / r.journeys) * 1000).toFixed(0)} ms, PostgreSQL ` +
        `${((f.cpu.parts.postgres / r.journeys) * 1000).toFixed(0)} ms, nginx ` +
        `${((f.cpu.parts.nginx / r.journeys) * 1000).toFixed(1)} ms`,
    );
  for (const e of r.errorSamples) console.log(`  error: ${e}`);
  const ok = r.errors === 0 && v.confirmedLost === 0 && v.reportedLost === 0 && v.halfWritten === 0;
  console.log(ok ? "→ 0 errors, 0 lost" : "→ NOT 0 errors / 0 lost");
}

async function run(
  instances: number,
  db: Database,
  cohort: { campaignId: string; students: { phone: string; recordId: string }[] },
  secrets: Record<string, string>,
  evidence: Buffer,
  argon2Seconds: number,
): Promise<RunFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), `cohort-${instances}-`));
  const label =
    fault === "kill"
      ? `${instances} instances, kill -9 of one at ${SECONDS / 2} s`
      : fault === "db"
        ? `${instances} instance${instances > 1 ? "s" : ""}, PostgreSQL restarted at ${SECONDS / 2} s`
        : `${instances} instance${instances > 1 ? "s" : ""}`;
  console.log(`\n== ${label} ==`);
  const cluster = await startCluster({
    dir,
    databaseUrl: db.url,
    instances,
    balancerPort: PORT,
    instancePort: PORT + 1,
    env: secrets,
  });
  const loadAtStart = load();
  const timers: NodeJS.Timeout[] = [];
  if (fault === "kill")
    timers.push(
      setTimeout(
        () => {
          console.log(`  kill -9 of the instance on port ${cluster.instances[0].port}`);
          cluster.kill(0);
        },
        (SECONDS * 1000) / 2,
      ),
    );
  let restarted: Promise<void> = Promise.resolve();
  if (fault === "db" && db.restart) {
    const restart = db.restart;
    timers.push(
      setTimeout(
        () => {
          console.log("  stopping PostgreSQL (fast shutdown), starting it again in 5 s");
          restarted = restart(5_000).then(() => console.log("  PostgreSQL accepts connections again"));
        },
        (SECONDS * 1000) / 2,
      ),
    );
  }
  const meter = new CpuMeter();
  try {
    const result = await runCohort({
      base: cluster.balancer.url,
      seconds: SECONDS,
      concurrency: Number(values.concurrency),
      students: cohort.students,
      studentPassword: COHORT_PASSWORD,
      staffPassword: STAFF_PASSWORD,
      staff: [
        "registrar",
        ...Array.from({ length: 12 }, (_, i) => `college${String(i + 1).padStart(2, "0")}`),
      ],
      evidence,
      maxRetries: fault === "db" ? 8 : 1,
      retryPauseMs: fault === "db" ? 2_000 : 500,
      log: (line) => console.log(line),
    });
    await restarted;
    const cpu = meter.stop({
      "app instances": cluster.instances.map((i) => i.process.pid ?? -1),
      nginx: [cluster.balancer.process.pid ?? -1],
    });
    const verification = await verify(db.url, cohort.campaignId, path.join(dir, "uploads"), result);
    const figures = {
      label,
      instances,
      fault,
      load: loadAtStart,
      result,
      verification,
      movedByBalancer: cluster.balancer.movedRequests(),
      cpu,
      argon2Seconds,
    };
    printFigures(figures);
    return figures;
  } finally {
    for (const t of timers) clearTimeout(t);
    await cluster.stop();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

async function main() {
  const secrets = clusterSecrets();
  Object.assign(process.env, secrets);
  const evidence = await evidenceImage();
  const argon2Seconds = await argon2Cpu();
  const tag = `${process.pid}`;
  const cleanups: (() => Promise<void>)[] = [];
  stopAllOnExit(async () => {
    for (const c of cleanups) await c().catch(() => undefined);
  });
  const figures: RunFigures[] = [];
  console.log(
    `cohort benchmark — load average ${load()} on ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`,
  );
  try {
    if (fault === "db") {
      const dir = mkdtempSync(path.join(tmpdir(), "cohort-pg-"));
      const db = await ownCluster(dir, Number(values["pg-port"]), "xj_cohort");
      cleanups.push(async () => {
        await db.drop();
        rmSync(dir, { recursive: true, force: true });
      });
      console.log(`own PostgreSQL cluster on port ${values["pg-port"]} (${dir})`);
      prepareDatabase(db.url, Number(values.students), secrets);
      const cohort = addCohortStudents(db.url, Number(values.accounts), secrets);
      const instances = Number(values.instances.split(",").at(-1));
      figures.push(await run(instances, db, cohort, secrets, evidence, argon2Seconds));
    } else {
      const { db: base, cohort } = await template(`xj_cohort_template_${tag}`, secrets);
      cleanups.push(() => base.drop());
      for (const n of values.instances.split(",").map(Number)) {
        const db = await copyOf(base.url, `xj_cohort_${tag}_${n}`);
        if (!values.keep) cleanups.push(() => db.drop());
        figures.push(await run(n, db, cohort, secrets, evidence, argon2Seconds));
      }
    }
  } finally {
    await stopAll();
    for (const c of cleanups) await c().catch((e) => console.error(e));
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2));
  const ok = figures.every(
    (f) =>
      f.result.errors === 0 &&
      f.verification.confirmedLost === 0 &&
      f.verification.reportedLost === 0 &&
      f.verification.halfWritten === 0,
  );
  process.exit(ok ? 0 : 1);
}

main().catch(async (e) => {
  console.error(e);
  await stopAll();
  process.exit(1);
});
