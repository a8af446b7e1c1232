import "server-only";
import { databaseUrl, providerOf } from "@/lib/db/provider";
import type { RosterStore } from "./store-contract";

export * from "./store-contract";

export async function openRosterStore(url: string = databaseUrl()): Promise<RosterStore> {
  if (providerOf(url) === "postgresql") {
    const { openPostgresStore } = await import("./store-postgres");
    return openPostgresStore(url);
  }
  const { openSqliteStore } = await import("./store-sqlite");
  return openSqliteStore(url);
}
