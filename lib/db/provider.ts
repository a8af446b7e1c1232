/** Which database a DATABASE_URL points at. SQLite (a file under ./data) is the default. */
export type DbProvider = "sqlite" | "postgresql";

export const DEFAULT_SQLITE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
}

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** "file:./data/app.db" → "./data/app.db" (relative to the working directory). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
