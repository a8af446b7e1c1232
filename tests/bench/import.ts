/**
 * Roster import benchmark (figures, not a test):
 *   npm run bench:import -- [--db sqlite|postgres|both] [--students 100000] [--format csv|xlsx|both]
 * Generates the roster files once (data/bench/roster-N.csv/.xlsx, from prisma/seed's generator), then per
 * provider and format imports into a fresh database in a child process: upload → preview → commit, and
 * the same file again. Targets: ≥ 10,000 rows/s, peak RSS ≤ 400 MB.
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
};

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      students: { type: "string", default: "100000" },
      format: { type: "string", default: "both" },
    },
  });
  const n = Number(values.students);
  const formats = values.format === "csv" ? ["csv"] : values.format === "xlsx" ? ["xlsx"] : ["csv", "xlsx"];
  for (const format of formats) {
    const file = `data/bench/roster-${n}.${format}`;
    if (!existsSync(file)) await writeRosterFile(file, n);
  }
  console.log(
    `roster import, ${n.toLocaleString()} rows — load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on a 2-core machine`,
  );
  console.log(
    "db        format  preview   commit  rows/s(commit) rows/s(preview+commit) | re-import: preview  commit  | peak RSS | app CPU: preview commit (rows/s commit)",
  );
  for (const kind of dbKinds(values.db)) {
    for (const format of formats) {
      const r = child<Once>("tests/bench/import-once.ts", [
        "--db",
        kind,
        "--file",
        `data/bench/roster-${n}.${format}`,
      ]);
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
      const rate = (ms: number) =>
        Math.round((r.first.rows / ms) * 1000)
          .toLocaleString()
          .padStart(8);
      console.log(
        `${kind.padEnd(9)} ${format.padEnd(6)} ${s(r.first.previewMs)} ${s(r.first.commitMs)} ${rate(r.first.commitMs)}       ${rate(r.first.previewMs + r.first.commitMs)}            | ${s(r.second.previewMs)} ${s(r.second.commitMs)} | ${r.peakRssMb.toFixed(0)} MB | ${s(r.first.previewCpuMs)} ${s(r.first.commitCpuMs)} (${rate(r.first.commitCpuMs).trim()})` +
          (r.second.unchangedRows === r.first.newRows ? "" : "  (!) re-import was not all unchanged"),
      );
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
