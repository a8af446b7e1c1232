import { z } from "zod";
import type { DecisionInput } from "./review";

const base = z.object({
  requestId: z.string().min(1).max(40),
  lockVersion: z.coerce.number().int().min(0),
  items: z.array(z.string().min(1).max(40)).min(1).max(30),
  note: z.string().max(2000).optional(),
  provincialRef: z.string().max(200).optional(),
});

/**
 * A review form's fields → DecisionInput: items (hidden ids), decision.<id> (accepted | rejected, may be
 * missing: the service reports it at the field), reason.<id>, note, lockVersion, create.<id> (create the
 * missing organisation unit of that item). Null when malformed.
 */
export function parseDecisionForm(formData: FormData): DecisionInput | null {
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v : undefined;
  };
  const parsed = base.safeParse({
    requestId: text("requestId"),
    lockVersion: text("lockVersion"),
    items: formData.getAll("items").filter((v): v is string => typeof v === "string"),
    note: text("note"),
    provincialRef: text("provincialRef"),
  });
  if (!parsed.success) return null;
  const decisions: DecisionInput["decisions"][number][] = [];
  for (const itemId of parsed.data.items) {
    const d = text(`decision.${itemId}`);
    if (d !== "accepted" && d !== "rejected") continue;
    decisions.push({ itemId, decision: d, reason: text(`reason.${itemId}`)?.slice(0, 2000) });
  }
  return {
    requestId: parsed.data.requestId,
    lockVersion: parsed.data.lockVersion,
    decisions,
    note: parsed.data.note,
    provincialRef: parsed.data.provincialRef,
    createUnits: parsed.data.items.filter((itemId) => text(`create.${itemId}`) === "1"),
  };
}

/** The checked request ids of a bulk form. */
export function parseBulkForm(formData: FormData): string[] {
  return formData
    .getAll("ids")
    .filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 40)
    .slice(0, 1000);
}
