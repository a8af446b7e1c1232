/**
 * Not-checked list export benchmark (figures, not a test):
 *   npm run bench:export -- [--db sqlite|postgres|both] [--students 100000] [--runs 5]
 * The registrar's list of unregistered students in the open campaign (≈ 24,000 rows at 100,000 students), XLSX and CSV,
 * streamed and read to the end. Target ≤ 3 s.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { child, dbKinds, ms } from "./support";

type Result = {
  rows: number;
  xlsx: { median: number; p95: number; bytes: number; cpuMedian: number };
  csv: { median: number; p95: number; bytes: number; cpuMedian: number };
  peakRssMb: number;
};

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    students: { type: "string", default: "100000" },
    runs: { type: "string", default: "5" },
  },
});
console.log(
  `not-checked export — load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log("db        rows     xlsx median / p95         csv median / p95         peak RSS");
for (const kind of dbKinds(values.db)) {
  const r = child<Result>("tests/bench/export-once.ts", [
    "--db",
    kind,
    "--students",
    values.students as string,
    "--runs",
    values.runs as string,
  ]);
  const cell = (s: { median: number; p95: number; cpuMedian: number }) =>
    `${ms(s.median)} / ${ms(s.p95)}${s.p95 > 3000 ? " ✗" : " ✓"} (CPU ${ms(s.cpuMedian)})`.padEnd(42);
  console.log(
    `${kind.padEnd(9)} ${String(r.rows).padEnd(8)} ${cell(r.xlsx)} ${cell(r.csv)} ${r.peakRssMb.toFixed(0)} MB`,
  );
}
