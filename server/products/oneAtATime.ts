/**
 * Runs checks of one key (a product, a consumer) one at a time, each answering every call made
 * before it started: a check reads the facts and then writes the flag, so two overlapping checks
 * could let the one that read less write last, and a flag would miss the newest complaint. Calls
 * that arrive while a check runs share the one check after it.
 */
export function oneAtATime(check: (key: string) => Promise<unknown>) {
  const slots = new Map<string, { current: Promise<unknown>; next?: Promise<unknown> }>();
  const settle = (key: string, p: Promise<unknown>) => {
    const s = slots.get(key);
    if (s && s.current === p && !s.next) slots.delete(key);
  };
  return (key: string): Promise<unknown> => {
    const slot = slots.get(key);
    if (!slot) {
      const current: Promise<unknown> = check(key).finally(() => settle(key, current));
      slots.set(key, { current });
      return current;
    }
    if (slot.next) return slot.next;
    const next: Promise<unknown> = slot.current
      .catch(() => undefined)
      .then(() => {
        slot.current = next;
        slot.next = undefined;
        return check(key);
      })
      .finally(() => settle(key, next));
    slot.next = next;
    return next;
  };
}
