// One data version for every cache: a write that changes derived data moves
// it in its own transaction; a refused write, or one that changed nothing,
// leaves it, so no cache is thrown away for nothing.
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/auth/viewer.js';
import { viewers } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

const version = async () => (await h.cypher<{ n: number }>("MATCH (v:DataVersion {id: 'data'}) RETURN v.n AS n"))[0]!.n;

/** Runs `query` (as `viewer`) and says how far the data version moved. */
async function moves(query: string, viewer: Viewer = viewers.admin): Promise<{ by: number; code: unknown }> {
  const before = await version();
  const result = await h.gql(query, {}, viewer);
  return { by: (await version()) - before, code: result.errors?.[0]?.extensions?.code ?? null };
}

describe('the data version', () => {
  it.each([
    ['a runner added', 'mutation { addRunner(project: "ulm-4-0", ags: "09162000", role: PARTNER) { slug } }'],
    ['a runner removed', 'mutation { removeRunner(project: "ulm-4-0", ags: "09162000") { slug } }'],
    ['a project topic', 'mutation { addProjectTopic(project: "ulm-4-0", topic: "energie") { slug } }'],
    ['an attendance', 'mutation { recordAttendance(event: "rk-ulm", attendee: { ags: "07137068" }) { slug } }'],
    ['an exchange link', 'mutation { linkExchange(from: "08421000", to: "09162000", kind: TRANSFER, since: "2024-01-01") { ags } }'],
    ['a declared interest', 'mutation { addInterest(ags: "07135101", topic: "mobilitaet") { ags } }'],
    ['a topic moved under another field', 'mutation { updateTopic(slug: "energie", input: { parent: "mobilitaet" }) { slug } }'],
    ['an event', 'mutation { createEvent(input: { slug: "rk-neu", title: "Neu", kind: WORKSHOP, startsAt: "2024-05-01T09:00:00Z" }) { slug } }'],
  ])('moves with %s', async (_what, query) => {
    expect(await moves(query)).toEqual({ by: 1, code: null });
  });

  it.each([
    ['NOT_FOUND', 'mutation { addRunner(project: "no-such-project", ags: "09162000", role: PARTNER) { slug } }', viewers.admin],
    ['FORBIDDEN', 'mutation { addRunner(project: "myk10", ags: "09162000", role: PARTNER) { slug } }', viewers.member('08421000')],
    ['NOT_FOUND', 'mutation { removeAttendance(event: "no-such-event", attendee: { ags: "07137068" }) { slug } }', viewers.admin],
  ])('stays when a write is refused (%s)', async (code, query, viewer) => {
    expect(await moves(query, viewer)).toEqual({ by: 0, code });
  });

  it('stays when a write changes nothing, or nothing derived', async () => {
    // Removing a runner that is none deletes nothing (and says so).
    expect((await moves('mutation { removeRunner(project: "ulm-4-0", ags: "07135102") { slug } }')).by).toBe(0);
    // A new name of a topic: the profiles and the reach graph know topics by slug.
    expect(await moves('mutation { updateTopic(slug: "energie", input: { name: "Energie und Wärme" }) { slug } }')).toEqual({ by: 0, code: null });
  });

  it('is what the caches check: a changed version gives a new reach snapshot, the same one none', async () => {
    const reach = '{ reach(from: { municipality: "08421000" }, maxHops: 1) { snapshotVersion } }';
    const first = (await h.ok(reach)).reach.snapshotVersion;
    expect((await h.ok(reach)).reach.snapshotVersion).toBe(first);
    await h.ok('mutation { addRunner(project: "ulm-4-0", ags: "07137003", role: PARTNER) { slug } }');
    expect((await h.ok(reach)).reach.snapshotVersion).toBe(first + 1);
  });
});
