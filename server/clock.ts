// The time every deadline and job reads; tests move it instead of waiting.
let offsetMs = 0;
let frozen: number | null = null;

export function now(): Date {
  return new Date(frozen ?? Date.now() + offsetMs);
}

/** Test clock: freeze at an instant, or advance by some milliseconds. */
export const testClock = {
  set(at: Date) {
    frozen = at.getTime();
  },
  advance(ms: number) {
    if (frozen !== null) frozen += ms;
    else offsetMs += ms;
  },
  reset() {
    frozen = null;
    offsetMs = 0;
  },
};
