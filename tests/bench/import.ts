/**
 * Roster import benchmark (figures, not a test):
 *   npm run bench:import -- [--db sqlite|postgres|both] [--students 100000] [--format csv|xlsx|both] [--heap MB]
 * Generates the roster files once (data/bench/roster-N.csv/.xlsx, from prisma/seed's generator), then per
 * provider and format imports into a fresh database in a child process: upload → preview → commit, and
 * the same file again. Targets: ≥ 10,000 rows/s, peak RSS ≤ 300 MB during the imports and < 200 MB after
 * them (read after 15 s idle). `--heap MB` runs the importing process with node's --max-old-space-size=MB
 * (V8 then grows its heap by a smaller factor over what is live).
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { writeRosterFile } from "./roster-file";
import { child, dbKinds } from "./support";

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
  peakRssMb: number;
  rightAfterMb: number;
  afterMb: number;
};

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
  const heap = values.heap ? ` --max-old-space-size=${Number(values.heap)}` : "";
  const env: Record<string, string> = heap
    ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""}${heap}`.trim() }
    : {};
  console.log(
    `roster import, ${n.toLocaleString()} rows${heap ? `, node${heap}` : ""} — load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on a 2-core machine`,
  );
  console.log(
    "db        format  preview   commit  rows/s(commit) rows/s(preview+commit) | re-import: preview  commit  | peak RSS | RSS after: at once, idle | app CPU: preview commit (rows/s commit)",
  );
  for (const kind of dbKinds(values.db)) {
    for (const format of formats) {
      const r = child<Once>(
        "tests/bench/import-once.ts",
        ["--db", kind, "--file", `data/bench/roster-${n}.${format}`],
        env,
      );
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
      const rate = (ms: number) =>
        Math.round((r.first.rows / ms) * 1000)
          .toLocaleString()
          .padStart(8);
      console.log(
        `${kind.padEnd(9)} ${format.padEnd(6)} ${s(r.first.previewMs)} ${s(r.first.commitMs)} ${rate(r.first.commitMs)}       ${rate(r.first.previewMs + r.first.commitMs)}            | ${s(r.second.previewMs)} ${s(r.second.commitMs)} | ${r.peakRssMb.toFixed(0)} MB | ${r.rightAfterMb.toFixed(0)} MB, ${r.afterMb.toFixed(0)} MB | ${s(r.first.previewCpuMs)} ${s(r.first.commitCpuMs)} (${rate(r.first.commitCpuMs).trim()})` +
          (r.second.unchangedRows === r.first.newRows ? "" : "  (!) re-import was not all unchanged"),
      );
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
