/**
 * Where the CPU went during a run (Linux /proc): the app instances' and nginx's process groups, every
 * postgres process (on the shared server that includes other users' queries), this process (the load
 * generator) and the whole machine's busy share. Sampled every second, so a process that dies during the
 * run (kill -9, a database restart) still counts with what it used until then.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS = 100; // USER_HZ on Linux

type ProcStat = { comm: string; pgrp: number; cpu: number };

function processes(): Map<number, ProcStat> {
  const out = new Map<number, ProcStat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = text.lastIndexOf(")");
      const fields = text.slice(close + 2).split(" ");
      // after "pid (comm) ": state, ppid, pgrp, … utime (14th field overall), stime (15th)
      out.set(Number(name), {
        comm: text.slice(text.indexOf("(") + 1, close),
        pgrp: Number(fields[2]),
        cpu: (Number(fields[11]) + Number(fields[12])) / TICKS,
      });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

function machine(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: (total - cpu[3] - cpu[4]) / TICKS, total: total / TICKS };
}

export type CpuUse = {
  seconds: number;
  /** CPU seconds per part */
  parts: Record<string, number>;
  /** share of all cores busy, every user of the machine included */
  machineBusy: number;
};

export class CpuMeter {
  private readonly baseline = processes();
  private readonly last = new Map<number, ProcStat>();
  private readonly startedAt = performance.now();
  private readonly machineAtStart = machine();
  private readonly selfAtStart = process.cpuUsage();
  private readonly timer = setInterval(() => this.sample(), 1000);

  private sample(): void {
    for (const [pid, stat] of processes()) this.last.set(pid, stat);
  }

  /** Stops sampling; `groups` names process groups (e.g. { "app instances": [pgid, …], nginx: [pgid] }). */
  stop(groups: Record<string, number[]>): CpuUse {
    clearInterval(this.timer);
    this.sample();
    const parts: Record<string, number> = Object.fromEntries(Object.keys(groups).map((k) => [k, 0]));
    parts.postgres = 0;
    for (const [pid, stat] of this.last) {
      const used = stat.cpu - (this.baseline.get(pid)?.cpu ?? 0);
      if (used <= 0) continue;
      for (const [name, pgids] of Object.entries(groups)) if (pgids.includes(stat.pgrp)) parts[name] += used;
      if (stat.comm === "postgres") parts.postgres += used;
    }
    const self = process.cpuUsage(this.selfAtStart);
    parts["load generator"] = (self.user + self.system) / 1e6;
    const end = machine();
    const total = end.total - this.machineAtStart.total;
    return {
      seconds: (performance.now() - this.startedAt) / 1000,
      parts,
      machineBusy: total > 0 ? (end.busy - this.machineAtStart.busy) / total : NaN,
    };
  }
}

/**
 * CPU seconds used so far by the threads of the processes in these process groups (or of this process):
 * "JS thread" (each process's main thread) and the others by name — Node 20 names its libuv thread pool
 * (argon2id, async crypto, fs) and V8's helper threads (GC, compiler) alike "node", hence "other threads".
 */
export function threadCpu(pgids: number[] | "self"): Map<string, number> {
  const out = new Map<string, number>();
  const pids =
    pgids === "self"
      ? [process.pid]
      : [...processes()].filter(([, stat]) => pgids.includes(stat.pgrp)).map(([pid]) => pid);
  for (const pid of pids) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const text = readFileSync(`/proc/${pid}/task/${task}/stat`, "utf8");
        const close = text.lastIndexOf(")");
        const fields = text.slice(close + 2).split(" ");
        const comm = text.slice(text.indexOf("(") + 1, close).replace(/[-\s]?\d+$/, "");
        const name = task === String(pid) ? "JS thread" : comm === "node" ? "other threads" : comm;
        out.set(name, (out.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / TICKS);
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return out;
}

/** "node 12.3 ms, libuv-worker 11.4 ms, …" per event between two threadCpu readings. */
export function perEvent(before: Map<string, number>, after: Map<string, number>, events: number): string {
  return [...after]
    .map(([name, cpu]) => [name, (cpu - (before.get(name) ?? 0)) / events] as const)
    .filter(([, cpu]) => cpu > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, cpu]) => `${name} ${(cpu * 1000).toFixed(1)} ms`)
    .join(", ");
}
