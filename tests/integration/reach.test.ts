// Network reach on the fixture graph, against sets and figures computed by hand.
//
// Links: project myk10 (2021-01-01) 07137–07137068–07137003; ulm-4-0 (2019) Ulm alone; muenchen-mobil (2022) München alone;
// dorf-energie (undated) 07135101–07135102; event rk-myk (2022-03-22) host 07137 + Mayen + Ulm;
// rk-ulm (2022-04-05) host Ulm + München; kongress-2023 (2023-06-01) hosted by an organization, no municipality;
// exchanges Ulm→07137 ROLE_MODEL (2022-05-01), 07137→Mayen KNOWLEDGE_EXCHANGE (2023-01-15).
// Gemeinden: Mayen 19,162, Andernach 29,919, Ulm 126,790, München 1,484,226, 25 Testdörfer 1,000…25,000 (325,000).
import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/use-harness.js';
import { loadFixture } from '../support/fixture.js';

const h = useHarness();

const ok = <T = any>(query: string, variables?: Record<string, unknown>) => h.ok<T>(query, variables);

const REACH = `query ($from: ReachSource!, $maxHops: Int, $linkKinds: [ReachLinkKind!], $asOf: Date) {
  reach(from: $from, maxHops: $maxHops, linkKinds: $linkKinds, asOf: $asOf) {
    seeds reachedCount snapshotVersion
    municipalities { reached total share populationReached populationTotal populationShare }
    byState { key share { reached total } }
    bySizeClass { key share { reached total } }
    byKreis { key kreis { name } share { reached total } }
    reached(first: 20) { totalCount edges { hops node { ags } path { municipality { ags } via } } }
    whiteSpots { kreis { ags } population gemeinden }
    whiteSpotStates { state }
  }
}`;

const TOTAL_POPULATION = 19_162 + 29_919 + 126_790 + 1_484_226 + 325_000;

describe('reach', () => {
  it('from the first regional conference, one hop: sets, shares, breakdowns, paths, white spots', async () => {
    const { reach } = await ok(REACH, { from: { event: 'rk-myk' }, maxHops: 1 });
    expect(reach.seeds).toBe(3);
    expect(reach.reachedCount).toBe(5);
    expect(reach.reached.edges.map((e: any) => [e.hops, e.node.ags])).toEqual([
      [0, '07137'],
      [0, '07137068'],
      [0, '08421000'],
      [1, '07137003'],
      [1, '09162000'],
    ]);
    expect(reach.reached.edges[3].path).toEqual([
      { municipality: { ags: '07137' }, via: null },
      { municipality: { ags: '07137003' }, via: 'project:myk10' },
    ]);
    expect(reach.reached.edges[4].path).toEqual([
      { municipality: { ags: '08421000' }, via: null },
      { municipality: { ags: '09162000' }, via: 'event:rk-ulm' },
    ]);
    const reachedPopulation = 19_162 + 29_919 + 126_790 + 1_484_226;
    expect(reach.municipalities).toEqual({
      reached: 4,
      total: 29,
      share: 4 / 29,
      populationReached: reachedPopulation,
      populationTotal: TOTAL_POPULATION,
      populationShare: reachedPopulation / TOTAL_POPULATION,
    });
    expect(reach.byState).toEqual([
      { key: 'BADEN_WUERTTEMBERG', share: { reached: 1, total: 1 } },
      { key: 'BAYERN', share: { reached: 1, total: 1 } },
      { key: 'RHEINLAND_PFALZ', share: { reached: 2, total: 27 } },
    ]);
    expect(reach.byKreis).toEqual([
      { key: '07137', kreis: { name: 'Mayen-Koblenz' }, share: { reached: 2, total: 2 } },
      { key: '08421000', kreis: { name: 'Ulm, Universitätsstadt' }, share: { reached: 1, total: 1 } },
      { key: '09162000', kreis: { name: 'München, Landeshauptstadt' }, share: { reached: 1, total: 1 } },
    ]);
    expect(reach.whiteSpots).toEqual([{ kreis: { ags: '07135' }, population: 325_000, gemeinden: 25 }]);
    expect(reach.whiteSpotStates).toEqual([]);
  });

  it('honours maxHops and link kinds', async () => {
    expect((await ok(REACH, { from: { event: 'rk-myk' }, maxHops: 0 })).reach.reachedCount).toBe(3);
    // Only exchange links: from Mayen, KNOWLEDGE_EXCHANGE to 07137, then ROLE_MODEL to Ulm.
    const exchanges = (await ok(REACH, { from: { municipality: '07137068' }, maxHops: 2, linkKinds: ['ROLE_MODEL', 'KNOWLEDGE_EXCHANGE'] })).reach;
    expect(exchanges.reached.edges.map((e: any) => e.node.ags)).toEqual(['07137068', '07137', '08421000']);
    // The whole programme: every runner of a model project.
    expect((await ok(REACH, { from: { programme: true }, maxHops: 0 })).reach.seeds).toBe(5);
  });

  it('as of a day counts only the links dated by then', async () => {
    const before = (await ok(REACH, { from: { municipality: '07137068' }, maxHops: 2, asOf: '2022-03-21' })).reach;
    expect(before.reached.edges.map((e: any) => e.node.ags)).toEqual(['07137068', '07137', '07137003']);
    const after = (await ok(REACH, { from: { municipality: '07137068' }, maxHops: 2, asOf: '2022-04-05' })).reach;
    expect(after.reached.edges.map((e: any) => e.node.ags)).toEqual(['07137068', '07137', '07137003', '08421000', '09162000']);
  });

  it('reproduces the hand-computed timeline: what each event added', async () => {
    const { reachGrowth } = await ok(`{ reachGrowth(from: { municipality: "07137068" }, maxHops: 2) { event { slug } date before after added populationAdded } }`);
    expect(reachGrowth).toEqual([
      { event: { slug: 'rk-myk' }, date: '2022-03-22', before: 2, after: 3, added: 1, populationAdded: 126_790 },
      { event: { slug: 'rk-ulm' }, date: '2022-04-05', before: 3, after: 4, added: 1, populationAdded: 1_484_226 },
      { event: { slug: 'kongress-2023' }, date: '2023-06-01', before: 4, after: 4, added: 0, populationAdded: 0 },
    ]);
  });

  it('credits each of two events on the same day with what it alone added', async () => {
    await ok(`mutation { createEvent(input: { slug: "same-day-forum", title: "Forum", kind: EXPERT_FORUM, startsAt: "2022-04-05T14:00:00Z" }) { slug } }`);
    await ok(`mutation { a: recordAttendance(event: "same-day-forum", attendee: { ags: "08421000" }) { slug }
                         b: recordAttendance(event: "same-day-forum", attendee: { ags: "07135101" }) { slug } }`);
    const { reachGrowth } = await ok(`{ reachGrowth(from: { municipality: "07137068" }, maxHops: 2) { event { slug } before after added populationAdded } }`);
    // rk-ulm (first by slug) adds München; the forum that afternoon adds Testdorf 01 through Ulm.
    expect(reachGrowth.slice(1, 3)).toEqual([
      { event: { slug: 'rk-ulm' }, before: 3, after: 4, added: 1, populationAdded: 1_484_226 },
      { event: { slug: 'same-day-forum' }, before: 4, after: 5, added: 1, populationAdded: 1_000 },
    ]);
    await ok(`mutation { deleteEvent(slug: "same-day-forum") { deletedId } }`);
  });

  it('reuses the snapshot until a write changes the reach graph, then answers from a new one', async () => {
    const first = (await ok(REACH, { from: { event: 'kongress-2023' }, maxHops: 1 })).reach;
    const loads = h.reachSnapshots.loads;
    const again = (await ok(REACH, { from: { event: 'kongress-2023' }, maxHops: 1 })).reach;
    expect(h.reachSnapshots.loads).toBe(loads);
    expect(again.snapshotVersion).toBe(first.snapshotVersion);
    expect(first.reachedCount).toBe(0);
    await ok(`mutation { recordAttendance(event: "kongress-2023", attendee: { ags: "07135101" }) { slug } }`);
    const fresh = (await ok(REACH, { from: { event: 'kongress-2023' }, maxHops: 1 })).reach;
    expect(fresh.snapshotVersion).toBeGreaterThan(first.snapshotVersion);
    expect(h.reachSnapshots.loads).toBe(loads + 1);
    expect(fresh.reached.edges.map((e: any) => e.node.ags)).toEqual(['07135101', '07135102']);
  });

  it.each([
    ['maxHops beyond the cap', { from: { event: 'rk-myk' }, maxHops: 7 }, 'BAD_USER_INPUT', /maxHops: must be at most 6/],
    ['negative maxHops', { from: { event: 'rk-myk' }, maxHops: -1 }, 'BAD_USER_INPUT', /maxHops/],
    ['an unknown event', { from: { event: 'no-such-event' } }, 'NOT_FOUND', /Event 'no-such-event'/],
    ['an unknown municipality', { from: { municipality: '01001000' } }, 'NOT_FOUND', /Municipality '01001000'/],
    ['an unknown project', { from: { project: 'no-such-project' } }, 'NOT_FOUND', /Project 'no-such-project'/],
    ['two sources', { from: { event: 'rk-myk', municipality: '07137' } }, 'BAD_USER_INPUT', /exactly one/],
    ['no source', { from: {} }, 'BAD_USER_INPUT', /exactly one/],
    ['a date in the wrong format', { from: { event: 'rk-myk' }, asOf: '22.03.2022' }, 'BAD_USER_INPUT', /LocalDate|Date/],
  ])('%s', async (_name, variables, code, says) => {
    const result = await h.gql(REACH, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(says);
  });
});

describe('brokers and communities', () => {
  const NETWORK = `{ reachNetwork {
    status computedAt snapshotVersion nodes edges
    brokers(first: 4) { municipality { ags } betweenness degree }
    communities { id size members { ags } dominantTopics { slug } }
  } }`;

  /** Asks until the background computation has finished (it takes milliseconds here). */
  async function ready(): Promise<any> {
    for (let i = 0; i < 50; i++) {
      const { reachNetwork } = await ok(NETWORK);
      if (reachNetwork.status === 'READY') return reachNetwork;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the network analysis did not finish');
  }

  it('computes betweenness, degree and communities as computed by hand, off the request path', async () => {
    await h.reset();
    await loadFixture(h);
    const first = (await ok(NETWORK)).reachNetwork;
    expect(first.status).toBe('COMPUTING');
    expect(first.brokers).toEqual([]);
    const network = await ready();
    // Graph: triangle 07137–Mayen–Andernach (myk10), 07137–Ulm and Mayen–Ulm (rk-myk), Ulm–München (rk-ulm), 07135101–07135102.
    expect(network).toMatchObject({ nodes: 7, edges: 7 });
    expect(network.computedAt).toEqual(expect.any(String));
    // Ulm lies on 3 shortest paths (07137–München, Mayen–München, Andernach–München); 07137 and Mayen each on half of Andernach–Ulm and Andernach–München.
    expect(network.brokers).toEqual([
      { municipality: { ags: '08421000' }, betweenness: 3, degree: 3 },
      { municipality: { ags: '07137' }, betweenness: 1, degree: 3 },
      { municipality: { ags: '07137068' }, betweenness: 1, degree: 3 },
      { municipality: { ags: '07137003' }, betweenness: 0, degree: 2 },
    ]);
    // The modularity optimum (Q = 0.2857, above 0.2449 for the two components) splits Ulm–München from the Mayen-Koblenz triangle.
    expect(network.communities).toEqual([
      { id: 0, size: 3, members: [{ ags: '07137' }, { ags: '07137003' }, { ags: '07137068' }], dominantTopics: [{ slug: 'buergerbeteiligung' }, { slug: 'mobilitaet' }, { slug: 'energie' }] },
      { id: 1, size: 2, members: [{ ags: '07135101' }, { ags: '07135102' }], dominantTopics: [{ slug: 'energie' }] },
      { id: 2, size: 2, members: [{ ags: '08421000' }, { ags: '09162000' }], dominantTopics: [{ slug: 'energie' }, { slug: 'sharing' }, { slug: 'verkehrssteuerung' }] },
    ]);
  });

  it('gives the graph itself as columns in broker order, links as positions, cut to the first nodes on request', async () => {
    await ready();
    const { reachNetwork } = await ok(`{ reachNetwork {
      all: graph { truncated ags name community betweenness degree linkSource linkTarget }
      top: graph(first: 3) { truncated ags linkSource linkTarget }
    } }`);
    // Broker order as above, then the nodes of betweenness 0 by degree and AGS.
    expect(reachNetwork.all).toEqual({
      truncated: false,
      ags: ['08421000', '07137', '07137068', '07137003', '07135101', '07135102', '09162000'],
      name: ['Ulm, Universitätsstadt', 'Mayen-Koblenz', 'Mayen, Stadt', 'Andernach, Stadt', expect.any(String), expect.any(String), 'München, Landeshauptstadt'],
      community: [2, 0, 0, 0, 1, 1, 2],
      betweenness: [3, 1, 1, 0, 0, 0, 0],
      degree: [3, 3, 3, 2, 1, 1, 1],
      // Ulm–07137, Ulm–Mayen, Ulm–München, the triangle 07137–Mayen–Andernach, 07135101–07135102.
      linkSource: [0, 0, 0, 1, 1, 2, 4],
      linkTarget: [1, 2, 6, 2, 3, 3, 5],
    });
    expect(reachNetwork.top).toEqual({ truncated: true, ags: ['08421000', '07137', '07137068'], linkSource: [0, 0, 1], linkTarget: [1, 2, 2] });
  });

  it('says STALE after a write until the new snapshot is analysed', async () => {
    const before = await ready();
    await ok(`mutation { linkExchange(from: "09162000", to: "07135101", kind: TRANSFER) { ags } }`);
    const stale = (await ok(NETWORK)).reachNetwork;
    expect(stale.status).toBe('STALE');
    expect(stale.snapshotVersion).toBe(before.snapshotVersion);
    const after = await ready();
    expect(after.snapshotVersion).toBeGreaterThan(before.snapshotVersion);
    expect(after.edges).toBe(8);
  });
});
