// Long computations give other requests a turn (src/db/turn.ts): a timer set before a paced loop of
// 120 ms runs several times during it; the same loop unpaced holds the event loop throughout.
import { describe, expect, it } from 'vitest';
import { pacer } from '../../src/db/turn.js';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

async function ticksDuring(loop: () => Promise<void>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  await loop();
  const seen = ticks;
  clearInterval(timer);
  return seen;
}

describe('pacer', () => {
  it('takes a turn every slice, so timers run during a long loop', async () => {
    const paced = await ticksDuring(async () => {
      const pace = pacer(20);
      for (let i = 0; i < 120; i++) {
        await pace();
        busy(1);
      }
    });
    const unpaced = await ticksDuring(async () => {
      for (let i = 0; i < 120; i++) busy(1);
      await Promise.resolve();
    });
    expect(paced).toBeGreaterThanOrEqual(4);
    expect(unpaced).toBe(0);
  });
});
