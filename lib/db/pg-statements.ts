import { createHash } from "node:crypto";

/**
 * Server-side prepared statements on PostgreSQL. Prisma's pg adapter sends each statement unnamed, so the
 * server parses and plans it on every run; for the dashboards' queries planning took several times longer
 * than executing (docs/performance.md). A named statement is parsed once per connection, and after a few
 * runs PostgreSQL keeps a generic plan for it when that plan is no worse than the per-value ones.
 *
 * Only plain data statements are named: transaction control (BEGIN, COMMIT, SET TRANSACTION …), settings and
 * DDL stay unnamed, and so does a statement's first run in the process. Each prepared statement holds server memory for the connection's lifetime (tens of KB, up to
 * ≈ 150 KB with its plans for the dashboards' largest), so a connection names its first
 * STATEMENTS_PER_CONNECTION distinct statements only and sends later ones unnamed (lib/db/pg-pool.ts), and the
 * pool replaces a connection after PREPARED_CONNECTION_USES queries, so a long-lived instance's connections
 * re-learn the statements in use. DATABASE_PREPARED_STATEMENTS=0 sends every statement unnamed, for a pooler in
 * transaction mode that does not carry prepared statements (docs/operations.md).
 */
const NAMED = /^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/** How many named statements one connection keeps; pg remembers each one for the connection's lifetime. */
export const STATEMENTS_PER_CONNECTION = 100;

/** Queries (pool checkouts) after which the pool closes a connection and opens a fresh one. */
export const PREPARED_CONNECTION_USES = 10_000;

/** Names of the statements this process has sent once (a statement is named from its second run on). */
const seen = new Set<string>();
const SEEN_LIMIT = 10_000;

/**
 * The statement's name: a hash of its text, so the same text gets the same name on every connection and
 * different texts never share one (pg refuses a known name with another text). A statement's first run is
 * sent unnamed: texts that occur once (an IN list of a new length, a one-off script) do not take a
 * connection's places.
 */
export function statementName(query: { sql: string }): string | undefined {
  if (!NAMED.test(query.sql)) return undefined;
  const name = `xj_${createHash("sha1").update(query.sql).digest("base64url")}`;
  if (seen.has(name)) return name;
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.add(name);
  return undefined;
}

type Connection = {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
};

/**
 * The query config to send on this connection: unchanged, or without its name when the connection has not
 * prepared it yet and already holds its share of named statements (those it has stay in use).
 */
export function withinStatementLimit<T>(connection: Connection | undefined, config: T): T {
  if (!connection || !config || typeof config !== "object") return config;
  const name = (config as { name?: unknown }).name;
  if (typeof name !== "string" || !name) return config;
  if (name in connection.parsedStatements || name in connection.submittedNamedStatements) return config;
  const held =
    Object.keys(connection.parsedStatements).length + Object.keys(connection.submittedNamedStatements).length;
  return held < STATEMENTS_PER_CONNECTION ? config : { ...config, name: undefined };
}
