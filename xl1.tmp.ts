import { readRosterBatches } from "./lib/roster-import/read-file";
import { createReadStream } from "node:fs";
import unzipper from "unzipper";
import { SaxesParser } from "saxes";
import { StringDecoder } from "node:string_decoder";
const file = "data/bench/roster-100000.xlsx";
async function current() {
  let n = 0;
  for await (const b of readRosterBatches(file, "xlsx")) n += b.length;
  return n;
}
async function bare() {
  const zip = createReadStream(file).pipe(unzipper.Parse({ forceStream: true }));
  let cells = 0;
  for await (const entry of zip as any) {
    if (entry.path !== "xl/worksheets/sheet1.xml") { entry.autodrain(); continue; }
    const p = new SaxesParser();
    let inT = false; let text = "";
    p.on("opentag", (t) => { if (t.name === "t" || t.name === "v") { inT = true; text = ""; } });
    p.on("text", (t) => { if (inT) text += t; });
    p.on("closetag", (t) => { if (t.name === "c") cells++; inT = false; });
    const d = new StringDecoder("utf8");
    for await (const chunk of entry) p.write(d.write(chunk));
    p.close();
  }
  return cells;
}
const which = process.argv[2];
const t0 = performance.now(); const c0 = process.cpuUsage();
(which === "bare" ? bare() : current()).then((n) => {
  const c = process.cpuUsage(c0);
  console.log(which, n, ((performance.now() - t0) / 1000).toFixed(2), "s wall", ((c.user + c.system) / 1e6).toFixed(2), "s cpu");
});
