async function main() {
  process.env.DATABASE_URL = "file:./data/bench/seed.db";
  const { readRosterBatches } = await import("./lib/roster-import/read-file");
  const { analyseHeader } = await import("./lib/roster-import/columns");
  const { validateRow } = await import("./lib/roster-import/validate");
  const { openRosterStore } = await import("./lib/roster-import/store");
  const { blindIndex } = await import("./lib/security/crypto");
  const store = await openRosterStore();
  let t = performance.now(); let n = 0;
  for await (const b of readRosterBatches("data/bench/roster-100000.csv", "csv")) n += b.length;
  console.log("read", n, (performance.now() - t).toFixed(0));
  t = performance.now(); let pos: any; let tv = 0, tdb = 0, th = 0; let batch: string[] = [];
  for await (const b of readRosterBatches("data/bench/roster-100000.csv", "csv")) for (const r of b) {
    if (!pos) { pos = (analyseHeader(r.cells as string[]) as any).positions; continue; }
    let a = performance.now(); const v = validateRow(r.cells, pos); tv += performance.now() - a;
    if (v.ok) { a = performance.now(); blindIndex(v.row.idNumber); th += performance.now() - a; batch.push(v.row.studentNumber); }
    if (batch.length >= 1000) { a = performance.now(); await store.recordsByStudentNumber(batch); tdb += performance.now() - a; batch = []; }
  }
  console.log("all", (performance.now() - t).toFixed(0), "validate", tv.toFixed(0), "hmac", th.toFixed(0), "db", tdb.toFixed(0));
  await store.close();
}
main();
