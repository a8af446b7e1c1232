/**
 * One import measured end to end on a fresh database (run by tests/bench/import.ts in its own process):
 * upload → preview (dry run) → commit, then the same file again (must change nothing).
 * The file is spooled to disk by the upload route's own function, as a browser's upload is; the process's
 * RSS is read before the first import, at its peak, and again after the imports, right away and once the
 * process has sat idle for IDLE_MS (with V8's heap and external memory at that moment). Prints one JSON line.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { createTestDatabase } from "../integration/support/test-database";
import { peakRssMb } from "./support";

/** How long the process idles after the imports before its RSS is read again. */
const IDLE_MS = 15_000;

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, file: { type: "string" } } });
  if (values.db === "postgres") process.env.TEST_DB = "postgres";
  else delete process.env.TEST_DB;
  const database = await createTestDatabase("bench_import");
  process.env.DATABASE_URL = database.url;
  process.env.UPLOADS_DIR = "data/bench/uploads";
  const { createRosterImport, runPreview, startCommit, runCommit, MAX_IMPORT_BYTES } =
    await import("../../lib/roster-import/jobs");
  const { spoolUpload } = await import("../../lib/roster-import/storage");
  const { db } = await import("../../lib/db");
  const actor = {
    kind: "staff" as const,
    staffUserId: "bench",
    username: "bench",
    displayName: "bench",
    sessionId: "bench",
    roles: ["registrar" as const],
    collegeIds: [],
    mustChangePassword: false,
  };
  const file = values.file as string;
  const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
  const beforeMb = rssMb();
  try {
    const once = async () => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      const spooled = await spoolUpload(body, MAX_IMPORT_BYTES);
      if (!spooled) throw new Error("file too large");
      const created = await createRosterImport(actor, { name: file, spooled });
      if (!created.ok) throw new Error(JSON.stringify(created));
      const jobId = created.value.jobId;
      await runPreview(jobId);
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      const started = await startCommit(actor, jobId);
      if (!started.ok) throw new Error(JSON.stringify(started));
      await runCommit(jobId, actor);
      const t2 = performance.now();
      const c2 = process.cpuUsage(c0);
      const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
      const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
      if (job.status !== "committed") throw new Error(`job ${job.status}: ${job.error}`);
      return {
        previewMs: t1 - t0,
        commitMs: t2 - t1,
        // this process's CPU time: excludes waiting for a busy machine's CPU (and PostgreSQL's own work)
        previewCpuMs: cpu(c1),
        commitCpuMs: cpu(c2) - cpu(c1),
        rows: job.totalRows,
        newRows: job.newRows,
        unchangedRows: job.unchangedRows,
        errorRows: job.errorRows,
      };
    };
    const first = await once();
    const records = await db.enrollmentRecord.count();
    const second = await once();
    const peak = peakRssMb();
    const rightAfterMb = rssMb();
    await sleep(IDLE_MS); // a server between requests (whether V8 shrinks its heap meanwhile is a matter of timing)
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    const m = process.memoryUsage();
    const memory = {
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
    };
    console.log(
      JSON.stringify({
        first,
        second,
        records,
        beforeMb,
        peakRssMb: peak,
        rightAfterMb,
        afterMb: rssMb(),
        memory,
      }),
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
