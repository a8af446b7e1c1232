import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveDuplicateId } from "@/lib/identity-cases/resolve";
import { blindIndex } from "@/lib/security/crypto";
import { duplicateScenario, makeAccount, makeStaff, randomIdNumber, randomName } from "./fixtures";

describe("resolveDuplicateId", () => {
  it("verifies the pending account and cancels every other holder in one go", async () => {
    const s = await duplicateScenario({ holderEmail: `old${Date.now()}@example.edu.cn` });
    const second = await makeAccount(s.person, "pending");
    const session = await db.authSession.create({
      data: { accountId: s.holder.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const staff = await makeStaff("support");

    const result = await resolveDuplicateId({ accountId: s.pending.id, via: "photo_review", actor: staff });
    expect(result).toEqual({
      ok: true,
      value: { cancelledAccountIds: expect.arrayContaining([s.holder.id, second.id]) },
    });

    const me = await db.account.findUniqueOrThrow({ where: { id: s.pending.id } });
    expect(me.identityStatus).toBe("verified");
    expect(me.verifiedIdIndex).toBe(blindIndex(s.person.idNumber));

    for (const id of [s.holder.id, second.id]) {
      const other = await db.account.findUniqueOrThrow({ where: { id } });
      expect(other.identityStatus).toBe("cancelled");
      expect(other.cancelledAt).not.toBeNull();
      expect(other.verifiedIdIndex).toBeNull();
      expect(other.phone).toBe(`x:${id}`);
      expect(other.email).toBeNull();
      const notes = await db.notification.findMany({
        where: { accountId: id, kind: "identity.accountCancelled" },
      });
      expect(notes).toHaveLength(1);
    }
    // sessions of the cancelled holder end at once
    const ended = await db.authSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(ended.revokedAt).not.toBeNull();
    expect(ended.revokeReason).toBe("cancelled");

    // owners are told on their bound phone and verified e-mail
    const sms = await db.outboundMessage.findFirst({ where: { to: s.holder.phone } });
    expect(sms?.body).toContain("已被注销");
    const mail = await db.outboundMessage.findFirst({ where: { to: s.holder.email as string } });
    expect(mail?.channel).toBe("email");

    // the record follows the verified holder
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(record.accountId).toBe(s.pending.id);

    // audit: one resolution, one cancellation per displaced account, original phone kept only encrypted
    const cancels = await db.auditLog.findMany({
      where: { action: "account.cancel", targetId: { in: [s.holder.id, second.id] } },
    });
    expect(cancels).toHaveLength(2);
    const before = JSON.parse(cancels.find((c) => c.targetId === s.holder.id)?.before ?? "{}");
    expect(before.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(before)).not.toContain(s.holder.phone);
    expect(await db.auditLog.count({ where: { action: "identity.resolve", targetId: s.pending.id } })).toBe(
      1,
    );
  });

  it("frees the cancelled account's phone for a new registration", async () => {
    const s = await duplicateScenario();
    const staff = await makeStaff("support");
    await resolveDuplicateId({ accountId: s.pending.id, via: "photo_review", actor: staff });
    const reused = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "verified", {
      phone: s.holder.phone,
    });
    expect(reused.phone).toBe(s.holder.phone);
  });

  it("refuses an account that is no longer pending", async () => {
    const s = await duplicateScenario();
    const staff = await makeStaff("support");
    const holderResult = await resolveDuplicateId({
      accountId: s.holder.id,
      via: "photo_review",
      actor: staff,
    });
    expect(holderResult).toMatchObject({ ok: false, error: { key: "identity.errors.alreadyResolved" } });
  });

  it("lets only one of two racing resolutions win and applies nothing of the other", async () => {
    const s = await duplicateScenario();
    const rival = await makeAccount(s.person, "pending");
    const staff = await makeStaff("support");
    // Each transaction lingers after its first writes, so the two really overlap.
    const linger = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
    };
    const results = await Promise.all([
      resolveDuplicateId({ accountId: s.pending.id, via: "photo_review", actor: staff, apply: linger }),
      resolveDuplicateId({ accountId: rival.id, via: "roster_evidence", actor: staff, apply: linger }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, error: { key: "identity.errors.alreadyResolved" } }]);

    const holders = await db.account.findMany({ where: { idNumberIndex: blindIndex(s.person.idNumber) } });
    expect(holders.filter((h) => h.identityStatus === "verified")).toHaveLength(1);
    expect(holders.filter((h) => h.identityStatus === "cancelled")).toHaveLength(2);
    expect(
      await db.auditLog.count({
        where: { action: "identity.resolve", targetId: { in: [s.pending.id, rival.id] } },
      }),
    ).toBe(1);
  });

  it("answers a unique-index conflict (P2002) with 'already resolved' and rolls everything back", async () => {
    const s = await duplicateScenario();
    // Another account (holding a different number) already claims this number's verified slot: the claim
    // of the pending account hits the unique Account.verifiedIdIndex.
    const squatter = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "pending");
    await db.account.update({
      where: { id: squatter.id },
      data: { identityStatus: "verified", verifiedIdIndex: null },
    });
    await db.account.update({ where: { id: s.holder.id }, data: { verifiedIdIndex: null } });
    await db.account.update({
      where: { id: squatter.id },
      data: { verifiedIdIndex: blindIndex(s.person.idNumber) },
    });
    const staff = await makeStaff("support");
    const result = await resolveDuplicateId({
      accountId: s.pending.id,
      via: "photo_review",
      actor: staff,
      apply: async (tx) => {
        await tx.auditLog.create({
          data: { actorType: "system", action: "test.shouldRollBack", targetId: s.pending.id },
        });
      },
    });
    expect(result).toEqual({ ok: false, error: { key: "identity.errors.alreadyResolved" } });
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "pending",
    );
    expect((await db.account.findUniqueOrThrow({ where: { id: s.holder.id } })).identityStatus).toBe(
      "verified",
    );
    expect((await db.account.findUniqueOrThrow({ where: { id: s.holder.id } })).phone).toBe(s.holder.phone);
    expect(
      await db.auditLog.count({ where: { action: "test.shouldRollBack", targetId: s.pending.id } }),
    ).toBe(0);
    expect(await db.notification.count({ where: { accountId: s.holder.id } })).toBe(0);
    expect(await db.outboundMessage.count({ where: { to: s.holder.phone } })).toBe(0);
  });
});
