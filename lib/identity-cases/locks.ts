import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Serialises writers that count an account's rows before adding one (upload and request limits). The
 * first statement of the transaction updates the account row: on PostgreSQL that takes the row lock, so a
 * concurrent transaction for the same account waits here and its later count (a new statement under READ
 * COMMITTED) sees the committed row; SQLite runs one write transaction at a time anyway.
 */
export async function lockAccount(tx: Pick<Tx, "account">, accountId: string): Promise<boolean> {
  const { count } = await tx.account.updateMany({
    where: { id: accountId },
    data: { updatedAt: new Date() },
  });
  return count === 1;
}

/**
 * Serialises every resolution of one ID number: all accounts holding it are locked in one statement, so two
 * resolutions racing for the same number run one after the other and the second sees the first's result.
 */
export async function lockIdNumberHolders(tx: Pick<Tx, "account">, idNumberIndex: string): Promise<void> {
  await tx.account.updateMany({ where: { idNumberIndex }, data: { updatedAt: new Date() } });
}
