import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/admin/api-tokens";
import { GET as getStatus } from "@/app/api/v1/self-check-status/route";
import { GET as listCorrections } from "@/app/api/v1/corrections/route";
import { makeStaff, uid } from "../admin/fixtures";
import { call } from "./client";

/** The OpenAPI document says every call is in the audit log with actor type api: reads too. */
describe("API reads are audited", () => {
  it("logs each GET with the token, path, filters and status; refused calls without a token are not", async () => {
    const admin = (await makeStaff("admin")).actor;
    const created = await createApiToken(admin, { name: `读取${uid(4)}`, role: "registrar" });
    if (!created.ok) throw new Error("setup");
    const { token, id: tokenId } = created.value;
    expect((await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token })).status).toBe(200);
    expect((await call(listCorrections, "/api/v1/corrections?status=approved", { token })).status).toBe(200);
    expect((await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: null })).status).toBe(
      401,
    );

    const entries = await db.auditLog.findMany({
      where: { action: "api.read", actorType: "api", actorId: tokenId },
      orderBy: { createdAt: "asc" },
    });
    expect(entries).toHaveLength(2);
    const mine = entries;
    expect(mine.map((e) => e.targetId)).toEqual(
      expect.arrayContaining(["/api/v1/self-check-status", "/api/v1/corrections"]),
    );
    const status = mine.find((e) => e.targetId === "/api/v1/self-check-status");
    expect(JSON.parse(status?.after ?? "{}")).toEqual({ query: { cohort: "2023" }, status: 200 });
  });
});
