import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { createPgPool } from "./pg-pool";
import { PREPARED_CONNECTION_USES, statementName } from "./pg-statements";
import { envSchema } from "../env-schema";
import { databaseUrl, providerOf, sqliteFilePath } from "./provider";
import { rawReader, type RawRead } from "./raw-reads";

/**
 * The data-access client. Both generated clients expose the same API for this schema (the PostgreSQL one
 * is generated from the same models), so the SQLite client's type stands for both.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * DB_LOG_QUERIES=1 writes one line per statement to stderr ("[db:query] <SQL>", no parameters): what
 * tests/bench/page-weight.ts counts per page. Off unless set.
 */
const logQueries = process.env.DB_LOG_QUERIES === "1";
const queryLog: { log: { emit: "event"; level: "query" }[] } = {
  log: logQueries ? [{ emit: "event", level: "query" }] : [],
};

function countQueries(client: Db): Db {
  if (logQueries)
    (client as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on(
      "query",
      (e) => process.stderr.write(`[db:query] ${e.query.replace(/\s+/g, " ").slice(0, 300)}\n`),
    );
  return client;
}

function preparedStatements(): boolean {
  const value = process.env.DATABASE_PREPARED_STATEMENTS || undefined;
  return envSchema.shape.DATABASE_PREPARED_STATEMENTS.parse(value) === "1";
}

/** Each client's reader of raw statements outside transactions (./raw-reads.ts), made with the client. */
const readers = new WeakMap<Db, RawRead>();

export function readerOf(client: Db): RawRead {
  const reader = readers.get(client);
  if (!reader) throw new Error("this client was not made by createClient");
  return reader;
}

export function createClient(url: string = databaseUrl()): Db {
  if (providerOf(url) === "postgresql") {
    const prepared = preparedStatements();
    const pool = createPgPool({
      connectionString: url,
      max: envSchema.shape.DATABASE_POOL_SIZE.parse(process.env.DATABASE_POOL_SIZE || undefined),
      // a fresh connection now and then, so named statements follow what the instance runs (./pg-statements.ts)
      maxUses: prepared ? PREPARED_CONNECTION_USES : undefined,
    });
    const statementNameGenerator = prepared ? statementName : undefined;
    // $disconnect() ends the pool, as it did when the adapter made its own
    const adapter = new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator });
    const client = countQueries(new PostgresClient({ adapter, ...queryLog }) as unknown as Db);
    // the reads share the client's pool (and so its size and its end)
    const reads = new PrismaPg(pool, { statementNameGenerator });
    readers.set(
      client,
      rawReader(() => reads.connect(), { numbered: true, log: logQueries }),
    );
    return client;
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // busy timeout: a second process (the seed, a migration) may hold the write lock briefly.
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  const client = countQueries(new SqliteClient({ adapter, ...queryLog }) as unknown as Db);
  // The reads have a connection of their own (WAL: they see every committed write and never wait for the
  // writer), which cannot write.
  const reads = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  readers.set(
    client,
    rawReader(
      async () => {
        const connection = await reads.connect();
        await connection.executeScript("PRAGMA query_only = ON; PRAGMA cache_size = -65536;");
        return connection;
      },
      { numbered: false, log: logQueries },
    ),
  );
  // WAL for concurrent readers; synchronous=FULL so an acknowledged write survives a power loss.
  // Issued first on the single connection, so every later query runs with these settings.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  void client.$queryRawUnsafe("PRAGMA synchronous = FULL").catch(() => undefined);
  void client.$queryRawUnsafe("PRAGMA foreign_keys = ON").catch(() => undefined);
  // The dashboards' covering indexes are ~10 MB at 100,000 students: a 64 MB page cache (default 2 MB) keeps
  // them in memory; optimize refreshes the planner's statistics where they are stale (cheap when current).
  void client.$queryRawUnsafe("PRAGMA cache_size = -65536").catch(() => undefined);
  void client.$queryRawUnsafe("PRAGMA optimize = 0x10002").catch(() => undefined);
  return client;
}

/** Reads back the durability settings; the start command refuses to run without them. */
export async function durabilityReport(
  client: Db,
  url: string = databaseUrl(),
): Promise<{ ok: boolean; detail: string }> {
  if (providerOf(url) === "postgresql") {
    const rows = await client.$queryRawUnsafe<{ synchronous_commit: string }[]>("SHOW synchronous_commit");
    const value = rows[0]?.synchronous_commit;
    return {
      ok: value === "on" || value === "remote_apply" || value === "remote_write",
      detail: `synchronous_commit=${value}`,
    };
  }
  const mode = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const sync = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
  const journal = mode[0]?.journal_mode;
  const synchronous = Number(sync[0]?.synchronous);
  return {
    ok: journal === "wal" && synchronous === 2,
    detail: `journal_mode=${journal} synchronous=${synchronous}`,
  };
}
