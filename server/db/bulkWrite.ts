/**
 * Update statements per `bulkWrite` command. FerretDB v1 over PostgreSQL holds a pool connection for
 * each statement of an update command that found its document until the command ends: one command of
 * more statements than its pool has connections (50) waits forever, the engine idle (the demo seed's
 * final sealing and a bulk seed's credit write both hung so). Well under the pool, so that a few such
 * commands at once still fit; MongoDB takes the same chunks.
 */
export const WRITES_PER_COMMAND = 10;

/**
 * `Model.bulkWrite` of any number of operations, unordered, in commands the embedded engine can hold,
 * `atOnce` of them at a time (a few: their statements together must stay well under the pool).
 */
export async function bulkWriteInChunks<Op>(
  model: { bulkWrite(ops: Op[], options: { ordered: false }): Promise<unknown> },
  ops: Op[],
  atOnce = 1,
): Promise<void> {
  const chunks: Op[][] = [];
  for (let i = 0; i < ops.length; i += WRITES_PER_COMMAND) chunks.push(ops.slice(i, i + WRITES_PER_COMMAND));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await model.bulkWrite(chunks[next++]!, { ordered: false });
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, chunks.length) }, worker));
}
