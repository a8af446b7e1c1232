/** Child processes of the cluster benchmark: each in its own process group, all stopped on exit. */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const running = new Set<ChildProcess>();
let exitHooked = false;

export function startProcess(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  if (!exitHooked) {
    exitHooked = true;
    // The children run in process groups of their own (a terminal's Ctrl-C does not reach them): whatever
    // ends this process — a test runner stopping its worker, an uncaught error — takes them along.
    process.once("exit", () => {
      for (const child of running) signalGroup(child, "SIGKILL");
    });
  }
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], ...options, detached: true });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Signals a process group (the child and whatever it started, e.g. npx → tsx → node). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup(child, signal);
  });
}

export function stopAll(): Promise<void> {
  return Promise.all([...running].map((c) => stopProcess(c))).then(() => undefined);
}

let hooked = false;
/** Ctrl-C or a kill of the benchmark stops its servers too. */
export function stopAllOnExit(cleanup: () => Promise<void> | void = () => undefined): void {
  if (hooked) return;
  hooked = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      for (const child of running) signalGroup(child, "SIGKILL");
      void Promise.resolve(cleanup()).finally(() => process.exit(1));
    });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

export async function portFree(port: number): Promise<void> {
  const busy = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${port} is already in use`);
}
