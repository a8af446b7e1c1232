/**
 * Dashboard query benchmark on 100,000 students (figures, not a test):
 *   npm run bench:progress -- [--db sqlite|postgres|both] [--students 100000] [--runs 30]
 * Target (issue 14): p95 ≤ 10 ms for every count and not-checked query, on both databases.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { child, dbKinds, ms } from "./support";

type Result = {
  recordsInCampaign: number;
  results: Record<string, { median: number; p95: number; cpuMedian: number }>;
};

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    students: { type: "string", default: "100000" },
    runs: { type: "string", default: "30" },
  },
});
const kinds = dbKinds(values.db);
const out = kinds.map(
  (kind) =>
    [
      kind,
      child<Result>("tests/bench/progress-once.ts", [
        "--db",
        kind,
        "--students",
        values.students as string,
        "--runs",
        values.runs as string,
      ]),
    ] as const,
);
console.log(
  `dashboard queries, ${Number(values.students).toLocaleString()} students — load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(`records in the open campaign: ${out.map(([k, r]) => `${k} ${r.recordsInCampaign}`).join(", ")}`);
console.log(["query".padEnd(52), ...kinds.map((k) => `${k} median / p95 (app CPU)`.padStart(36))].join(""));
for (const label of Object.keys(out[0][1].results)) {
  const cells = out.map(([, r]) => {
    const s = r.results[label];
    return `${ms(s.median)} / ${ms(s.p95)}${s.p95 > 10 ? " ✗" : " ✓"} (${ms(s.cpuMedian)})`.padStart(36);
  });
  console.log([label.padEnd(52), ...cells].join(""));
}
