import "server-only";
import { createClient, type Db } from "./client";

export type { Db } from "./client";
export { providerOf, databaseUrl } from "./provider";

// One client per process (kept across hot reloads in development).
const globalForDb = globalThis as unknown as { __db?: Db };

export const db: Db = globalForDb.__db ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.__db = db;
