import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { newId } from "./ids";
import type { Organisation } from "./organisation";

export type StaffRows = {
  users: (Prisma.StaffUserCreateManyInput & { id: string })[];
  scopes: Prisma.StaffCollegeScopeCreateManyInput[];
};

/**
 * SPEC §1 demo staff: admin, registrar, support and one college account per college (college01…),
 * each scoped to its college. All share one argon2 hash (hashing is deliberately slow) and must change
 * the password outside demo mode.
 */
export function buildStaff(organisation: Organisation, passwordHash: string, now: Date): StaffRows {
  const base = { passwordHash, isDemo: true, mustChangePassword: true, createdAt: now, updatedAt: now };
  const users: StaffRows["users"] = [
    { ...base, id: newId(), username: "admin", displayName: "系统管理员", roles: "admin" },
    { ...base, id: newId(), username: "registrar", displayName: "学籍管理科", roles: "registrar" },
    { ...base, id: newId(), username: "support", displayName: "客服中心", roles: "support" },
  ];
  const scopes: StaffRows["scopes"] = [];
  organisation.colleges.forEach((college, i) => {
    const id = newId();
    const username = `college${String(i + 1).padStart(2, "0")}`;
    users.push({ ...base, id, username, displayName: `${college.name}学籍秘书`, roles: "college" });
    scopes.push({ staffUserId: id, collegeId: college.id });
  });
  return { users, scopes };
}
