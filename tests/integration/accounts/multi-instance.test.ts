/**
 * Limits hold across app instances: two separate processes (own connection pool, own memory) share only
 * the database, as two servers behind a load balancer do. Runs on SQLite and, with TEST_DB=postgres, on
 * PostgreSQL.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInStudent } from "@/lib/accounts/sign-in";
import { createAccount, meta, randomPhone } from "./support";

const run = promisify(execFile);

/** Runs tests/integration/support/app-instance.ts in its own process; returns its outcomes. */
async function instance(...args: string[]): Promise<string[]> {
  const { stdout } = await run(
    "npx",
    ["tsx", "--conditions=react-server", "tests/integration/support/app-instance.ts", ...args],
    { env: process.env, timeout: 110_000 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as string[];
}

describe("limits shared by every app instance", () => {
  it(
    "10 failed sign-ins split over two instances lock the account everywhere",
    { timeout: 120_000 },
    async () => {
      const { account, password } = await createAccount();
      // On PostgreSQL the two instances hammer the counter at the same time. SQLite is deployed as a single
      // app instance (one writer; docs/architecture.md), so there the two take turns.
      const both =
        process.env.TEST_DB === "postgres"
          ? await Promise.all([
              instance("sign-in", account.phone, "5"),
              instance("sign-in", account.phone, "5"),
            ])
          : [await instance("sign-in", account.phone, "5"), await instance("sign-in", account.phone, "5")];
      const [a, b] = both;
      // "signIn.invalidLeft" / "signIn.invalidLast" both mean a counted failure with tries left.
      const outcomes = [...a, ...b]
        .map((k) => (k.startsWith("signIn.invalid") ? "signIn.invalid" : k))
        .sort();
      // Each instance alone saw only 5 failures; together they reached 10, and the 10th locked the account.
      expect(outcomes).toEqual([...Array(9).fill("signIn.invalid"), "signIn.locked"].sort());
      expect(await db.loginEvent.count({ where: { accountId: account.id, outcome: "bad_password" } })).toBe(
        10,
      );

      // A third instance (this test process) refuses even the right password.
      const here = await signInStudent({ username: account.phone, password }, meta());
      expect(here.ok ? null : here.error?.key).toBe("signIn.locked");
    },
  );

  it(
    "a code sent by one instance makes the other refuse a second send within 60 s",
    { timeout: 120_000 },
    async () => {
      const phone = randomPhone("137");
      const first = await instance("send-code", phone);
      const second = await instance("send-code", phone);
      expect(first).toEqual(["sent"]);
      expect(second).toEqual(["register.code.tooFrequentSeconds"]);
      expect(await db.verificationCode.count({ where: { target: phone } })).toBe(1);
    },
  );
});
