import { readRosterRows } from "./lib/roster-import/read-file";
import { analyseHeader } from "./lib/roster-import/columns";
import { validateRow } from "./lib/roster-import/validate";
import { blindIndex, encrypt } from "./lib/security/crypto";
async function main() {
  for (const f of ["data/bench/roster-100000.csv", "data/bench/roster-100000.xlsx"]) {
  let t = performance.now(); let n = 0; let pos: any = null; let tv = 0; let tc = 0;
  for await (const r of readRosterRows(f, f.endsWith("xlsx") ? "xlsx" : "csv")) {
    if (!pos) { const h = analyseHeader(r.cells as string[]); pos = (h as any).positions; continue; }
    const a = performance.now(); const v = validateRow(r.cells, pos); tv += performance.now() - a;
    const b = performance.now(); if (v.ok) { blindIndex(v.row.idNumber); encrypt(v.row.idNumber); } tc += performance.now() - b;
    n++;
  }
  console.log(f, n, "total", (performance.now() - t).toFixed(0), "validate", tv.toFixed(0), "crypto", tc.toFixed(0), "rss", process.resourceUsage().maxRSS/1024|0);
  }
}
main();
