// The fault suite runs short inside `npm test` and in full with `npm run test:faults`
// (FANGXIN_FAULTS=full): more load, more kill cycles, longer outages.
export const FULL = process.env.FANGXIN_FAULTS === 'full';

export const pick = <T>(short: T, full: T): T => (FULL ? full : short);

/** One line per fault test with what it measured, for the closing note of a run. */
export function report(name: string, figures: Record<string, string | number>): void {
  console.log(
    `      [fault ${FULL ? 'full' : 'short'}] ${name}: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

/** A request that has not answered within this long hangs: far above any answer the server should give. */
export const HANG_MS = 20_000;

/** The answer, or 'hung' when it did not come within HANG_MS. */
export function orHang<T>(p: Promise<T>): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout;
  const hang = new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), HANG_MS)));
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}

/** Times the server logged (pino-http's responseTime) for its answers that `pick` selects. */
export function serverTimes(lines: string[], pick: (statusCode: number, url: string) => boolean): number[] {
  return lines.flatMap((line) => {
    try {
      const j = JSON.parse(line) as { req?: { url?: string }; res?: { statusCode?: number }; responseTime?: number };
      return j.res?.statusCode !== undefined && j.responseTime !== undefined && pick(j.res.statusCode, j.req?.url ?? '')
        ? [j.responseTime]
        : [];
    } catch {
      return [];
    }
  });
}
