/** Shared helpers for the benchmarks (figures, not tests). */
import { execFileSync, spawnSync } from "node:child_process";

export type DbKind = "sqlite" | "postgres";

export function dbKinds(arg: string | undefined): DbKind[] {
  return arg === "sqlite" ? ["sqlite"] : arg === "postgres" ? ["postgres"] : ["sqlite", "postgres"];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function stats(samples: number[]): { median: number; p95: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Runs a bench step in its own process (clean peak RSS), returns its last stdout line parsed as JSON. */
export function child<T>(script: string, args: string[], env: Record<string, string> = {}): T {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", script, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${script} failed (${result.status})`);
  }
  const lines = result.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** Seeds the demo university into DATABASE_URL with the project's generator (prisma/seed). */
export function seed(url: string, students: number): void {
  execFileSync(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "prisma/seed/cli.ts",
      "--students",
      String(students),
      "--reset",
      "--activity",
    ],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}
