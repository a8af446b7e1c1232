/**
 * Whether an error is Prisma's unique-constraint violation (P2002). Checked by code, not by class: the
 * SQLite and PostgreSQL clients are generated separately.
 */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
