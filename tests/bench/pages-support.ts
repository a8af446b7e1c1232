/** The pages the page benchmarks load, and how they sign in (tests/bench/pages.ts, tests/bench/page-weight.ts). */
import { readdirSync, readFileSync } from "node:fs";

const STAFF_PASSWORD = process.env.DEMO_STAFF_PASSWORD ?? "Demo@2026xj";
const STUDENT_PASSWORD = "Student@2026";

/**
 * Whose page it is, which sets its target; "reference" has none: a page printed beside the others to show
 * what this app's pages cost before any content of their own.
 */
export type Audience = "public" | "student" | "staff" | "reference";
export type BenchPage = {
  label: string;
  path: string;
  who: "none" | "student" | "college01" | "registrar";
  audience: Audience;
};
export type BenchCookies = Record<BenchPage["who"], string | undefined>;

export function benchPages(fixtures: { correctionId: string; classGroupId: string }): BenchPage[] {
  return [
    { label: "home /", path: "/", who: "none", audience: "public" },
    { label: "/login", path: "/login", who: "none", audience: "public" },
    // the lightest signed-in page (a card with a title, a note and a link): the session check, the layout
    // and the framework's work, nearly nothing else — what any signed-in page costs at least
    { label: "/signed-in (lightest)", path: "/signed-in", who: "student", audience: "reference" },
    { label: "/record (student)", path: "/record", who: "student", audience: "student" },
    { label: "/college (college01)", path: "/college", who: "college01", audience: "staff" },
    {
      label: "/college filtered",
      path: `/college?view=classGroup&registered=no&viewed=no&classGroupId=${fixtures.classGroupId}`,
      who: "college01",
      audience: "staff",
    },
    { label: "/registrar", path: "/registrar", who: "registrar", audience: "staff" },
    {
      label: "correction under review",
      path: `/college/corrections/${fixtures.correctionId}`,
      who: "college01",
      audience: "staff",
    },
  ];
}

/** Waits until a server answers (one helper for every benchmark that starts servers). */
export { waitForHttp as waitFor } from "./cluster/processes";

export async function portFree(port: number): Promise<void> {
  const busy = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${port} is already in use`);
}

/** Signs in through next-auth's credentials endpoint (CSRF token + cookie first); returns the cookies. */
export async function signIn(base: string, provider: "student" | "staff", username: string): Promise<string> {
  const password = provider === "staff" ? STAFF_PASSWORD : STUDENT_PASSWORD;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/${provider}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
      cookie: csrfCookie,
    },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  await res.arrayBuffer();
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token="));
  if (!session) throw new Error(`${provider} sign-in of ${username} failed (${res.status})`);
  return session;
}

/**
 * The /proc/<pid>/stat fields after the command's closing parenthesis (state ppid pgrp …) of every process
 * in a process group (a server started detached: npx, tsx and node, or node alone).
 */
function groupStatFields(groupId: number): string[][] {
  const found: string[][] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) found.push(fields);
    } catch {
      // the process ended while the list was read
    }
  }
  return found;
}

/** RSS in MB of the largest process in a process group (the node process that serves); 0 when none is left. */
export function groupRssMb(groupId: number): number {
  // rss, in 4 KB pages on x86-64, is the 22nd field
  return Math.max(0, ...groupStatFields(groupId).map((f) => (Number(f[21]) * 4096) / 1024 / 1024));
}

/** USER_HZ: 100 on Linux for x86-64 and arm64 (what /proc/<pid>/stat counts in) */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by the processes of a process group: a server's own work per
 * request, which the machine's other load changes far less than its requests/s.
 */
export function groupCpuMs(groupId: number): number {
  // utime and stime, in clock ticks, are the 12th and 13th fields
  const ticks = groupStatFields(groupId).reduce((sum, f) => sum + Number(f[11]) + Number(f[12]), 0);
  return ticks * (1000 / CLOCK_TICKS_PER_SECOND);
}
