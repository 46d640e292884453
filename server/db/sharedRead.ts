// One read for concurrent callers that may not be answered from before their call (a stamp that says
// whether a cache is still good: a change stored before the call must be seen). A caller joins the
// read that has not left yet, never one already out, which could have left before a change the caller
// must see; callers arriving while a read is out share the next, which leaves once that one is back,
// as group inserts do (groupInsert.ts). A lone caller's read leaves at the next turn.
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let joinable: Promise<T> | null = null;
  let out: Promise<unknown> = Promise.resolve();
  return () => {
    if (joinable) return joinable;
    const next: Promise<T> = out
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => {
        joinable = null;
        return read();
      });
    joinable = next;
    out = next.catch(() => undefined);
    return next;
  };
}
