// The network analysis runs in a worker thread (src/features/reach/reach.thread.ts), so its seconds of
// CPU (minutes at 16 times the benchmark's data) never hold up the event loop: same answer as on the
// main thread, another thread, a failed job failing alone.
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { Group, MunicipalityMeta, Snapshot } from '../../src/features/reach/reach.compute.js';
import { computeNetwork } from '../../src/features/reach/reach.network.js';
import { NetworkThread } from '../../src/features/reach/reach.thread.js';

const municipality = (ags: string): MunicipalityMeta => ({ ags, name: `Gemeinde ${ags}`, kind: 'GEMEINDE', state: 'BAYERN', population: 1000, sizeClass: null, kreis: ags.slice(0, 5) });
const group = (id: string, kind: Group['kind'], members: string[], date: string | null = null): Group => ({ id, kind, date, members, programme: null, generatedMembers: [] });
const AGS = ['091620000001', '091620000002', '091620000003', '091620000004', '091620000005', '091620000006'];
const snapshot: Snapshot = {
  version: 7,
  loadedAt: '2026-12-03T00:00:00Z',
  municipalities: new Map(AGS.map((ags) => [ags, municipality(ags)])),
  groups: [group('p1', 'PROJECT', AGS.slice(0, 3)), group('e1', 'EVENT', AGS.slice(2, 5), '2025-05-01'), group('e2', 'EVENT', AGS.slice(4), '2027-01-01')],
  exchanges: [{ from: AGS[0]!, to: AGS[5]!, kind: 'TRANSFER', since: null, generated: false }],
  abroad: [],
  topicsOf: new Map([[AGS[0]!, ['mobilitaet']], [AGS[1]!, ['mobilitaet', 'energie']]]),
};

describe('the network analysis in its worker', () => {
  const thread = new NetworkThread();
  afterAll(() => thread.close());

  it('answers as the computation on the main thread does, from another thread', async () => {
    for (const [kinds, asOf] of [[['PROJECT', 'EVENT', 'TRANSFER'], '2026-12-03'], [['PROJECT', 'EVENT'], null], [['EVENT'], '2025-01-01']] as const) {
      const got = await thread.compute(snapshot, kinds, asOf);
      expect(got).toEqual(computeNetwork(snapshot, new Set(kinds), asOf));
    }
    expect(computeNetwork(snapshot, new Set(['PROJECT', 'EVENT', 'TRANSFER']), '2026-12-03').brokers[0]).toMatchObject({ ags: AGS[2], degree: 4 });
    expect(thread.threadId).not.toBeNull();
    expect(thread.threadId).not.toBe(threadId);
  });

  it('answers jobs sent together, each with its own result', async () => {
    const [a, b] = await Promise.all([thread.compute(snapshot, ['PROJECT'], null), thread.compute(snapshot, ['EVENT'], null)]);
    expect(a.nodes).toBe(3);
    expect(b.nodes).toBe(4);
  });

  it('fails a job that throws in the worker, and the next job still runs', async () => {
    const broken = { ...snapshot, groups: null } as unknown as Snapshot;
    await expect(thread.compute(broken, ['PROJECT'], null)).rejects.toThrow(/network analysis failed in its worker/);
    expect((await thread.compute(snapshot, ['PROJECT'], null)).nodes).toBe(3);
  });

  it('after the worker is stopped, starts a new one for the next job', async () => {
    const before = thread.threadId;
    await thread.close();
    expect((await thread.compute(snapshot, ['PROJECT'], null)).edges).toBe(3);
    expect(thread.threadId).not.toBe(before);
  });
});
