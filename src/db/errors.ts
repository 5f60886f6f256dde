/** What the database's errors mean, read the same way on both engines (pg and PGlite report SQLSTATE codes alike). */

/** A unique index or constraint refused a row: PostgreSQL's SQLSTATE 23505, on the named index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return typeof e === 'object' && e !== null && e.code === '23505' && e.constraint === constraint;
}
