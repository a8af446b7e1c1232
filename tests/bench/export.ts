/**
 * Not-checked list export benchmark (figures, not a test):
 *   npm run bench:export -- [--db sqlite|postgres|both] [--students 100000] [--runs 5]
 * The registrar's list of unregistered students in the open campaign, for one college (≈ 2,000 rows) and
 * the whole school (≈ 24,000 rows at 100,000 students), XLSX and CSV, streamed and read to the end.
 * Target (issue 14): the ≈ 20,000-row XLSX ≤ 1 s, memory flat as rows grow (the heap's growth while
 * writing the school's list about that of the college's). CPU is this process's own time: on a busy
 * machine the wall time includes waiting for a core.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { child, dbKinds, ms } from "./support";

type Figures = { median: number; p95: number; bytes: number; cpuMedian: number; heapGrowthMb: number };
type List = { rows: number; xlsx: Figures; csv: Figures };
type Result = { college: List; school: List; peakRssMb: number };

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
console.log(
  "db        list     rows    xlsx median / p95 (CPU)              heap+    csv median / p95 (CPU)               heap+    peak RSS",
);
for (const kind of dbKinds(values.db)) {
  const r = child<Result>(
    "tests/bench/export-once.ts",
    ["--db", kind, "--students", values.students as string, "--runs", values.runs as string],
    { NODE_OPTIONS: "--expose-gc" },
  );
  const cell = (s: Figures, target: boolean) =>
    `${ms(s.median)} / ${ms(s.p95)}${target ? (s.p95 <= 1000 ? " ✓" : " ✗") : ""} (${ms(s.cpuMedian)})`.padEnd(
      37,
    ) + `${s.heapGrowthMb.toFixed(1)} MB`.padStart(8);
  for (const list of ["college", "school"] as const)
    console.log(
      `${kind.padEnd(9)} ${list.padEnd(8)} ${String(r[list].rows).padEnd(7)} ${cell(r[list].xlsx, list === "school")}    ${cell(r[list].csv, false)}    ${list === "school" ? `${r.peakRssMb.toFixed(0)} MB` : ""}`,
    );
}
