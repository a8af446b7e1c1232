import "server-only";
import { db } from "@/lib/db";
import { nameKey } from "@/lib/identity/name";

export type MatchInput = { key: string; name: string; idIndex: string; recordId?: string; currentAccountId?: string | null };

/**
 * SPEC §4.1 for rows the import creates or whose 姓名/证件号码 it changes: the record belongs to the verified
 * account with the same name and ID number. A record the registrar bound to a renamed student (approved
 * RecordBindingRequest) stays bound while its ID number still equals the account's. Returns key → accountId.
 */
export async function matchAccounts(inputs: readonly MatchInput[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (inputs.length === 0) return result;
  const indexes = [...new Set(inputs.map((i) => i.idIndex))];
  const accounts = await db.account.findMany({
    where: { verifiedIdIndex: { in: indexes } },
    select: { id: true, name: true, verifiedIdIndex: true },
  });
  const byIndex = new Map(accounts.map((a) => [a.verifiedIdIndex as string, a]));
  const boundRecords = inputs.filter((i) => i.recordId && i.currentAccountId);
  const bindings = boundRecords.length
    ? await db.recordBindingRequest.findMany({
        where: { status: "approved", recordId: { in: boundRecords.map((i) => i.recordId as string) } },
        select: { recordId: true, accountId: true },
      })
    : [];
  const bound = new Set(bindings.map((b) => `${b.recordId}\u0000${b.accountId}`));
  for (const input of inputs) {
    const account = byIndex.get(input.idIndex);
    if (account && nameKey(account.name) === nameKey(input.name)) {
      result.set(input.key, account.id);
    } else if (
      account &&
      input.currentAccountId === account.id &&
      bound.has(`${input.recordId}\u0000${account.id}`)
    ) {
      result.set(input.key, account.id);
    } else {
      result.set(input.key, null);
    }
  }
  return result;
}
