import "server-only";
import { db } from "@/lib/db";
import { nameKey } from "@/lib/identity/name";
import type { AccountLookup } from "./store";

export type MatchInput = {
  key: string;
  name: string;
  idIndex: string;
  recordId?: string;
  currentAccountId?: string | null;
};

/** The same lookups through the app's Prisma client (single decisions). */
export const prismaAccountLookup: AccountLookup = {
  async verifiedAccounts(indexes) {
    const rows = await db.account.findMany({
      where: { verifiedIdIndex: { in: [...indexes] } },
      select: { id: true, name: true, verifiedIdIndex: true },
    });
    return rows.map((r) => ({ id: r.id, name: r.name, verifiedIdIndex: r.verifiedIdIndex as string }));
  },
  async approvedBindings(recordIds) {
    return db.recordBindingRequest.findMany({
      where: { status: "approved", recordId: { in: [...recordIds] } },
      select: { recordId: true, accountId: true },
    });
  },
};

/**
 * SPEC §4.1 for rows the import creates or whose 姓名/证件号码 it changes: the record belongs to the verified
 * account with the same name and ID number. A record the registrar bound to a renamed student (approved
 * RecordBindingRequest) stays bound while its ID number still equals the account's. Returns key → accountId.
 */
export async function matchAccounts(
  lookup: AccountLookup,
  inputs: readonly MatchInput[],
): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (inputs.length === 0) return result;
  const accounts = await lookup.verifiedAccounts([...new Set(inputs.map((i) => i.idIndex))]);
  const byIndex = new Map(accounts.map((a) => [a.verifiedIdIndex, a]));
  const bound = inputs.filter((i) => i.recordId && i.currentAccountId);
  const bindings = bound.length ? await lookup.approvedBindings(bound.map((i) => i.recordId as string)) : [];
  const approved = new Set(bindings.map((b) => `${b.recordId}\u0000${b.accountId}`));
  for (const input of inputs) {
    const account = byIndex.get(input.idIndex);
    const sameName = account && nameKey(account.name) === nameKey(input.name);
    const stillBound =
      account &&
      input.currentAccountId === account.id &&
      approved.has(`${input.recordId}\u0000${account.id}`);
    result.set(input.key, account && (sameName || stillBound) ? account.id : null);
  }
  return result;
}
