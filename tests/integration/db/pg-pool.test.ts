import { ADMIN_URL, adminQuery } from "../support/test-database";
import { afterAll, describe, expect, it } from "vitest";
import { databaseRecentlyUnavailable } from "@/lib/db/availability";
import { createPgPool } from "@/lib/db/pg-pool";

/**
 * The app's PostgreSQL pool through a database restart, simulated on the shared server without restarting
 * it: the pool's connections are terminated (what a restart does to them) and, for a while, new ones are
 * refused. Before the pool had an 'error' listener, the terminated idle connection ended the process.
 * Runs against TEST_POSTGRES_URL's server whichever database the suite uses (the pool is PostgreSQL's).
 */
const name = `xj_pool_${Date.now().toString(36)}`;

describe("PostgreSQL pool", () => {
  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("sends a transaction's side-by-side queries one at a time, each answered with its own rows", async () => {
    await adminQuery(`CREATE DATABASE "${name}_q"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}_q`;
    const pool = createPgPool({ connectionString: url.toString(), max: 1 });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    const client = await pool.connect();
    try {
      await client.query("CREATE TABLE t (n int)");
      await client.query("BEGIN");
      // as Prisma does inside an interactive transaction: independent statements sent without awaiting
      const sent = Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? client.query("INSERT INTO t (n) VALUES ($1) RETURNING n", [i])
          : client.query("SELECT count(*)::int AS c, pg_sleep(0.01) FROM t"),
      );
      // none of them waits in pg's own (deprecated) queue: they wait their turn before reaching it
      expect((client as unknown as { _queryQueue: unknown[] })._queryQueue).toHaveLength(0);
      const results = await Promise.all(sent);
      // in the order sent: each count sees the inserts before it and none after
      expect(results.map((r) => r.rows[0].n ?? r.rows[0].c)).toEqual([0, 1, 2, 2, 4, 3]);
      // a failing statement rejects its own promise only; the transaction is then aborted, as in pg
      const failing = client.query("SELECT 1 / 0");
      const after = client.query("SELECT 1");
      await expect(failing).rejects.toThrow(/division by zero/);
      await expect(after).rejects.toThrow(/current transaction is aborted/);
      await client.query("ROLLBACK");
      expect((await client.query("SELECT count(*)::int AS c FROM t")).rows[0].c).toBe(0);
      expect(warnings.filter((m) => m.includes("already executing a query"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      client.release();
      await pool.end();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}_q" WITH (FORCE)`);
    }
  });

  it("survives its connections being cut, notes the outage and reconnects by itself", async () => {
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const pool = createPgPool({ connectionString: url.toString(), max: 2 });
    try {
      expect((await pool.query("SELECT 1 AS one")).rows[0].one).toBe(1);
      expect(pool.idleCount).toBe(1);

      // the server goes away: idle connections are terminated, new ones refused
      const idleError = new Promise((resolve) => pool.once("error", resolve));
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      await idleError;
      expect(databaseRecentlyUnavailable()).toBe(true);
      await expect(pool.query("SELECT 1")).rejects.toThrow(/not currently accepting connections/);

      // it comes back: the same pool serves again without a restart of the app
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      expect((await pool.query("SELECT 2 AS two")).rows[0].two).toBe(2);
    } finally {
      await pool.end();
    }
  });
});
