import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readiness } from "@/lib/ops/health";

describe("/readyz", () => {
  it("is ready with the database reachable, every migration applied and the uploads folder writable", async () => {
    expect(await readiness()).toEqual({
      ready: true,
      checks: { database: "ok", migrations: "ok", uploads: "ok" },
    });
  });

  it("is not ready while a migration of the new build is not applied", async () => {
    const r = await readiness({
      expectedMigrations: async () => ["20261125020449_init", "29991231000000_next"],
    });
    expect(r).toMatchObject({ ready: false, checks: { migrations: "pending" }, pendingMigrations: 1 });
  });

  it("is not ready when the uploads folder cannot be written", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "xj-ready-")), "a-file");
    writeFileSync(file, "not a folder");
    const r = await readiness({ uploadsDir: path.join(file, "uploads") });
    expect(r).toMatchObject({
      ready: false,
      checks: { database: "ok", migrations: "ok", uploads: "not writable" },
    });
  });
});
