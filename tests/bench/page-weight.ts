/**
 * What each benchmarked page weighs and how many statements it sends (exact figures, not timings):
 *   npm run bench:weight -- [--db sqlite|postgres|both] [--students 100000] [--port 3162] [--skip-build]
 *                           [--verbose (lists the statements)] [--save <dir> (writes each page's HTML)]
 * Serves the built portal (scripts/serve.ts, as `npm start` does) against the benchmark database with
 * DB_LOG_QUERIES=1, signs in as a student, college01 and the registrar, and requests each page of
 * tests/bench/pages.ts one at a time (twice: the first request warms the caches, the second is counted).
 * Prints the HTML's size, the part of it that is the React Server Components payload (the page's tree again,
 * for hydration) and the statements the server sent for that request.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { benchDatabase } from "./dataset";
import { benchPages, portFree, signIn, waitFor, type BenchCookies } from "./pages-support";
import { child, dbKinds, type DbKind } from "./support";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    students: { type: "string", default: "100000" },
    port: { type: "string", default: "3162" },
    "skip-build": { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    save: { type: "string" },
  },
});
const PORT = Number(values.port);
const HTML_TARGET_KB = 35;

/** Bytes of the RSC payload inlined as `self.__next_f.push([1,"…"])` scripts (as served, escaped). */
function rscBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g))
    total += Buffer.byteLength(m[0]);
  return total;
}

async function measure(kind: DbKind) {
  const dbUrl = await benchDatabase(kind, Number(values.students));
  const fixtures = child<{ correctionId: string; classGroupId: string }>("tests/bench/pages-fixtures.ts", [
    "--db",
    kind,
    "--students",
    values.students as string,
  ]);
  await portFree(PORT);
  const server: ChildProcess = spawn("npx", ["tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DEV_OUTBOX: "0",
      DB_LOG_QUERIES: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let statements: string[] = [];
  let buffer = "";
  server.stderr?.setEncoding("utf8");
  server.stderr?.on("data", (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines)
      if (line.startsWith("[db:query] ")) statements.push(line.slice(11));
      else if (line.trim()) process.stderr.write(`[server] ${line}\n`);
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/login`);
    const cookies: BenchCookies = {
      none: undefined,
      student: await signIn(base, "student", "13800000001"),
      college01: await signIn(base, "staff", "college01"),
      registrar: await signIn(base, "staff", "registrar"),
    };
    console.log(`\n${kind}`);
    console.log(
      "page".padEnd(32) + "HTML KB".padStart(12) + "RSC KB".padStart(9) + "statements".padStart(12),
    );
    for (const page of benchPages(fixtures)) {
      const get = async () => {
        const cookie = cookies[page.who];
        const res = await fetch(base + page.path, { redirect: "manual", headers: cookie ? { cookie } : {} });
        const html = await res.text();
        if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
        return html;
      };
      await get();
      await new Promise((r) => setTimeout(r, 300)); // background work of the first request (a first view's write)
      statements = [];
      const html = await get();
      await new Promise((r) => setTimeout(r, 300)); // the query events of the last statements
      const kb = Buffer.byteLength(html) / 1024;
      if (values.save) {
        mkdirSync(values.save, { recursive: true });
        writeFileSync(`${values.save}/${kind}-${page.label.replace(/[^a-z0-9]+/gi, "_")}.html`, html);
      }
      console.log(
        page.label.padEnd(32) +
          `${kb.toFixed(1)} ${kb <= HTML_TARGET_KB ? "✓" : "✗"}`.padStart(12) +
          (rscBytes(html) / 1024).toFixed(1).padStart(9) +
          String(statements.length).padStart(12),
      );
      if (values.verbose) for (const s of statements) console.log(`    ${s.slice(0, 160)}`);
    }
  } finally {
    await new Promise<void>((resolve) => {
      if (!server.pid || server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      process.kill(-server.pid, "SIGTERM");
    });
  }
}

async function main() {
  if (!values["skip-build"])
    execFileSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  console.log(
    `page weight, ${Number(values.students).toLocaleString()} students — load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  for (const kind of dbKinds(values.db)) await measure(kind);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
