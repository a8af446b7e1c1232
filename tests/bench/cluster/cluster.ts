/**
 * A real cluster on this machine: N app instances (scripts/serve.ts, the production server `npm start`
 * uses, on one build) on one PostgreSQL database, behind nginx (./balancer.ts). The instances share the
 * database, the uploads folder, the secrets and one NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (a server action's
 * form posted to another instance than the one that rendered it must decrypt there too). The instances'
 * output goes to <dir>/instances.log.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { startBalancer, type Balancer } from "./balancer";
import { portFree, signalGroup, startProcess, stopProcess, waitForHttp } from "./processes";

/** Secrets of one run, shared by the seed and every instance (the ID numbers are encrypted with them). */
export function clusterSecrets(): Record<string, string> {
  const secret = () => randomBytes(32).toString("base64url");
  return {
    APP_SECRET: secret(),
    NEXTAUTH_SECRET: secret(),
    DATA_ENCRYPTION_KEY: secret(),
    BLIND_INDEX_KEY: secret(),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

/** Migrates a database and loads the demo university (with the open campaign's mid-week activity). */
export function prepareDatabase(url: string, students: number, env: Record<string, string>): void {
  const opts = { env: { ...process.env, ...env, DATABASE_URL: url }, stdio: "pipe" as const };
  execFileSync("npx", ["prisma", "migrate", "deploy"], opts);
  execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "prisma/seed/cli.ts", "--students", String(students), "--activity"],
    opts,
  );
}

/** Adds the benchmark's students (./cohort-accounts.ts) and recounts the dashboards' summary. */
export function addCohortStudents(
  url: string,
  count: number,
  env: Record<string, string>,
): { campaignId: string; students: { phone: string; recordId: string }[] } {
  const opts = {
    env: { ...process.env, ...env, DATABASE_URL: url },
    encoding: "utf8" as const,
    maxBuffer: 64 << 20,
  };
  const out = execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "tests/bench/cluster/cohort-accounts.ts", "--count", String(count)],
    opts,
  );
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/progress-rebuild.ts"], opts);
  const lines = out.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

export type Instance = { port: number; process: ChildProcess; killed: boolean };

export type Cluster = {
  balancer: Balancer;
  instances: Instance[];
  /** `kill -9` of one instance (its whole process group). */
  kill(index: number): void;
  stop(): Promise<void>;
};

export type ClusterOptions = {
  dir: string;
  databaseUrl: string;
  instances: number;
  balancerPort: number;
  /** first instance port; the others follow */
  instancePort: number;
  env: Record<string, string>;
};

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build in .next: run `npx next build` first");
  mkdirSync(o.dir, { recursive: true });
  const uploads = path.join(o.dir, "uploads");
  mkdirSync(uploads, { recursive: true });
  const ports = Array.from({ length: o.instances }, (_, i) => o.instancePort + i);
  for (const port of [o.balancerPort, ...ports]) await portFree(port);
  // each instance's own output (its request errors during an outage, for one) goes to a file beside it
  const log = openSync(path.join(o.dir, "instances.log"), "a");
  const instances: Instance[] = ports.map((port) => ({
    port,
    killed: false,
    process: startProcess("npx", ["tsx", "scripts/serve.ts"], {
      env: {
        ...process.env,
        ...o.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: o.databaseUrl,
        UPLOADS_DIR: uploads,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        TRUST_PROXY: "1",
        DEMO_MODE: o.env.DEMO_MODE ?? "1",
        DEV_OUTBOX: "0",
        INSTANCE_ID: `app-${port}`,
      },
      stdio: ["ignore", log, log],
    }),
  }));
  const stopInstances = () => Promise.all(instances.map((i) => stopProcess(i.process))).then(() => undefined);
  try {
    await Promise.all(ports.map((port) => waitForHttp(`http://127.0.0.1:${port}/login`)));
    const balancer = await startBalancer(path.join(o.dir, "nginx"), o.balancerPort, ports);
    return {
      balancer,
      instances,
      kill(index) {
        instances[index].killed = true;
        signalGroup(instances[index].process, "SIGKILL");
      },
      async stop() {
        await balancer.stop();
        await stopInstances();
      },
    };
  } catch (e) {
    await stopInstances();
    throw e;
  }
}
