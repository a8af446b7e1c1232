/**
 * Database errors a service expects and answers calmly (the one place these codes are read). Both generated clients (SQLite and
 * PostgreSQL) throw their own PrismaClientKnownRequestError class, so the code is read by shape.
 */
function codeOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** A unique constraint refused the write (P2002), e.g. a second account verified for one ID number. */
export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === "P2002";
}

/** PostgreSQL chose this transaction as a deadlock / serialisation victim (P2034). */
export function isWriteConflict(error: unknown): boolean {
  return codeOf(error) === "P2034" || /deadlock detected|could not serialize/i.test(String(error));
}
