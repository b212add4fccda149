/** Whether a Prisma error is a unique-constraint violation (`P2002`), whatever the driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Creates a record at most once per idempotency key: returns the existing record if there is one,
 * otherwise creates it; when a concurrent attempt with the same key wins the race, the unique
 * index rejects this insert and the winner's record is returned instead.
 *
 * @remarks `find` must look the record up by the key that `create` writes under a unique index.
 * @example
 * await createOnce(
 *   () => db.ticketAssignment.findUnique({ where: { idempotencyKey } }),
 *   () => db.ticketAssignment.create({ data: { idempotencyKey, runId, ticketId, team } }),
 * );
 */
export async function createOnce<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
  const existing = await find();
  if (existing !== null) return existing;
  try {
    return await create();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await find();
    if (winner === null) throw error;
    return winner;
  }
}
