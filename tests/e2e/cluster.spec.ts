import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import sharp from "sharp";
import {
  addCohortStudents,
  clusterSecrets,
  prepareDatabase,
  startCluster,
  type Cluster,
} from "../bench/cluster/cluster";
import { runCohort } from "../bench/cluster/cohort-load";
import { COHORT_PASSWORD, STAFF_PASSWORD } from "../bench/cluster/constants";
import { freshDatabase, type Database } from "../bench/cluster/postgres";
import { verify } from "../bench/cluster/verify";

/**
 * The cluster path at small scale (the figures come from `npm run bench:cohort`): nginx in front of two app
 * instances (scripts/serve.ts, the existing build) on a fresh PostgreSQL database of a small demo university.
 * A 10-second cohort — students sign in, open /record, confirm or report an error with evidence, open /inbox,
 * while a college secretary and the registrar reload their pages — ends with 0 errors, and every
 * acknowledged confirmation and correction request is in the database, whole.
 * Then the database becomes unreachable (its connections cut, new ones refused — a restart, simulated on the
 * shared server): a signed-in student reloading /record gets the calm "please try again" page as 503, no
 * error detail; when the database is back the same instances serve the record again by themselves.
 *
 * Ports: CLUSTER_PORT (default 3150) for nginx, the next two for the instances. Chinese, 360 px.
 */
test.describe.configure({ mode: "serial", retries: 0 });

const PORT = Number(process.env.CLUSTER_PORT ?? 3150);
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

let dir: string;
let db: Database;
let cluster: Cluster;
let cohort: ReturnType<typeof addCohortStudents>;
let dbName: string;

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "cluster-e2e-"));
  dbName = `xj_cluster_e2e_${Date.now().toString(36)}`;
  db = await freshDatabase(dbName);
  const secrets = clusterSecrets();
  prepareDatabase(db.url, 300, secrets);
  cohort = addCohortStudents(db.url, 120, secrets);
  cluster = await startCluster({
    dir,
    databaseUrl: db.url,
    instances: 2,
    balancerPort: PORT,
    instancePort: PORT + 1,
    env: secrets,
  });
});

test.afterAll(async () => {
  await cluster?.stop();
  await admin(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`).catch(() => undefined);
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a cohort through nginx and two instances: 0 errors, 0 lost", async () => {
  test.setTimeout(90_000);
  const evidence = await sharp({
    create: { width: 300, height: 200, channels: 3, background: { r: 240, g: 236, b: 225 } },
  })
    .png()
    .toBuffer();
  const result = await runCohort({
    base: cluster.balancer.url,
    seconds: 10,
    concurrency: 4,
    students: cohort.students,
    studentPassword: COHORT_PASSWORD,
    staffPassword: STAFF_PASSWORD,
    staff: ["college01", "registrar"],
    staffIntervalMs: 4_000,
    // every fourth student reports an error, so a short run has some
    reportShare: 0.25,
    evidence,
  });
  expect(result.errorSamples).toEqual([]);
  expect(result.errors).toBe(0);
  expect(result.confirmed.length).toBeGreaterThan(0);
  expect(result.reported.length).toBeGreaterThan(0);
  for (const step of ["sign in", "/record", "confirm", "/inbox", "not-checked list", "registrar dashboard"])
    expect(result.steps.find((s) => s.name === step)?.latencies.length, step).toBeGreaterThan(0);
  const v = await verify(db.url, cohort.campaignId, path.join(dir, "uploads"), result);
  expect(v).toMatchObject({ confirmedLost: 0, reportedLost: 0, halfWritten: 0 });
  expect(v.confirmedInDatabase).toBeGreaterThanOrEqual(v.confirmedAcknowledged);
});

test("while the database is unreachable a student gets 'please try again' (503); then the record again", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const base = cluster.balancer.url;
  const student = cohort.students[cohort.students.length - 1];
  await page.goto(`${base}/login`);
  await page.locator("input[name=username]").fill(student.phone);
  await page.locator("input[name=password]").fill(COHORT_PASSWORD);
  await page.locator("form:has(input[name=password]) [type=submit]").click();
  await page.waitForURL(`${base}/record`);

  await admin(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName}'`);
  const during = await page.reload();
  expect(during?.status()).toBe(503);
  expect(during?.headers()["retry-after"]).toBe("5");
  const heading = page.getByRole("heading", { name: "服务暂时不可用" });
  await heading.scrollIntoViewIfNeeded();
  await expect(heading).toBeInViewport();
  await expect(page.getByText("请稍后再试")).toBeVisible();
  const html = await page.content();
  for (const leak of [
    /prisma/i,
    /ECONNREFUSED/,
    /not currently accepting/,
    /administrator command/,
    /\n\s+at /,
  ])
    expect(html).not.toMatch(leak);

  await admin(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
  await page.getByRole("link", { name: "重试" }).click();
  await expect(page.getByRole("button", { name: "确认无误" })).toBeVisible();
});
