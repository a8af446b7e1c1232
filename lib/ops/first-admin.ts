import "server-only";
import type { Db } from "@/lib/db/client";
import { parseRoles } from "@/lib/auth/actor";
import { generateInitialPassword } from "@/lib/admin/initial-password";
import { staffUsernameSchema } from "@/lib/admin/staff-schemas";
import { audit } from "@/lib/security/audit";
import { hashPassword } from "@/lib/security/passwords";

export type FirstAdminOutcome =
  { ok: true; username: string; password: string } | { ok: false; reason: string };

/** Usernames of the enabled administrators. */
export async function activeAdmins(client: Db): Promise<string[]> {
  const rows = await client.staffUser.findMany({
    where: { disabledAt: null, roles: { contains: "admin" } },
    select: { username: true, roles: true },
  });
  return rows.filter((r) => parseRoles(r.roles).includes("admin")).map((r) => r.username);
}

/**
 * The first administrator of a production install (no demo data, so nobody could sign in yet): a random
 * one-time password, returned once to be printed, that must be changed at the first sign-in. Refused when
 * an enabled administrator exists already: further staff are created by an admin at /admin/staff.
 */
export async function createFirstAdmin(
  client: Db,
  input: { username: string; displayName?: string },
): Promise<FirstAdminOutcome> {
  const username = staffUsernameSchema.safeParse(input.username);
  if (!username.success) {
    return { ok: false, reason: "the username must be 3–32 characters: a–z first, then a–z, 0–9, . _ -" };
  }
  const admins = await activeAdmins(client);
  if (admins.length > 0) {
    return {
      ok: false,
      reason: `an administrator exists already (${admins.join(", ")}): create further staff at /admin/staff`,
    };
  }
  if (await client.staffUser.findUnique({ where: { username: username.data }, select: { id: true } })) {
    return { ok: false, reason: `the username ${username.data} is taken` };
  }
  const password = generateInitialPassword();
  const passwordHash = await hashPassword(password);
  await client.$transaction(async (tx) => {
    const user = await tx.staffUser.create({
      data: {
        username: username.data,
        displayName: input.displayName?.trim() || username.data,
        passwordHash,
        roles: "admin",
        mustChangePassword: true,
      },
      select: { id: true },
    });
    await audit(tx, null, {
      action: "staff.create",
      targetType: "staff",
      targetId: user.id,
      after: { username: username.data, roles: ["admin"], firstAdmin: true },
    });
  });
  return { ok: true, username: username.data, password };
}
