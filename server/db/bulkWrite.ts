/**
 * Update statements per `bulkWrite` command. FerretDB v1 over PostgreSQL holds a pool connection for
 * each statement of an update command that found its document until the command ends: one command of
 * more statements than its pool has connections (50) waits forever, the engine idle (the demo seed's
 * final sealing and a bulk seed's credit write both hung so). Well under the pool, so that a few such
 * commands at once still fit; MongoDB takes the same chunks.
 */
export const WRITES_PER_COMMAND = 10;

/** `Model.bulkWrite` of any number of operations, unordered, in commands the embedded engine can hold. */
export async function bulkWriteInChunks<Op>(
  model: { bulkWrite(ops: Op[], options: { ordered: false }): Promise<unknown> },
  ops: Op[],
): Promise<void> {
  for (let i = 0; i < ops.length; i += WRITES_PER_COMMAND) await model.bulkWrite(ops.slice(i, i + WRITES_PER_COMMAND), { ordered: false });
}
