import { ADMIN_URL, adminQuery } from "../support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { createPgPool } from "@/lib/db/pg-pool";
import { STATEMENTS_PER_CONNECTION, statementName } from "@/lib/db/pg-statements";

/**
 * Named (prepared) statements on PostgreSQL (lib/db/pg-statements.ts): the app's client names its data
 * statements, a name is prepared once per connection and serves any arguments, and a connection holds a
 * bounded number of them. Runs against TEST_POSTGRES_URL's server whichever database the suite uses, in a
 * database of its own (raw statements only, no schema needed).
 */
const name = `xj_stmt_${Date.now().toString(36)}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;

type Prepared = { name: string; statement: string };

describe("named statements on PostgreSQL", () => {
  let db: Db;
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE "${name}"`);
    db = createClient(url.toString());
  });
  afterAll(async () => {
    await db?.$disconnect();
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("names data statements by their text from their second run on; transaction control, settings and DDL never", () => {
    const twice = (sql: string) => [statementName({ sql }), statementName({ sql })];
    const [first, select] = twice('SELECT "id" FROM "Account" WHERE "id" = $1');
    expect(first).toBeUndefined();
    expect(select).toMatch(/^xj_[\w-]{27}$/);
    expect(statementName({ sql: 'SELECT "id" FROM "Account" WHERE "id" = $1' })).toBe(select);
    expect(twice('SELECT "id" FROM "Account" WHERE "id" = $2')[1]).not.toBe(select);
    for (const sql of [
      "INSERT INTO t VALUES ($1)",
      " update t SET a = $1",
      "DELETE FROM t",
      "WITH x AS (SELECT 1) SELECT * FROM x",
    ])
      expect(twice(sql)[1]).toBeDefined();
    for (const sql of [
      "BEGIN",
      "COMMIT",
      "ROLLBACK",
      "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
      "CREATE TABLE t (a int)",
      "SHOW synchronous_commit",
    ])
      expect(twice(sql)).toEqual([undefined, undefined]);
  });

  it("prepares a statement once per connection and runs it with any arguments, null included", async () => {
    const { results, prepared } = await db.$transaction(async (tx) => {
      const results: unknown[] = [];
      for (const v of [null, "a", null, "b"])
        results.push(await tx.$queryRaw<{ v: string }[]>`SELECT COALESCE(${v}::text, 'none') AS "v"`);
      const prepared = await tx.$queryRaw<Prepared[]>`
        SELECT "name", "statement" FROM pg_prepared_statements
        WHERE "statement" LIKE '%COALESCE%' AND "statement" NOT LIKE '%pg_prepared_statements%'`;
      return { results, prepared };
    });
    expect(results).toEqual([[{ v: "none" }], [{ v: "a" }], [{ v: "none" }], [{ v: "b" }]]);
    expect(prepared).toHaveLength(1);
    expect(prepared[0].name).toBe(statementName({ sql: prepared[0].statement }));
  });

  it("stops naming new statements on a connection that holds its share, and still runs them", async () => {
    const pool = createPgPool({ connectionString: url.toString(), max: 1 });
    try {
      const run = (sql: string, values: unknown[]) => {
        statementName({ sql }); // its first run is unnamed: count it as run before
        return pool.query({ name: statementName({ sql }), text: sql, values, rowMode: "array" });
      };
      for (let i = 0; i < STATEMENTS_PER_CONNECTION + 5; i++) {
        const { rows } = await run(`SELECT $1::int + ${i} AS n`, [1]);
        expect(rows).toEqual([[1 + i]]);
      }
      // a statement prepared before the limit is still used; the ones after it ran unnamed
      expect((await run(`SELECT $1::int + 0 AS n`, [41])).rows).toEqual([[41]]);
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE "statement" LIKE 'SELECT $1::int + %'`,
      );
      expect(rows[0].n).toBe(STATEMENTS_PER_CONNECTION);
    } finally {
      await pool.end();
    }
  });
});
