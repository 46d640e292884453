import { expect } from 'chai';
import { addDeltas, readAllCounts, readCounts, sealCounts } from '../../server/counts/ledger.js';
import { resetDb } from '../helpers/database.js';

// The rebuild (and the start-up move of the day counts) reads the whole ledger while the server's
// sealer may fold it: a scope sealed between the read of the snapshots and the read of the deltas
// must not come out short (the rebuild would "repair" it wrong; its fault test saw counts differ).
describe('reading every scope’s counts while the sealer folds them', () => {
  const SCOPES = 30;
  const PER_SCOPE = 20;

  it('counts every scope exactly, however the reads and the sealer interleave', async function () {
    this.timeout(300_000);
    await resetDb();
    const want: Record<string, Record<string, number>> = {};
    for (let round = 0; round < 2; round++) {
      await addDeltas(
        Array.from({ length: SCOPES * PER_SCOPE }, (_, i) => {
          const scope = `t:all${i % SCOPES}`;
          const d = { x: 1, [`r${round}`]: 2 };
          want[scope] ??= {};
          for (const [k, v] of Object.entries(d)) want[scope][k] = (want[scope][k] ?? 0) + v;
          return { _id: `all:${round}:${i}`, scope, d };
        }),
      );
      // The sealer makes a generation for one scope after another; every whole read meanwhile is exact.
      let sealing = true;
      const sealer = sealCounts().finally(() => (sealing = false));
      let reads = 0;
      do {
        const counts = await readAllCounts();
        reads++;
        expect(Object.fromEntries([...counts].filter(([s]) => s.startsWith('t:all'))), `round ${round}, read ${reads}`).to.deep.equal(want);
      } while (sealing);
      await sealer;
    }
  });

  // A scope read before is read by its known generation's snapshot beside its deltas (ledger.ts
  // readScope): exact while the sealer makes the next generations, and after old ones are purged.
  it('counts one scope exactly by its known generation while the sealer folds it', async function () {
    this.timeout(300_000);
    await resetDb();
    const want: Record<string, Record<string, number>> = {};
    const scopes = Array.from({ length: 6 }, (_, i) => `t:one${i}`);
    for (let round = 0; round < 5; round++) {
      await addDeltas(
        Array.from({ length: scopes.length * PER_SCOPE }, (_, i) => {
          const scope = scopes[i % scopes.length]!;
          want[scope] ??= {};
          want[scope][`r${round}`] = (want[scope][`r${round}`] ?? 0) + 1;
          return { _id: `one:${round}:${i}`, scope, d: { [`r${round}`]: 1 } };
        }),
      );
      let sealing = true;
      const sealer = sealCounts().finally(() => (sealing = false));
      let reads = 0;
      do {
        const counts = await Promise.all(scopes.map(readCounts));
        reads++;
        expect(Object.fromEntries(scopes.map((s, i) => [s, counts[i]])), `round ${round}, read ${reads}`).to.deep.equal(want);
      } while (sealing);
      await sealer;
    }
  });
});
