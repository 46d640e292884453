import { expect } from 'chai';
import { registerJob, startScheduler } from '../../server/jobs/scheduler.js';

describe('the job scheduler', function () {
  this.timeout(120_000);

  it('lets the job running at a stop finish and starts no further one (the database closes next)', async () => {
    let started!: () => void;
    let release!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const held = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    // Hourly, so other tests' runs in the same hour find their slots claimed.
    const hourly = (name: string, run: () => Promise<void>) => registerJob({ name: `${name}-${Date.now()}`, everyMs: 3_600_000, run });
    hourly('test-held', async () => {
      ran.push('held');
      started();
      await held;
    });
    hourly('test-next', async () => void ran.push('next'));
    const stop = startScheduler(3_600_000, 60_000);
    await running;
    const stopped = stop();
    release();
    await stopped;
    expect(ran).to.deep.equal(['held']);
  });
});
