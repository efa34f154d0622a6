// Peers for every municipality: inherited profiles, interests for one request,
// the similar starting point, and the structure-only answer — on the fixture
// graph plus Polch, a Gemeinde of Mayen-Koblenz that runs no project itself.
//
// Profiles by default: the fixture's (see discovery.test.ts); Polch has none. With
// profile: INHERITED_AND_INTERESTS (N = 9) also
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
    // Two measures of Ulm's project on sharing, one in operation, one planned.
    await h.cypher(
      `MATCH (p:Project {id: 'ulm-4-0'}), (t:Topic {slug: 'sharing'})
       CREATE (a:Measure {id: 'ulm-sharing-live', name: 'Sharing-Stationen', status: 'IMPLEMENTED', statusAsOf: '2024-05', sourceUrls: ['https://ulm.example/sharing'], sourceFiles: ['measures.csv'], sourceLines: [2]})-[:PART_OF]->(p),
              (b:Measure {id: 'ulm-sharing-plan', name: 'Sharing-Ausbau', status: 'PLANNED', sourceUrls: [], sourceFiles: [], sourceLines: []})-[:PART_OF]->(p),
              (a)-[:ADDRESSES]->(t), (b)-[:ADDRESSES]->(t)`,
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

const INHERITED = 'INHERITED_AND_INTERESTS';

describe('inherited profiles', () => {
  it('are not counted by default: with the formula (rankBy: BOTH), a Gemeinde without projects is answered by structure', async () => {
    const conn = await peers({ ags: POLCH, rankBy: 'BOTH' });
    expect(conn.edges.length).toBeGreaterThan(0);
    expect(conn.edges.every((e: any) => e.explanation.basis === 'STRUCTURE_ONLY' && e.explanation.sharedTopics.length === 0)).toBe(true);
  });

  it('give a Gemeinde its Kreis’s project topics at half weight, saying via which Kreis and project', async () => {
    const conn = await peers({ ags: POLCH, rankBy: 'TOPICS', profile: INHERITED });
    // Polch {mobilitaet 0.5, buergerbeteiligung 0.5} against Mayen-Koblenz {1, 1}: Σmin / Σmax = 0.5 exactly.
    expect(edgeOf(conn, '07137').score).toBeCloseTo(0.5, 12);
    expect(edgeOf(conn, '07137003').score).toBeCloseTo(0.5, 12);
    const shared = edgeOf(conn, '07137').explanation.sharedTopics;
    expect(shared.map((s: any) => s.topic.slug).sort()).toEqual(['buergerbeteiligung', 'mobilitaet']);
    for (const s of shared) expect(s.via).toEqual([{ side: 'ASKER', from: { ags: '07137' }, project: { slug: 'myk10' } }]);
  });

  it('are listed on the municipality, heaviest first, with where they come from; its own topics are not', async () => {
    const { municipality } = await h.ok<any>(`{ municipality(ags: "${POLCH}") { topics { slug } inheritedTopics { topic { slug } weight via { from { ags } project { slug } } } } }`, {}, viewers.anonymous);
    expect(municipality.topics).toEqual([]);
    expect(municipality.inheritedTopics).toEqual([
      { topic: { slug: 'buergerbeteiligung' }, weight: 0.5, via: [{ from: { ags: '07137' }, project: { slug: 'myk10' } }] },
      { topic: { slug: 'mobilitaet' }, weight: 0.5, via: [{ from: { ags: '07137' }, project: { slug: 'myk10' } }] },
    ]);
    // A list of municipalities reads the data version once, not once per municipality.
    const list = await h.gql('{ municipality(ags: "07137") { parts(first: 10) { edges { node { ags inheritedTopics { topic { slug } } } } } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data!.municipality.parts.edges.length).toBeGreaterThan(1);
    expect(list.statements.filter((name) => name === 'dataVersion.read')).toHaveLength(1);
    // Mayen runs myk10 itself: nothing of it is inherited.
    const mayen = (await h.ok<any>('{ municipality(ags: "07137068") { inheritedTopics { topic { slug } } } }')).municipality;
    expect(mayen.inheritedTopics).toEqual([]);
  });

  it('give a Kreis its Gemeinden’s project topics at 0.3, via each of them', async () => {
    const conn = await peers({ ags: '07135', rankBy: 'TOPICS', profile: INHERITED });
    // Cochem-Zell {energie 0.3} against Testdorf 01 {energie 1}: 0.3.
    const testdorf = edgeOf(conn, '07135101');
    expect(testdorf.score).toBeCloseTo(0.3, 12);
    expect(testdorf.explanation.sharedTopics[0].via).toEqual([
      { side: 'ASKER', from: { ags: '07135101' }, project: { slug: 'dorf-energie' } },
      { side: 'ASKER', from: { ags: '07135102' }, project: { slug: 'dorf-energie' } },
    ]);
    // The other way round, the inheritance is on the result's side.
    const back = edgeOf(await peers({ ags: '07135101', rankBy: 'TOPICS', profile: INHERITED }), '07135');
    // Without inheritance, Cochem-Zell has no topics and shares none.
    expect(edgeOf(await peers({ ags: '07135101', rankBy: 'TOPICS' }), '07135')).toBeUndefined();
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

describe('topics nobody else works on', () => {
  it('are answered by structure, not with an empty page; a topic created since is known at once', async () => {
    // Asked before the topic exists: unknown. Created: known by the next request (the write moves the data version).
    expect((await h.gql(PEERS, { ags: TESTDORF_03, interests: ['raumfahrt'] })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await h.ok('mutation { createTopic(input: { slug: "raumfahrt", name: "Raumfahrt" }) { slug } }');
    try {
      const lonely = await peers({ ags: TESTDORF_03, interests: ['raumfahrt'], rankBy: 'BOTH' });
      // Nobody works on it: with the formula, the municipalities that run a project, by structure.
      expect(lonely.totalCount).toBe(7);
      expect(lonely.edges.every((e: any) => e.explanation.basis === 'STRUCTURE_ONLY')).toBe(true);
      // Nothing addresses it: every solution (4 projects, 2 measures), by status and structure.
      const solutions = await learning({ ags: TESTDORF_03, interests: ['raumfahrt'], profile: 'INTERESTS_ONLY' });
      expect(solutions.totalCount).toBe(6);
      expect(solutions.edges.every((e: any) => e.explanation.basis === 'STRUCTURE_ONLY')).toBe(true);
    } finally {
      await h.ok('mutation { deleteTopic(slug: "raumfahrt") { deletedId } }');
    }
  });
});

describe('a similar starting point', () => {
  it('is scored from the register with every part shown, and combined 0.2 : 0.8 with the topics by the formula (rankBy: BOTH)', async () => {
    const conn = await peers({ ags: POLCH, profile: INHERITED, rankBy: 'BOTH' });
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
    expect(andernach.score).toBeCloseTo(0.2 * 0.5 + 0.8 * s.score, 12);
    // Structure alone orders the same candidates by it.
    const byStructure = await peers({ ags: POLCH, rankBy: 'STRUCTURE', profile: INHERITED });
    expect(byStructure.edges.every((e: any) => e.explanation.basis === 'STRUCTURE' && e.score === e.explanation.structure.score)).toBe(true);
    expect(byStructure.totalCount).toBe(conn.totalCount);
  });

  it('answers a municipality with no topics at all by the formula: the model-project municipalities most like it, STRUCTURE_ONLY', async () => {
    const conn = await peers({ ags: TESTDORF_03, rankBy: 'BOTH' });
    // Every municipality that runs a project (7), none left out.
    expect(conn.totalCount).toBe(7);
    expect(conn.edges.every((e: any) => e.explanation.basis === 'STRUCTURE_ONLY' && e.explanation.sharedTopics.length === 0)).toBe(true);
    // Testdorf 02 (2,000; ratio 1.5) before Testdorf 01 (1,000; ratio 3): same size class, kind and Land; no positions.
    expect(agsOf(conn).slice(0, 2)).toEqual(['07135102', '07135101']);
    expect(conn.edges[0].score).toBeCloseTo(0.35 * (1 - Math.log(1.5) / Math.log(100)) + 0.15 + 0.15 + 0.1, 12);
    expect(conn.edges[1].score).toBeCloseTo(0.35 * (1 - Math.log(3) / Math.log(100)) + 0.15 + 0.15 + 0.1, 12);
    // A Land with no profile too.
    expect((await peers({ ags: '07', rankBy: 'BOTH' })).totalCount).toBe(7);
  });
});

// The formula (rankBy: FORMULA), whose scores these tests recompute; the learned model: learning-model.test.ts.
const LEARNING = `query ($ags: String!, $interests: [String!], $profile: PeerProfile, $filter: PeerFilter, $first: Int, $after: String, $rankBy: LearningRanking = FORMULA) {
  learningPartners(ags: $ags, interests: $interests, profile: $profile, filter: $filter, first: $first, after: $after, rankBy: $rankBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor score
      node { __typename ... on Measure { slug status } ... on Project { slug } }
      project { slug } runner { ags } contacts { name email } sources { url }
      explanation { basis topicScore status statusAsOf distanceKm matchedTopics { topic { slug } weight } structure { score } }
    }
  }
}`;
const learning = async (variables: Record<string, unknown>, viewer: Viewer = viewers.admin) =>
  (await h.ok<any>(LEARNING, { first: 20, ...variables }, viewer)).learningPartners;
const keyOf = (e: any) => `${e.node.__typename}:${e.node.slug}`;

describe('learning partners', () => {
  it('rank an implemented measure before a planned one at equal match, each with project, runner, contacts and sources', async () => {
    const conn = await learning({ ags: TESTDORF_03, interests: ['sharing'] }, viewers.anonymous);
    const keys = conn.edges.map(keyOf);
    // {sharing 1, mobilitaet 0.5} asked; both measures and Ulm's (completed) project address sharing: full cover.
    expect(keys.slice(0, 3)).toEqual(['Measure:ulm-sharing-live', 'Project:ulm-4-0', 'Measure:ulm-sharing-plan']);
    const [live, , planned] = conn.edges;
    expect(live.explanation.topicScore).toBeCloseTo(1, 12);
    expect(planned.explanation.topicScore).toBeCloseTo(1, 12);
    expect(live.explanation).toMatchObject({ basis: 'TOPICS_AND_STRUCTURE', status: 'IMPLEMENTED', statusAsOf: '2024-05' });
    // 0.6 × 1 + 0.2 × status + 0.2 × structure, the same runner for both.
    expect(live.score).toBeCloseTo(0.6 + 0.2 * 1 + 0.2 * live.explanation.structure.score, 12);
    expect(planned.score).toBeCloseTo(0.6 + 0.2 * 0.3 + 0.2 * planned.explanation.structure.score, 12);
    expect(live).toMatchObject({ project: { slug: 'ulm-4-0' }, runner: { ags: '08421000' }, sources: [{ url: 'https://ulm.example/sharing' }] });
    // Whom to ask: the project's contacts exactly as the privacy rule shows them to this viewer.
    const shown = (await h.ok<any>('{ project(slug: "ulm-4-0") { contacts { name email } } }', {}, viewers.anonymous)).project.contacts;
    expect(live.contacts).toEqual(shown);
    // Bernd is a PRIVATE contact of Ulm's project: an admin sees his e-mail, an anonymous asker never does.
    const asAdmin = (await learning({ ags: TESTDORF_03, interests: ['sharing'] })).edges[0].contacts;
    expect(asAdmin).toEqual([{ name: 'Bernd Muster', email: 'bernd@ulm.example' }]);
    expect(JSON.stringify(conn)).not.toContain('bernd@ulm.example');
    // Everything matched addresses sharing or mobility; München's and MYK10's mobility projects come after.
    expect(keys).toEqual(expect.arrayContaining(['Project:myk10', 'Project:muenchen-mobil']));
    expect(keys).not.toContain('Project:dorf-energie');
    expect(await h.fingerprint()).toBe(before);
  });

  it('leave out the asker’s own, filter on the runner, and page without repeats', async () => {
    const mayen = (await learning({ ags: '07137068' })).edges.map(keyOf);
    expect(mayen).not.toContain('Project:myk10');
    expect(mayen).toContain('Project:dorf-energie'); // energie, its declared interest
    const bavaria = (await learning({ ags: '07137068', filter: { state: 'BAYERN' } })).edges.map(keyOf);
    expect(bavaria).toEqual(['Project:muenchen-mobil']);
    const all = (await learning({ ags: TESTDORF_03, interests: ['sharing'] })).edges.map(keyOf);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await learning({ ags: TESTDORF_03, interests: ['sharing'], first: 2, after });
      seen.push(...page.edges.map(keyOf));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('answer a municipality with no topics by status and structure (STRUCTURE_ONLY), never empty', async () => {
    const conn = await learning({ ags: TESTDORF_03 });
    // Every project and measure: 4 projects + 2 measures.
    expect(conn.totalCount).toBe(6);
    expect(conn.edges.every((e: any) => e.explanation.basis === 'STRUCTURE_ONLY' && e.explanation.matchedTopics.length === 0)).toBe(true);
    for (const e of conn.edges) {
      const status = { IMPLEMENTED: 1, IN_PROGRESS: 0.6, PLANNED: 0.3, UNKNOWN: 0.3 }[e.explanation.status as 'IMPLEMENTED'];
      expect(e.score).toBeCloseTo(0.5 * status + 0.5 * e.explanation.structure.score, 12);
    }
  });

  it('leave out a cancelled project and its measures', async () => {
    await h.ok('mutation { updateProject(slug: "ulm-4-0", input: { status: CANCELLED }) { slug } }');
    try {
      const keys = (await learning({ ags: TESTDORF_03, interests: ['sharing'] })).edges.map(keyOf);
      expect(keys.filter((k: string) => k.includes('ulm'))).toEqual([]);
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      await h.ok('mutation { updateProject(slug: "ulm-4-0", input: { status: COMPLETED }) { slug } }');
    }
  });

  it('refuse an unknown interest and an unknown municipality', async () => {
    const unknown = (await h.gql(LEARNING, { ags: POLCH, interests: ['warp-antrieb'] })).errors?.[0];
    expect(unknown).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', unknown: ['warp-antrieb'] } });
    const missing = (await h.gql(LEARNING, { ags: '07137999' })).errors?.[0];
    expect(missing).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await h.fingerprint()).toBe(before);
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
    // A cursor continues only the ranking it came from: the same municipality, filter, interests, profile and rankBy.
    const cursor = (await peers({ ags: POLCH, interests: ['energie'], first: 1 })).pageInfo.endCursor;
    expect((await peers({ ags: POLCH, interests: ['energie'], first: 1, after: cursor })).edges).toHaveLength(1);
    const refused = { extensions: { code: 'BAD_USER_INPUT', argument: 'after' } };
    expect(await error({ ags: POLCH, interests: ['energie'], rankBy: 'TOPICS', after: cursor })).toMatchObject(refused);
    expect(await error({ ags: POLCH, interests: ['mobilitaet'], after: cursor })).toMatchObject(refused);
    expect(await error({ ags: POLCH, interests: ['energie'], profile: INHERITED, after: cursor })).toMatchObject(refused);
    expect(await error({ ags: POLCH, interests: ['energie'], filter: { state: 'BAYERN' }, after: cursor })).toMatchObject(refused);
    expect(await error({ ags: TESTDORF_03, interests: ['energie'], after: cursor })).toMatchObject(refused);
    const learningCursor = (await learning({ ags: TESTDORF_03, interests: ['sharing'], first: 1 })).pageInfo.endCursor;
    expect((await h.gql(LEARNING, { ags: TESTDORF_03, interests: ['energie'], first: 1, after: learningCursor })).errors?.[0]).toMatchObject(refused);
    expect(await error({ ags: POLCH, first: -1 })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    expect(await h.fingerprint()).toBe(before);
  });
});
