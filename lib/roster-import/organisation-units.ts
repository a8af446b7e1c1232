import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { audit } from "@/lib/security/audit";

/**
 * Creating 分院 / 专业 / 班级, audited as organisation.create.<kind>: used by the organisation page and by a
 * correction approval that creates a unit the student asked for (lib/corrections/placement.ts). Callers
 * check the unit does not exist yet; a unique violation (someone else made it in the same moment) is theirs
 * to turn into a message.
 */
export type UnitKind = "college" | "major" | "classGroup";

/** The next free college code (C01, C02 …), as the roster import numbers new colleges. */
export async function nextCollegeCode(tx: Tx): Promise<string> {
  const count = await tx.college.count();
  for (let n = count + 1; ; n++) {
    const code = `C${String(n).padStart(2, "0")}`;
    if (!(await tx.college.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
}

export async function createCollegeUnit(
  tx: Tx,
  actor: Actor,
  unit: { name: string; code?: string },
  context: Record<string, string> = {},
): Promise<{ id: string }> {
  const code = unit.code || (await nextCollegeCode(tx));
  const created = await tx.college.create({ data: { code, name: unit.name }, select: { id: true } });
  await audit(tx, actor, {
    action: "organisation.create.college",
    targetType: "college",
    targetId: created.id,
    after: { code, name: unit.name, ...context },
  });
  return created;
}

export async function createMajorUnit(
  tx: Tx,
  actor: Actor,
  unit: { collegeId: string; name: string },
  context: Record<string, string> = {},
): Promise<{ id: string }> {
  const created = await tx.major.create({ data: unit, select: { id: true } });
  await audit(tx, actor, {
    action: "organisation.create.major",
    targetType: "major",
    targetId: created.id,
    after: { ...unit, ...context },
  });
  return created;
}

export async function createClassUnit(
  tx: Tx,
  actor: Actor,
  unit: { collegeId: string; majorId: string; name: string },
  context: Record<string, string> = {},
): Promise<{ id: string }> {
  const created = await tx.classGroup.create({ data: unit, select: { id: true } });
  await audit(tx, actor, {
    action: "organisation.create.classGroup",
    targetType: "classGroup",
    targetId: created.id,
    after: { ...unit, ...context },
  });
  return created;
}
