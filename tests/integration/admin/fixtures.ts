import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { parseRoles, type StaffActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/security/passwords";

export const uid = (n = 6) => randomBytes(n).toString("hex");

/** A college of its own for one test file (codes and names are unique). */
export async function makeCollege(label = "测试") {
  const code = `T${uid(4)}`;
  return db.college.create({ data: { code, name: `${label}学院${code}` } });
}

/** A staff user row and the actor a session of theirs would resolve to. */
export async function makeStaff(
  roles: string,
  options: { collegeIds?: string[]; password?: string; mustChangePassword?: boolean } = {},
): Promise<{ actor: StaffActor; password: string }> {
  const password = options.password ?? `Correct horse ${uid(3)}`;
  const user = await db.staffUser.create({
    data: {
      username: `u${uid(5)}`,
      displayName: "测试人员",
      roles,
      passwordHash: await hashPassword(password),
      mustChangePassword: options.mustChangePassword ?? false,
      collegeScopes: { create: (options.collegeIds ?? []).map((collegeId) => ({ collegeId })) },
    },
  });
  const session = await db.authSession.create({
    data: { staffUserId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return {
    password,
    actor: {
      kind: "staff",
      staffUserId: user.id,
      username: user.username,
      displayName: user.displayName,
      sessionId: session.id,
      roles: parseRoles(roles),
      collegeIds: options.collegeIds ?? [],
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export async function lastAudit(action: string, targetId?: string) {
  return db.auditLog.findFirst({
    where: { action, ...(targetId ? { targetId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
