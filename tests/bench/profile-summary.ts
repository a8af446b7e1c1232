/**
 * Where a CPU profile's time goes, by the app's own sources: the frames of the built server's chunks are
 * mapped back through their source maps (.next/server/…/*.js.map) to the file, line and function they came
 * from, so a profile written by `npm run bench:pages -- --profile <page>` reads as lib/…, components/…,
 * node_modules/<package>/… instead of minified chunk names.
 *
 *   npm run bench:profile -- <file.cpuprofile> [--by file|function] [--self] [--match text] [--callers text]
 *                            [--skip 6] [--top 30]
 *
 * Shares are of the busy time (idle left out) after the first --skip seconds (the server's start-up).
 * Inclusive by default: a frame counts every sample it is on the stack of, once per sample. --self counts
 * only the sample's own frame. --callers <text> shows, for the frames matching text, which caller outside
 * them the time came through (e.g. --callers node_modules/use-intl).
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { parseArgs } from "node:util";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    by: { type: "string", default: "function" },
    self: { type: "boolean", default: false },
    match: { type: "string", default: "" },
    callers: { type: "string" },
    skip: { type: "string", default: "6" },
    top: { type: "string", default: "30" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: npm run bench:profile -- <file.cpuprofile> [--by file|function] [--self] …");
  process.exit(2);
}

const profile = JSON.parse(readFileSync(positionals[0], "utf8")) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    const file = url.replace(/^file:\/\//, "") + ".map";
    let map: SourceMap | null = null;
    if (url.includes("/.next/server/") && existsSync(file)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(file, "utf8")));
      } catch {
        map = null; // a map this reader cannot use: the frame keeps its chunk's name
      }
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

const shortPath = (p: string) =>
  p
    .replace(/^.*?node_modules\//, "node_modules/")
    .replace(/^(\.\.\/)+/, "")
    .replace(/^file:\/\/\/.*?\/(lib|app|components|scripts)\//, "$1/")
    .replace(/^.*\/next\/dist\//, "next/dist/");

const labels = new Map<number, { file: string; fn: string }>();
function labelOf(id: number): { file: string; fn: string } {
  let label = labels.get(id);
  if (!label) {
    const frame = nodes.get(id)!.callFrame;
    const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    label =
      entry && "originalSource" in entry
        ? {
            file: shortPath(entry.originalSource),
            fn: `${entry.originalLine + 1} ${(entry as { name?: string }).name ?? frame.functionName}`,
          }
        : { file: shortPath(frame.url) || "(native)", fn: `${frame.lineNumber} ${frame.functionName}` };
    labels.set(id, label);
  }
  return label;
}
const keyOf = (id: number) => {
  const { file, fn } = labelOf(id);
  return values.by === "file" ? file : `${file}:${fn}`;
};

// time per sampled node, after the start-up
const timeOf = new Map<number, number>();
let clock = profile.startTime;
const skipUs = Number(values.skip) * 1e6;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i];
  if (clock - profile.startTime >= skipUs) timeOf.set(id, (timeOf.get(id) ?? 0) + profile.timeDeltas[i]);
});
const idle = (id: number) => nodes.get(id)!.callFrame.functionName === "(idle)";
let busy = 0;
for (const [id, us] of timeOf) if (!idle(id)) busy += us;

const stackOf = (id: number) => {
  const stack: number[] = [];
  for (let n: number | undefined = id; n !== undefined; n = parentOf.get(n)) stack.push(n);
  return stack;
};

const totals = new Map<string, number>();
const add = (key: string, us: number) => totals.set(key, (totals.get(key) ?? 0) + us);
let matched = 0;
for (const [id, us] of timeOf) {
  if (idle(id)) continue;
  if (values.callers) {
    const stack = stackOf(id);
    const outermost = stack.findLastIndex((n) => keyOf(n).includes(values.callers!));
    if (outermost < 0) continue;
    matched += us;
    add(outermost + 1 < stack.length ? keyOf(stack[outermost + 1]) : "(root)", us);
  } else if (values.self) {
    add(keyOf(id), us);
  } else {
    for (const key of new Set(stackOf(id).map(keyOf))) add(key, us);
  }
}

const pct = (us: number) => `${((100 * us) / busy).toFixed(2).padStart(6)} %`;
console.log(`${positionals[0]}: busy ${(busy / 1e3).toFixed(0)} ms after the first ${values.skip} s`);
if (values.callers)
  console.log(`${pct(matched)}  frames matching "${values.callers}", by the caller outside them:`);
[...totals]
  .filter(([key]) => key.includes(values.match!))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(values.top))
  .forEach(([key, us]) => console.log(`${pct(us)}  ${key}`));
