// Discovery on the fixture graph, against scores computed by hand.
//
// Profiles by default (own projects' topics and declared interests 1, the field above a sub-topic 0.5;
// inherited topics only with profile: INHERITED_AND_INTERESTS, see peers-for-all.test.ts):
//   07137 Mayen-Koblenz, 07137003 Andernach: mobilitaet, buergerbeteiligung   (project myk10)
//   07137068 Mayen: mobilitaet, buergerbeteiligung, energie                    (myk10 + declared interest)
//   08421000 Ulm: sharing, mobilitaet 0.5                                      (ulm-4-0)
//   09162000 München: verkehrssteuerung, energie, mobilitaet 0.5              (muenchen-mobil)
//   07135101, 07135102 Testdorf 01/02: energie                                 (dorf-energie)
// N = 7; idf = ln(8 / (1 + df)) + 1 with df mobilitaet 5, buergerbeteiligung 3, energie 4, sharing 1, verkehrssteuerung 1.
// These tests rank by topics alone (rankBy: TOPICS); the combination with structure is tested below.
import { describe, expect, it } from 'vitest';
import { viewers } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';
import { CONTACT_PRIVATE, CONTACT_PUBLIC } from '../support/fixture.js';

const h = useHarness();

const ok = <T = any>(query: string, variables?: Record<string, unknown>) => h.ok<T>(query, variables);

const idf = { mobilitaet: Math.log(8 / 6) + 1, buergerbeteiligung: Math.log(8 / 4) + 1, energie: Math.log(8 / 5) + 1, sharing: Math.log(8 / 2) + 1, verkehrssteuerung: Math.log(8 / 2) + 1 };
const PEERS = `query ($ags: String!, $filter: PeerFilter, $first: Int, $after: String, $rankBy: PeerRanking = TOPICS) {
  peers(ags: $ags, filter: $filter, first: $first, after: $after, rankBy: $rankBy) {
    totalCount
    edges { cursor score node { ags } explanation { distanceKm sizeClass ownSizeClass sharedTopics { topic { slug } weight rarity } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const peersOf = async (ags: string, filter?: object, first = 20) => (await ok(PEERS, { ags, filter, first })).peers;
const agsOf = (conn: any) => conn.edges.map((e: any) => e.node.ags);

describe('peers', () => {
  it('ranks Mayen’s peers by the hand-computed scores, ties by AGS', async () => {
    const peers = await peersOf('07137068');
    expect(agsOf(peers)).toEqual(['07137', '07137003', '07135101', '07135102', '09162000', '08421000']);
    expect(peers.totalCount).toBe(6);
    const own = idf.mobilitaet + idf.buergerbeteiligung + idf.energie;
    const scores = peers.edges.map((e: any) => e.score);
    expect(scores[0]).toBeCloseTo((idf.mobilitaet + idf.buergerbeteiligung) / own, 9); // 0.6697
    expect(scores[2]).toBeCloseTo(idf.energie / own, 9); // 0.3303
    const withMuenchen = own + idf.verkehrssteuerung;
    expect(scores[4]).toBeCloseTo((idf.energie + 0.5 * idf.mobilitaet) / withMuenchen, 9); // 0.3092
    expect(scores[5]).toBeCloseTo((0.5 * idf.mobilitaet) / (own + idf.sharing), 9); // 0.0942
    // Cochem-Zell runs nothing itself: what its Gemeinden run counts only with INHERITED_AND_INTERESTS.
  });

  it('keeps the profiles per data version: a write that changes a profile is seen by the next request, and nothing else re-reads them', async () => {
    const before = await h.gql(PEERS, { ags: '07137068', first: 20 });
    expect(before.statements).not.toContain('discovery.profiles'); // read by an earlier request of this file
    // München takes an interest in Bürgerbeteiligung: it now shares more with Mayen.
    await h.ok('mutation { addInterest(ags: "09162000", topic: "buergerbeteiligung") { ags } }');
    const after = await h.gql(PEERS, { ags: '07137068', first: 20 });
    await h.ok('mutation { removeInterest(ags: "09162000", topic: "buergerbeteiligung") { ags } }');
    // The asker's statement reports a newer version: the profiles are read again, once;
    // then the page's municipalities and shared topics, in one wave (in either order).
    expect(after.statements.slice(0, 2)).toEqual(['discovery.asker', 'discovery.profiles']);
    expect([...after.statements.slice(2)].sort()).toEqual(['municipality.byAgs', 'topic.bySlug']);
    const scoreOf = (r: any) => r.data.peers.edges.find((e: any) => e.node.ags === '09162000').score;
    expect(scoreOf(after)).toBeGreaterThan(scoreOf(before));
    expect(scoreOf(await h.gql(PEERS, { ags: '07137068', first: 20 }))).toBeCloseTo(scoreOf(before), 12);
  });

  it('reads the profiles once after a change, however many requests ask at the same time', async () => {
    await h.ok('mutation { addInterest(ags: "09162000", topic: "buergerbeteiligung") { ags } }');
    const loads = h.caches.profiles.loads;
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => h.gql(PEERS, { ags: '07137068', first: 3 })));
      expect(answers.every((a) => !a.errors && a.data!.peers.edges.length === 3)).toBe(true);
      expect(h.caches.profiles.loads - loads).toBe(1);
    } finally {
      await h.ok('mutation { removeInterest(ags: "09162000", topic: "buergerbeteiligung") { ags } }');
    }
  });

  it('explains each peer: shared topics with weights adding up to the score, distance, both size classes', async () => {
    const peers = await peersOf('07137068');
    const muenchen = peers.edges.find((e: any) => e.node.ags === '09162000');
    const union = idf.mobilitaet + idf.buergerbeteiligung + idf.energie + idf.verkehrssteuerung;
    expect(muenchen.explanation.sharedTopics.map((s: any) => s.topic.slug)).toEqual(['energie', 'mobilitaet']);
    expect(muenchen.explanation.sharedTopics[0].weight).toBeCloseTo(idf.energie / union, 9);
    expect(muenchen.explanation.sharedTopics[1].weight).toBeCloseTo((0.5 * idf.mobilitaet) / union, 9);
    expect(muenchen.explanation.sharedTopics[1].rarity).toBeCloseTo(idf.mobilitaet, 9);
    expect(muenchen.explanation.sharedTopics.reduce((n: number, s: any) => n + s.weight, 0)).toBeCloseTo(muenchen.score, 12);
    expect(muenchen.explanation).toMatchObject({ sizeClass: 'GROSSSTADT', ownSizeClass: 'KLEINSTADT' });
    // Mayen (50.3287, 7.2223) to München (48.137, 11.575): about 390 km.
    expect(muenchen.explanation.distanceKm).toBeGreaterThan(380);
    expect(muenchen.explanation.distanceKm).toBeLessThan(400);
    // The Kreis has no position in the fixture: no distance rather than a wrong one.
    expect(peers.edges[0].explanation.distanceKm).toBeNull();
  });

  it('filters by Land, kind, size class, programme membership and own Kreis', async () => {
    expect(agsOf(await peersOf('07137068', { state: 'BAYERN' }))).toEqual(['09162000']);
    expect(agsOf(await peersOf('07137068', { kinds: ['GEMEINDE'] }))).toEqual(['07135101', '07135102']);
    expect(agsOf(await peersOf('07137068', { sizeClasses: ['GROSSSTADT'] }))).toEqual(['09162000', '08421000']);
    expect(agsOf(await peersOf('07137068', { programmeMembersOnly: true }))).toEqual(['07137', '07137003', '09162000', '08421000']);
    expect(agsOf(await peersOf('07137068', { excludeOwnKreis: true }))).toEqual(['07135101', '07135102', '09162000', '08421000']);
    // A Kreis's own Gemeinden are its own Kreis; the Testdörfer share nothing with the Kreis.
    expect(agsOf(await peersOf('07137'))).toEqual(['07137003', '07137068', '08421000', '09162000']);
    expect(agsOf(await peersOf('07137', { excludeOwnKreis: true }))).toEqual(['08421000', '09162000']);
  });

  it('keeps a town just inside the radius and drops it just outside', async () => {
    const all = await peersOf('07137068');
    const andernach = all.edges.find((e: any) => e.node.ags === '07137003').explanation.distanceKm as number;
    expect(andernach).toBeGreaterThan(10);
    expect(andernach).toBeLessThan(20);
    expect(agsOf(await peersOf('07137068', { radiusKm: andernach + 0.05 }))).toEqual(['07137003']);
    expect(agsOf(await peersOf('07137068', { radiusKm: andernach - 0.05 }))).toEqual([]);
    // Around a given point instead of the asker: 5 km around Ulm's town hall.
    expect(agsOf(await peersOf('07137068', { radiusKm: 5, near: { lat: 48.3985, lon: 9.9925 } }))).toEqual(['08421000']);
  });

  it('pages through peers without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const conn: any = (await ok(PEERS, { ags: '07137068', first: 2, after })).peers;
      seen.push(...agsOf(conn));
      expect(conn.totalCount).toBe(6);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(['07137', '07137003', '07135101', '07135102', '09162000', '08421000']);
  });

  it('costs one statement for the ranking (the profiles kept per data version), then one batched lookup for the page\'s municipalities and one for its shared topics', async () => {
    const result = await h.gql(PEERS, { ags: '07137068', first: 20 });
    expect(result.errors).toBeUndefined();
    expect(result.statements[0]).toBe('discovery.asker');
    expect([...result.statements.slice(1)].sort()).toEqual(['municipality.byAgs', 'topic.bySlug']);
  });

  it('is reachable as a field of a municipality', async () => {
    const data = await ok(`{ municipality(ags: "07137003") { peers(first: 1) { edges { node { ags } } } } }`);
    // By default (topics and structure): Mayen, a town like Andernach 15 km away, before its Kreis (same topics, no structure to compare).
    expect(data.municipality.peers.edges).toEqual([{ node: { ags: '07137068' } }]);
  });
});

describe('similar projects', () => {
  it('ranks by shared project topics and filters on the runners', async () => {
    const data = await ok(`{
      energy: project(slug: "dorf-energie") { similar { totalCount edges { score node { slug } explanation { sharedTopics { topic { slug } } } } } }
      myk: project(slug: "myk10") { similar { edges { node { slug } } } bavaria: similar(filter: { state: BAYERN }) { edges { node { slug } } } }
    }`);
    expect(data.energy.similar.totalCount).toBe(1);
    expect(data.energy.similar.edges[0].node.slug).toBe('muenchen-mobil');
    expect(data.energy.similar.edges[0].explanation.sharedTopics).toEqual([{ topic: { slug: 'energie' } }]);
    // Project idf over 4 profiles: energie in 2 → ln(5/3)+1; union energie + verkehrssteuerung (in 1: ln(5/2)+1) + mobilitaet 0.5 (in 3: ln(5/4)+1).
    const e = Math.log(5 / 3) + 1;
    expect(data.energy.similar.edges[0].score).toBeCloseTo(e / (e + Math.log(5 / 2) + 1 + 0.5 * (Math.log(5 / 4) + 1)), 9);
    expect(data.myk.similar.edges.map((x: any) => x.node.slug).sort()).toEqual(['muenchen-mobil', 'ulm-4-0']);
    expect(data.myk.bavaria.edges).toEqual([{ node: { slug: 'muenchen-mobil' } }]);
  });
});

describe('search', () => {
  const SEARCH = `query ($text: String!, $types: [SearchType!]) { search(text: $text, types: $types) { score matchedField node { __typename ... on Municipality { ags } ... on Project { slug } ... on Topic { slug } ... on Contact { name email } } } }`;

  it('finds names with umlauts from ASCII spellings, with typos, in several types, best first', async () => {
    const muenchen = (await ok(SEARCH, { text: 'Muenchen' })).search;
    expect(muenchen.map((x: any) => x.node.ags ?? x.node.slug)).toEqual(expect.arrayContaining(['09162000', 'muenchen-mobil']));
    expect(muenchen[0].matchedField).toBe('name');
    const myk = (await ok(SEARCH, { text: 'mayen koblenz', types: ['MUNICIPALITY'] })).search;
    expect(myk[0].node).toEqual({ __typename: 'Municipality', ags: '07137' });
    // Stopwords ("und", "der") are not in the index; they must not empty the result.
    const withStopwords = (await ok(SEARCH, { text: 'Sharing und die Angebote', types: ['TOPIC'] })).search;
    expect(withStopwords.map((x: any) => x.node.slug)).toEqual(['sharing']);
    const typo = (await ok(SEARCH, { text: 'Bürgerbeteilgung' })).search;
    expect(typo[0].node).toEqual({ __typename: 'Topic', slug: 'buergerbeteiligung' });
    const scores = muenchen.map((x: any) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('shows contacts only as their visibility allows', async () => {
    const people = (await h.ok(SEARCH, { text: 'Bernd Muster', types: ['CONTACT'] }, viewers.anonymous)).search;
    expect(people).toEqual([expect.objectContaining({ node: { __typename: 'Contact', name: 'Bernd Muster', email: null } })]);
  });

  it('survives any text: operators and special characters are words or nothing', async () => {
    for (const text of ['"', '\\', 'AND OR', '*~', 'NOT', '(a:b) [x TO y] {z} ^2 ~0.5 && || !', "'; MATCH (n) DETACH DELETE n //"]) {
      const result = await h.gql(SEARCH, { text });
      expect(result.errors, text).toBeUndefined();
    }
    expect((await ok(SEARCH, { text: '*~' })).search).toEqual([]);
    const long = await h.gql(SEARCH, { text: 'x'.repeat(10_000) });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(/at most 200 characters/);
  });
});

describe('experts', () => {
  const EXPERTS = `query ($topics: [String!]!, $near: GeoPointInput, $radiusKm: Float, $first: Int, $after: String) {
    experts(topics: $topics, near: $near, radiusKm: $radiusKm, first: $first, after: $after) {
      totalCount edges { distanceKm node { uuid email } reasons { kind topic { slug } } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('finds experts, project contacts and staff for a topic and its sub-topics, nearest first, as visibility allows', async () => {
    const data = (await h.ok(EXPERTS, { topics: ['mobilitaet'], near: { lat: 48.4, lon: 9.99 } }, viewers.anonymous)).experts;
    expect(data.totalCount).toBe(2);
    // Bernd works in Ulm (near); Anna's employer, the Kreis, has no position in the fixture: last.
    expect(data.edges.map((e: any) => e.node.uuid)).toEqual([CONTACT_PRIVATE, CONTACT_PUBLIC]);
    expect(data.edges[0].distanceKm).toBeLessThan(1);
    expect(data.edges[1].distanceKm).toBeNull();
    expect(data.edges[0].node.email).toBeNull();
    expect(data.edges[1].node.email).toBe('anna@myk.example');
    expect(data.edges[0].reasons).toEqual([
      { kind: 'EMPLOYER', topic: { slug: 'sharing' } },
      { kind: 'EXPERTISE', topic: { slug: 'sharing' } },
      { kind: 'PROJECT', topic: { slug: 'sharing' } },
    ]);
    expect(data.edges[1].reasons.map((r: any) => r.kind)).toEqual(['EMPLOYER', 'EXPERTISE', 'PROJECT']);
  });

  it('limits by radius and pages', async () => {
    const near = (await ok(EXPERTS, { topics: ['mobilitaet'], near: { lat: 48.4, lon: 9.99 }, radiusKm: 10 })).experts;
    expect(near.edges.map((e: any) => e.node.uuid)).toEqual([CONTACT_PRIVATE]);
    const first = (await ok(EXPERTS, { topics: ['mobilitaet'], first: 1 })).experts;
    const second = (await ok(EXPERTS, { topics: ['mobilitaet'], first: 1, after: first.pageInfo.endCursor })).experts;
    expect([first.edges[0].node.uuid, second.edges[0].node.uuid].sort()).toEqual([CONTACT_PUBLIC, CONTACT_PRIVATE].sort());
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('bad input to discovery', () => {
  it.each([
    ['unknown municipality', PEERS, { ags: '01001000' }, 'NOT_FOUND'],
    ['malformed AGS', PEERS, { ags: 'abc' }, 'BAD_USER_INPUT'],
    ['negative radius', PEERS, { ags: '07137068', filter: { radiusKm: -1 } }, 'BAD_USER_INPUT'],
    ['a centre without radius', PEERS, { ags: '07137068', filter: { near: { lat: 50, lon: 7 } } }, 'BAD_USER_INPUT'],
    ['a forged cursor', PEERS, { ags: '07137068', after: 'bm9wZQ' }, 'BAD_USER_INPUT'],
    ['no topics', 'query { experts(topics: []) { totalCount } }', {}, 'BAD_USER_INPUT'],
    ['a radius without centre', 'query { experts(topics: ["energie"], radiusKm: 5) { totalCount } }', {}, 'BAD_USER_INPUT'],
    ['too many results', 'query { search(text: "x", first: 51) { score } }', {}, 'BAD_USER_INPUT'],
  ])('%s', async (_name, query, variables, code) => {
    const result = await h.gql(query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });
});
