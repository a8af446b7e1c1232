/**
 * Export of a not-checked list (run by tests/bench/export.ts): the registrar's list of students without an
 * account, once for one college (≈ 2,000 rows) and once for the whole school (≈ 24,000 rows at 100,000
 * students), streamed to XLSX and to CSV and read to the end. The heap is sampled while a file is written:
 * its growth over the start should not grow with the rows. Prints one JSON line.
 */
import { parseArgs } from "node:util";
import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import { benchDatabase } from "./dataset";
import { peakRssMb, stats, type DbKind } from "./support";

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      students: { type: "string", default: "100000" },
      runs: { type: "string", default: "5" },
    },
  });
  process.env.DATABASE_URL = await benchDatabase(values.db as DbKind, Number(values.students));
  const { db } = await import("../../lib/db");
  const { dashboardCampaign } = await import("../../lib/progress/campaign");
  const { notCheckedPage } = await import("../../lib/progress/not-checked");
  const { exportNotChecked } = await import("../../lib/exports/not-checked");
  const campaign = await dashboardCampaign(undefined);
  if (!campaign) throw new Error("no campaign");
  const actor = {
    kind: "staff" as const,
    staffUserId: "bench",
    username: "bench",
    displayName: "bench",
    sessionId: "bench",
    mustChangePassword: false,
    roles: ["registrar" as const],
    collegeIds: [],
  };
  const c01 = await db.college.findUniqueOrThrow({ where: { code: "C01" } });
  const lists = {
    college: { registered: "no" as const, collegeId: c01.id },
    school: { registered: "no" as const },
  };
  const out: Record<string, unknown> = {};
  for (const [list, filter] of Object.entries(lists)) {
    const rows = (await notCheckedPage(actor, campaign, { page: 1, ...filter })).total;
    const result: Record<string, unknown> = { rows };
    for (const format of ["xlsx", "csv"] as const) {
      const samples: number[] = [];
      const cpu: number[] = [];
      const heap: number[] = [];
      let bytes = 0;
      for (let i = 0; i < Number(values.runs); i++) {
        global.gc?.();
        const base = process.memoryUsage().heapUsed;
        let peak = base;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
        const c = process.cpuUsage();
        const t = performance.now();
        const stream = await exportNotChecked(actor, campaign, filter, format);
        bytes = 0;
        for await (const chunk of Readable.fromWeb(stream as WebStream)) {
          bytes += (chunk as Buffer).length;
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
        samples.push(performance.now() - t);
        clearInterval(sampler);
        const d = process.cpuUsage(c);
        cpu.push((d.user + d.system) / 1000);
        heap.push((peak - base) / 1024 / 1024);
      }
      result[format] = {
        ...stats(samples),
        bytes,
        cpuMedian: stats(cpu).median,
        heapGrowthMb: stats(heap).median,
      };
    }
    out[list] = result;
  }
  out.peakRssMb = peakRssMb();
  console.log(JSON.stringify(out));
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
