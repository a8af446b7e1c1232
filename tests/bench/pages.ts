/**
 * Page benchmark (figures, not a test):
 *   npm run bench:pages -- [--db sqlite|postgres|both] [--students 100000] [--rounds 3] [--seconds 6]
 *                          [--connections 20] [--skip-build] [--profile <page>]
 * Builds the portal and the framework's ceiling (tests/bench/ceiling: a root layout and one dynamic page,
 * the same Next.js) and serves both at once: the ceiling with `next start` on 3161, the portal with
 * scripts/serve.ts (as `npm start` does) on 3162 against the 100,000-student benchmark database. Each round
 * loads the ceiling and then every page with autocannon (20 connections, 6 s each); a page's ratio is its
 * requests/s over the ceiling's in the same round, and the table shows the medians over the rounds.
 * Targets (issue 14): public pages ≥ 70 % of the ceiling, /record ≥ 50 %, staff pages ≥ 35 %, p95 ≤ 150 ms,
 * HTML ≤ 35 KB. The lightest signed-in page (/signed-in) is loaded too, as a reference without a target:
 * what a page of this app costs before content of its own. Beside them, each server's CPU time per response
 * (and the page's as a multiple of the ceiling's): the rates move with the machine and with the load
 * generator's share of the same cores, the CPU a response costs far less. --profile <page> writes a CPU profile of the portal under that page's load
 * (data/bench/profiles/; `npm run bench:profile -- <file>` reads it by source file) instead of the table.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { benchDatabase } from "./dataset";
import {
  benchPages,
  groupCpuMs,
  groupRssMb,
  portFree,
  signIn,
  waitFor,
  type Audience,
  type BenchPage,
} from "./pages-support";
import { child, dbKinds, percentile, type DbKind } from "./support";
import { servedNodeEnv } from "../../scripts/served-memory";

const CEILING_PORT = 3161;
const PORTAL_PORT = 3162;
type Sample = { perSecond: number; p95: number; errors: number; requests: number };
/** a load's sample with the server's CPU time per request over it */
type Measured = Sample & { cpuMsPerRequest: number };

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    students: { type: "string", default: "100000" },
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "6" },
    connections: { type: "string", default: "20" },
    "skip-build": { type: "boolean", default: false },
    profile: { type: "string" },
  },
});
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);

const RATIO_TARGET: Record<Audience, number | null> = {
  public: 0.7,
  student: 0.5,
  staff: 0.35,
  reference: null,
};
const P95_TARGET_MS = 150;
const HTML_TARGET_KB = 35;

const running = new Set<ChildProcess>();
// Ctrl-C or a kill of the benchmark stops its servers too (each runs in its own process group).
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    for (const server of running) if (server.pid) process.kill(-server.pid, "SIGTERM");
    process.exit(1);
  });

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const server = spawn(command, args, {
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  running.add(server);
  server.once("exit", () => running.delete(server));
  return server;
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (!server.pid || server.exitCode !== null) return resolve();
    server.once("exit", () => resolve());
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

/** One autocannon run; latencies collected per response for an exact p95. */
function load(url: string, cookie: string | undefined, seconds: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        headers: cookie ? { cookie } : {},
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        // A page slower than the whole run answers nothing: its p95 is then the run's length.
        resolve({
          perSecond: latencies.length / seconds,
          requests: latencies.length,
          p95: latencies.length ? percentile(latencies, 95) : seconds * 1000,
          errors: errors + result.errors + result.timeouts,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++;
      latencies.push(responseTime);
    });
  });
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function checkPage(base: string, page: BenchPage, cookie: string | undefined): Promise<number> {
  const res = await fetch(base + page.path, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
  return Buffer.byteLength(html);
}

/** A load with the CPU time the server's processes spent on it, per request answered. */
async function measure(serverGroup: number, url: string, cookie: string | undefined): Promise<Measured> {
  const cpuBefore = groupCpuMs(serverGroup);
  const sample = await load(url, cookie, SECONDS);
  return { ...sample, cpuMsPerRequest: (groupCpuMs(serverGroup) - cpuBefore) / Math.max(1, sample.requests) };
}

function build() {
  console.log("building the ceiling app and the portal …");
  execFileSync("npx", ["next", "build", "tests/bench/ceiling"], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}

async function profile(kind: DbKind, label: string, url: string, cookie: string | undefined) {
  console.log(`profiling ${label} on ${kind}: ${SECONDS * 3} s under load`);
  await load(url, cookie, SECONDS * 3);
}

async function benchProvider(kind: DbKind, ceiling: string, ceilingPid: number) {
  const dbUrl = await benchDatabase(kind, Number(values.students));
  const fixtures = child<{ correctionId: string; classGroupId: string }>("tests/bench/pages-fixtures.ts", [
    "--db",
    kind,
    "--students",
    values.students as string,
  ]);
  const list = benchPages(fixtures);
  const profileDir = "data/bench/profiles";
  const target = values.profile ? list.find((p) => p.label.includes(values.profile as string)) : undefined;
  if (values.profile && !target) throw new Error(`no page matches --profile ${values.profile}`);
  if (target) mkdirSync(profileDir, { recursive: true });
  await portFree(PORTAL_PORT);
  // node itself (tsx as its loader), so a stop's signal reaches one process: through npx and tsx it arrived
  // two more times, and tsx ends a child that is still closing with SIGKILL, before a profile is written
  const portal = start(
    process.execPath,
    [
      "--import",
      "tsx",
      ...(target ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      "scripts/serve.ts",
    ],
    // the memory settings `npm start` serves with (scripts/served-memory.ts)
    {
      ...servedNodeEnv(process.env),
      DATABASE_URL: dbUrl,
      PORT: String(PORTAL_PORT),
      HOSTNAME: "127.0.0.1",
      DEV_OUTBOX: "0",
    },
  );
  const base = `http://127.0.0.1:${PORTAL_PORT}`;
  try {
    await waitFor(`${base}/login`);
    const cookies = {
      none: undefined,
      student: await signIn(base, "student", "13800000001"),
      college01: await signIn(base, "staff", "college01"),
      registrar: await signIn(base, "staff", "registrar"),
    };
    const sizes = new Map<string, number>();
    for (const page of list) sizes.set(page.label, await checkPage(base, page, cookies[page.who]));
    if (target) {
      await profile(kind, target.label, base + target.path, cookies[target.who]);
      return;
    }
    // warm-up: JIT, caches, the database's pages
    await load(ceiling, undefined, 2);
    for (const page of list) await load(base + page.path, cookies[page.who], 2);
    const samples = new Map<string, { sample: Measured; ratio: number }[]>();
    const ceilingSamples: Measured[] = [];
    // the served app's memory through the rounds: a heap that grows with every page would end in a crash
    const rssAtStart = groupRssMb(portal.pid!);
    let rssPeak = rssAtStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, groupRssMb(portal.pid!))), 500);
    for (let round = 0; round < ROUNDS; round++) {
      const top = await measure(ceilingPid, ceiling, undefined);
      ceilingSamples.push(top);
      for (const page of list) {
        const sample = await measure(portal.pid!, base + page.path, cookies[page.who]);
        samples.set(page.label, [
          ...(samples.get(page.label) ?? []),
          { sample, ratio: sample.perSecond / top.perSecond },
        ]);
      }
    }
    clearInterval(sampler);
    const memory = { startMb: rssAtStart, peakMb: rssPeak, endMb: groupRssMb(portal.pid!) };
    const rows = [
      {
        label: "ceiling (tests/bench/ceiling)",
        perSecond: median(ceilingSamples.map((s) => s.perSecond)),
        ratio: 1,
        p95: median(ceilingSamples.map((s) => s.p95)),
        cpuMs: median(ceilingSamples.map((s) => s.cpuMsPerRequest)),
        errors: ceilingSamples.reduce((n, s) => n + s.errors, 0),
        kb: NaN,
        target: null as number | null,
      },
      ...list.map((page) => {
        const runs = samples.get(page.label) ?? [];
        return {
          label: page.label,
          perSecond: median(runs.map((r) => r.sample.perSecond)),
          ratio: median(runs.map((r) => r.ratio)),
          p95: median(runs.map((r) => r.sample.p95)),
          cpuMs: median(runs.map((r) => r.sample.cpuMsPerRequest)),
          errors: runs.reduce((n, r) => n + r.sample.errors, 0),
          kb: (sizes.get(page.label) ?? 0) / 1024,
          target: RATIO_TARGET[page.audience],
        };
      }),
    ];
    const mark = (ok: boolean) => (ok ? "✓" : "✗");
    console.log(`\n${kind}: median of ${ROUNDS} rounds, ${CONNECTIONS} connections, ${SECONDS} s each`);
    console.log(
      "page".padEnd(32) +
        "req/s".padStart(8) +
        "  ratio (target)".padEnd(20) +
        "p95 ms".padStart(10) +
        "HTML KB".padStart(10) +
        "errors".padStart(8) +
        "  server CPU ms/request (× ceiling's)",
    );
    const ceilingCpuMs = rows[0].cpuMs;
    for (const r of rows) {
      const percent = `${(r.ratio * 100).toFixed(0)} %`;
      // the ceiling's own row (the first) shows no ratio; a reference page's has no target
      const ratio = (
        r === rows[0]
          ? ""
          : r.target === null
            ? `${percent} (reference)`
            : `${percent} (≥ ${r.target * 100} %) ${mark(r.ratio >= r.target)}`
      ).padEnd(18);
      const kb = Number.isNaN(r.kb) ? "" : `${r.kb.toFixed(1)} ${mark(r.kb <= HTML_TARGET_KB)}`;
      console.log(
        r.label.padEnd(32) +
          r.perSecond.toFixed(0).padStart(8) +
          "  " +
          ratio +
          `${r.p95.toFixed(0)} ${mark(r.p95 <= P95_TARGET_MS)}`.padStart(10) +
          kb.padStart(10) +
          String(r.errors).padStart(8) +
          `${r.cpuMs.toFixed(2)} (${(r.cpuMs / ceilingCpuMs).toFixed(1)})`.padStart(17),
      );
    }
    console.log(
      "server CPU: the user and system time of the server's processes over a load, per response; the load " +
        "generator runs beside it on the same cores, so requests/s also move with its share",
    );
    console.log(
      `the portal's RSS: ${memory.startMb.toFixed(0)} MB after the warm-up, peak ${memory.peakMb.toFixed(0)} MB, ` +
        `${memory.endMb.toFixed(0)} MB after the rounds${memory.endMb === 0 ? " (the server is gone)" : ""}`,
    );
    mkdirSync("data/bench", { recursive: true });
    writeFileSync(`data/bench/pages-${kind}.json`, JSON.stringify({ at: new Date(), rows, memory }, null, 2));
  } finally {
    await stop(portal);
  }
}

async function main() {
  if (!values["skip-build"]) build();
  console.log(
    `pages, ${Number(values.students).toLocaleString()} students — load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on a 2-core machine`,
  );
  await portFree(CEILING_PORT);
  const ceilingServer = start(
    "npx",
    ["next", "start", "tests/bench/ceiling", "-p", String(CEILING_PORT), "-H", "127.0.0.1"],
    {},
  );
  const ceiling = `http://127.0.0.1:${CEILING_PORT}/`;
  try {
    await waitFor(ceiling);
    for (const kind of dbKinds(values.db)) await benchProvider(kind, ceiling, ceilingServer.pid!);
  } finally {
    await stop(ceilingServer);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
