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
