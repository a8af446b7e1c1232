/**
 * Roster import benchmark (figures, not a test):
 *   npm run bench:import -- [--db sqlite|postgres|both] [--students 100000] [--format csv|xlsx|both] [--heap MB]
 * Generates the roster files once (data/bench/roster-N.csv/.xlsx, from prisma/seed's generator), then per
 * database and format, each step in a child process of its own on a fresh database:
 *   1. the reference, the raw loop (import-raw.ts): the same file read by the import's reader, ID numbers
 *      sealed as the import seals them, rows inserted in one transaction (SQLite: prepared INSERT;
 *      PostgreSQL: COPY);
 *   2. the import (import-once.ts): upload → preview → commit, and the same file again.
 * Issue 14's targets, checked per line: import end to end (upload + preview + commit) ≥ 50 % of the raw
 * loop's rows/s; XLSX ≥ 70 % of the CSV rate; peak RSS ≤ 300 MB during the import and < 200 MB after it
 * (read after 15 s idle). The importing process runs with the served app's memory settings (SERVED_NODE_ENV,
 * as scripts/start.ts sets them); `--heap MB` replaces its heap limit (node --max-old-space-size=MB).
 * `--students 20000` for quick trials.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { writeRosterFile } from "./roster-file";
import { child, dbKinds } from "./support";
import { servedNodeEnv } from "../../scripts/served-memory";

type Once = {
  first: {
    previewMs: number;
    commitMs: number;
    previewCpuMs: number;
    commitCpuMs: number;
    rows: number;
    newRows: number;
  };
  second: { previewMs: number; commitMs: number; unchangedRows: number };
  beforeMb: number;
  peakRssMb: number;
  rightAfterMb: number;
  afterMb: number;
  memory: { heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
};
type Raw = { rows: number; ms: number; cpuMs: number; peakRssMb: number };

const PEAK_MB = 300;
const AFTER_MB = 200;
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const pct = (r: number) => `${Math.round(r * 100)} %`;
const perSecond = (rows: number, ms: number) => (rows / ms) * 1000;
const n0 = (n: number) => Math.round(n).toLocaleString("en-US");

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      students: { type: "string", default: "100000" },
      format: { type: "string", default: "both" },
      heap: { type: "string" },
    },
  });
  const n = Number(values.students);
  const formats = values.format === "csv" ? ["csv"] : values.format === "xlsx" ? ["xlsx"] : ["csv", "xlsx"];
  for (const format of formats) {
    const file = `data/bench/roster-${n}.${format}`;
    if (!existsSync(file)) await writeRosterFile(file, n);
  }
  const env = servedNodeEnv(process.env, values.heap ? Number(values.heap) : undefined);
  console.log(
    `roster import, ${n.toLocaleString("en-US")} rows; importing process: NODE_OPTIONS="${env.NODE_OPTIONS}" MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX} — load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on a 2-core machine`,
  );
  console.log(
    "db        format | raw loop rows/s (CPU s) | import: upload+preview  commit  rows/s  (app CPU preview commit) | re-import preview commit | RSS before, peak, after: at once, idle | heap used/total, external after",
  );
  const results: { kind: string; format: string; raw: Raw; once: Once }[] = [];
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const kind of dbKinds(values.db)) {
    for (const format of formats) {
      const file = `data/bench/roster-${n}.${format}`;
      const raw = child<Raw>("tests/bench/import-raw.ts", ["--db", kind, "--file", file]);
      const r = child<Once>("tests/bench/import-once.ts", ["--db", kind, "--file", file], env);
      results.push({ kind, format, raw, once: r });
      const m = r.memory;
      console.log(
        `${kind.padEnd(9)} ${format.padEnd(6)} | ${n0(perSecond(raw.rows, raw.ms)).padStart(8)} (${s(raw.cpuMs)}) | ${s(r.first.previewMs).padStart(8)} ${s(r.first.commitMs).padStart(8)} ${n0(perSecond(r.first.rows, r.first.previewMs + r.first.commitMs)).padStart(7)}  (${s(r.first.previewCpuMs)} ${s(r.first.commitCpuMs)}) | ${s(r.second.previewMs)} ${s(r.second.commitMs)} | ${r.beforeMb.toFixed(0)}, ${r.peakRssMb.toFixed(0)}, ${r.rightAfterMb.toFixed(0)}, ${r.afterMb.toFixed(0)} MB | ${m.heapUsed.toFixed(0)}/${m.heapTotal.toFixed(0)}, ${m.external.toFixed(0)} MB` +
          (raw.rows === r.first.rows ? "" : `  (!) raw loop wrote ${raw.rows} rows`) +
          (r.second.unchangedRows === r.first.newRows ? "" : "  (!) re-import was not all unchanged"),
      );
    }
  }
  console.log(
    `targets: import ≥ 50 % of the raw loop; XLSX ≥ 70 % of CSV; peak RSS ≤ ${PEAK_MB} MB; RSS after < ${AFTER_MB} MB`,
  );
  for (const { kind, format, raw, once: r } of results) {
    const rate = perSecond(r.first.rows, r.first.previewMs + r.first.commitMs);
    const rawRate = perSecond(raw.rows, raw.ms);
    const csv = results.find((x) => x.kind === kind && x.format === "csv");
    const xlsxVsCsv =
      format === "xlsx" && csv
        ? (() => {
            const ratio =
              rate / perSecond(csv.once.first.rows, csv.once.first.previewMs + csv.once.first.commitMs);
            return ` | XLSX/CSV ${pct(ratio)} ${mark(ratio >= 0.7)}`;
          })()
        : "";
    // per second of this process's CPU: what a busy machine's waiting does not blur (PostgreSQL's own work
    // is left out of both)
    const cpuRatio =
      perSecond(r.first.rows, r.first.previewCpuMs + r.first.commitCpuMs) / perSecond(raw.rows, raw.cpuMs);
    console.log(
      `${kind.padEnd(9)} ${format.padEnd(5)} import ${n0(rate)} rows/s, raw ${n0(rawRate)} rows/s: ${pct(rate / rawRate)} ${mark(rate / rawRate >= 0.5)} (per app CPU s: ${pct(cpuRatio)})${xlsxVsCsv} | peak ${r.peakRssMb.toFixed(0)} MB ${mark(r.peakRssMb <= PEAK_MB)} | after ${r.afterMb.toFixed(0)} MB ${mark(r.afterMb < AFTER_MB)}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
