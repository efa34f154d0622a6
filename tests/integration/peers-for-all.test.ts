// Peers for every municipality: inherited profiles, interests for one request,
// the similar starting point, and the structure-only answer — on the fixture
// graph plus Polch, a Gemeinde of Mayen-Koblenz that runs no project itself.
//
// Profiles here (N = 9): the fixture's (see discovery.test.ts) and
//   07137089 Polch: mobilitaet 0.5, buergerbeteiligung 0.5   (inherited from its Kreis's myk10)
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/auth/viewer.js';
import { viewers } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const POLCH = '07137089';
const TESTDORF_03 = '07135103';

let before: string;
const h = useHarness({
  then: async (h) => {
    await h.cypher(
      `MATCH (k:Municipality {ags: '07137'})
       CREATE (:Municipality {ags: $ags, name: 'Polch, Stadt', nameKey: 'polch stadt', kind: 'STADT', state: 'RHEINLAND_PFALZ', population: 7000,
                              sizeClass: 'KLEINSTADT', location: point({latitude: 50.30, longitude: 7.31})})-[:PART_OF]->(k)`,
      { ags: POLCH },
    );
    before = await h.fingerprint();
  },
});

const PEERS = `query ($ags: String!, $interests: [String!], $profile: PeerProfile, $rankBy: PeerRanking, $first: Int, $after: String, $filter: PeerFilter) {
  peers(ags: $ags, interests: $interests, profile: $profile, rankBy: $rankBy, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { endCursor }
    edges {
      score node { ags }
      explanation {
        basis topicScore distanceKm
        sharedTopics { topic { slug } weight via { side from { ags } project { slug } } }
        structure { score populationRatio sameSizeClass sameUrbanisation sameKind sameState distanceKm }
      }
    }
  }
}`;
const peers = async (variables: Record<string, unknown>, viewer: Viewer = viewers.admin) => (await h.ok<any>(PEERS, { first: 20, ...variables }, viewer)).peers;
const agsOf = (conn: any) => conn.edges.map((e: any) => e.node.ags);
const edgeOf = (conn: any, ags: string) => conn.edges.find((e: any) => e.node.ags === ags);

describe('inherited profiles', () => {
  it('give a Gemeinde its Kreis’s project topics at half weight, saying via which Kreis and project', async () => {
    const conn = await peers({ ags: POLCH, rankBy: 'TOPICS' });
    // Polch {mobilitaet 0.5, buergerbeteiligung 0.5} against Mayen-Koblenz {1, 1}: Σmin / Σmax = 0.5 exactly.
    expect(edgeOf(conn, '07137').score).toBeCloseTo(0.5, 12);
    expect(edgeOf(conn, '07137003').score).toBeCloseTo(0.5, 12);
    const shared = edgeOf(conn, '07137').explanation.sharedTopics;
    expect(shared.map((s: any) => s.topic.slug).sort()).toEqual(['buergerbeteiligung', 'mobilitaet']);
    for (const s of shared) expect(s.via).toEqual([{ side: 'ASKER', from: { ags: '07137' }, project: { slug: 'myk10' } }]);
  });

  it('give a Kreis its Gemeinden’s project topics at 0.3, via each of them', async () => {
    const conn = await peers({ ags: '07135', rankBy: 'TOPICS' });
    // Cochem-Zell {energie 0.3} against Testdorf 01 {energie 1}: 0.3.
    const testdorf = edgeOf(conn, '07135101');
    expect(testdorf.score).toBeCloseTo(0.3, 12);
    expect(testdorf.explanation.sharedTopics[0].via).toEqual([
      { side: 'ASKER', from: { ags: '07135101' }, project: { slug: 'dorf-energie' } },
      { side: 'ASKER', from: { ags: '07135102' }, project: { slug: 'dorf-energie' } },
    ]);
    // The other way round, the inheritance is on the result's side.
    const back = edgeOf(await peers({ ags: '07135101', rankBy: 'TOPICS' }), '07135');
    expect(back.explanation.sharedTopics[0].via.map((v: any) => v.side)).toEqual(['RESULT', 'RESULT']);
  });
});

describe('interests for one request', () => {
  it('work without sign-in and write nothing', async () => {
    const conn = await peers({ ags: TESTDORF_03, interests: ['energie'], rankBy: 'TOPICS' }, viewers.anonymous);
    // Testdorf 03 {energie 1} against Testdorf 01 {energie 1}: the same profile, score 1.
    expect(agsOf(conn).slice(0, 2)).toEqual(['07135101', '07135102']);
    expect(conn.edges[0].score).toBeCloseTo(1, 12);
    expect(conn.edges[0].explanation.basis).toBe('TOPICS');
    expect(await h.fingerprint()).toBe(before);
  });

  it('join the stored profile, or replace it with INTERESTS_ONLY', async () => {
    // Mayen {mobilitaet, buergerbeteiligung, energie} + sharing: Ulm now shares sharing too.
    const joined = edgeOf(await peers({ ags: '07137068', interests: ['sharing'], rankBy: 'TOPICS' }), '08421000');
    expect(joined.explanation.sharedTopics.map((s: any) => s.topic.slug)).toEqual(['sharing', 'mobilitaet']);
    const only = await peers({ ags: '07137068', interests: ['sharing'], profile: 'INTERESTS_ONLY', rankBy: 'TOPICS' });
    // {sharing 1, mobilitaet 0.5} is Ulm's profile exactly.
    expect(only.edges[0].node.ags).toBe('08421000');
    expect(only.edges[0].score).toBeCloseTo(1, 12);
  });
});

describe('a similar starting point', () => {
  it('is scored from the register with every part shown, and combined 0.7 : 0.3 with the topics by default', async () => {
    const conn = await peers({ ags: POLCH });
    const andernach = edgeOf(conn, '07137003');
    const s = andernach.explanation.structure;
    // Polch 7,000 and Andernach 29,919: ratio 4.274; KLEINSTADT vs MITTELSTADT; both STADT in Rheinland-Pfalz.
    expect(s.populationRatio).toBeCloseTo(29919 / 7000, 9);
    expect(s).toMatchObject({ sameSizeClass: false, sameUrbanisation: false, sameKind: true, sameState: true });
    const population = 1 - Math.log(29919 / 7000) / Math.log(100);
    const distance = 1 / (1 + s.distanceKm / 100);
    expect(s.score).toBeCloseTo(0.35 * population + 0.15 + 0.1 + 0.1 * distance, 9);
    expect(andernach.explanation.basis).toBe('TOPICS_AND_STRUCTURE');
    expect(andernach.explanation.topicScore).toBeCloseTo(0.5, 12);
    expect(andernach.score).toBeCloseTo(0.7 * 0.5 + 0.3 * s.score, 12);
    // Structure alone orders the same candidates by it.
    const byStructure = await peers({ ags: POLCH, rankBy: 'STRUCTURE' });
    expect(byStructure.edges.every((e: any) => e.explanation.basis === 'STRUCTURE' && e.score === e.explanation.structure.score)).toBe(true);
    expect(byStructure.totalCount).toBe(conn.totalCount);
  });

  it('answers a municipality with no topics at all: the model-project municipalities most like it, STRUCTURE_ONLY', async () => {
    const conn = await peers({ ags: TESTDORF_03 });
    // Every municipality that runs a project (7), none left out.
    expect(conn.totalCount).toBe(7);
    expect(conn.edges.every((e: any) => e.explanation.basis === 'STRUCTURE_ONLY' && e.explanation.sharedTopics.length === 0)).toBe(true);
    // Testdorf 02 (2,000; ratio 1.5) before Testdorf 01 (1,000; ratio 3): same size class, kind and Land; no positions.
    expect(agsOf(conn).slice(0, 2)).toEqual(['07135102', '07135101']);
    expect(conn.edges[0].score).toBeCloseTo(0.35 * (1 - Math.log(1.5) / Math.log(100)) + 0.15 + 0.15 + 0.1, 12);
    expect(conn.edges[1].score).toBeCloseTo(0.35 * (1 - Math.log(3) / Math.log(100)) + 0.15 + 0.15 + 0.1, 12);
    // A Land with no profile too.
    expect((await peers({ ags: '07' })).totalCount).toBe(7);
  });
});

describe('bad input', () => {
  const error = async (variables: Record<string, unknown>) => (await h.gql(PEERS, { first: 5, ...variables })).errors?.[0];

  it('names unknown interests, refuses too many, and refuses a cursor of another ranking; the graph stays as it was', async () => {
    const unknown = await error({ ags: POLCH, interests: ['energie', 'quantenmobilitaet', 'teleportation'] });
    expect(unknown).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'interests', unknown: ['quantenmobilitaet', 'teleportation'] } });
    expect(unknown!.message).toMatch(/quantenmobilitaet, teleportation/);
    const many = await error({ ags: POLCH, interests: Array.from({ length: 21 }, (_, i) => `topic-${i}`) });
    expect(many).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(many!.message).toMatch(/at most 20/);
    const malformed = await error({ ags: POLCH, interests: ['Not A Slug'] });
    expect(malformed).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const topicsCursor = (await peers({ ags: POLCH, rankBy: 'TOPICS', first: 1 })).pageInfo.endCursor;
    expect(await error({ ags: POLCH, after: topicsCursor })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    expect(await error({ ags: POLCH, first: -1 })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    expect(await h.fingerprint()).toBe(before);
  });
});
