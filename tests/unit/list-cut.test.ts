// A list cut at its cap is counted every time and logged once per list (src/schema.ts, capLists):
// a hub's explanation is cut on every request that shows it, and a warning each time would drown the log.
import { describe, expect, it } from 'vitest';
import { metrics, registry } from '../../src/metrics.js';

async function cuts(list: string): Promise<number> {
  const metric = await registry.getSingleMetric('scg_list_cut_total')!.get();
  return metric.values.find((v) => v.labels.list === list)?.value ?? 0;
}

describe('a list cut at its cap', () => {
  it('is logged the first time per list, counted every time', async () => {
    expect(metrics.listCut('Test.first')).toBe(true);
    expect(metrics.listCut('Test.first')).toBe(false);
    expect(metrics.listCut('Test.first')).toBe(false);
    expect(metrics.listCut('Test.second')).toBe(true);
    expect(await cuts('Test.first')).toBe(3);
    expect(await cuts('Test.second')).toBe(1);
  });
});
