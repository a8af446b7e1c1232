/**
 * The cluster benchmark's database: a fresh database per run on the shared PostgreSQL server
 * (TEST_POSTGRES_URL, default root@127.0.0.1:5432, trust auth), or — for the database-restart fault run —
 * a PostgreSQL cluster of its own (initdb into a temp folder, its own port), because restarting the shared
 * server would break everyone else using it.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type Database = {
  url: string;
  /** Stops PostgreSQL and starts it again (own cluster only); resolves when it accepts connections. */
  restart?: (downMs: number) => Promise<void>;
  drop(): Promise<void>;
};

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** A new, empty database on the shared server. */
export async function freshDatabase(name: string): Promise<Database> {
  const url = await createDatabase(ADMIN_URL, name);
  return { url, drop: () => dropDatabase(ADMIN_URL, name) };
}

/** Runs a PostgreSQL binary; as root it runs as the postgres user (initdb and postgres refuse root). */
async function pg(bin: string, args: string[]): Promise<void> {
  const command = path.join(PG_BIN, bin);
  const asRoot = process.getuid?.() === 0;
  await promisify(execFile)(
    asRoot ? "runuser" : command,
    asRoot ? ["-u", "postgres", "--", command, ...args] : args,
  );
}

/** A PostgreSQL cluster of its own in `dir` on `port` (trust auth, loopback only), with one database. */
export async function ownCluster(dir: string, port: number, name: string): Promise<Database> {
  const data = path.join(dir, "pgdata");
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  if (!existsSync(path.join(data, "PG_VERSION")))
    await pg("initdb", ["-D", data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
  const log = path.join(dir, "postgres.log");
  const start = () => pg("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
  const stop = () => pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
  await start();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const url = await createDatabase(adminUrl, name);
  let stopped = false;
  return {
    url,
    async restart(downMs: number) {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    async drop() {
      if (stopped) return;
      stopped = true;
      try {
        await stop();
      } catch {
        /* not running */
      }
    },
  };
}
