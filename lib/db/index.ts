import "server-only";
import { createClient, readerOf, type Db } from "./client";
import type { RawRead } from "./raw-reads";

export type { Db } from "./client";
export { providerOf, databaseUrl } from "./provider";

// One client per process (kept across hot reloads in development).
const globalForDb = globalThis as unknown as { __db?: Db; __readRaw?: RawRead };

export const db: Db = globalForDb.__db ?? createClient();

/**
 * A read outside any transaction, straight through the driver adapter (./raw-reads.ts): used like
 * `db.$queryRaw` (a tagged template or a Prisma.sql fragment), rows typed as `$queryRaw` gives them. Inside a
 * transaction, use the transaction's `$queryRaw`.
 */
export const readRaw: RawRead = globalForDb.__readRaw ?? readerOf(db);

if (process.env.NODE_ENV !== "production") Object.assign(globalForDb, { __db: db, __readRaw: readRaw });
