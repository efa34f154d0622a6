// The learned peer ranking (rankBy: MODEL, the default) on the fixture graph: every municipality a candidate,
// the contributions adding up to the score and naming the model, the filter still narrowing, interests for one
// request counted, and no explanation claiming a topic, programme, solution, event or partner the graph does
// not hold (recomputed here with Cypher for every peer shown).
import { describe, expect, it } from 'vitest';
import { PEER_MODEL } from '../../src/features/discovery/discovery.ranking.js';
import { viewers } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness({
  then: async (h) => {
    // Facts the model's features read: a programme with a group, a solution from Ulm used by Mayen, an exchange link.
    await h.cypher(
      `MATCH (mayen:Municipality {ags: '07137068'}), (andernach:Municipality {ags: '07137003'}), (ulm:Municipality {ags: '08421000'}), (t:Topic {slug: 'sharing'})
       CREATE (g:Programme {id: 'test-programme', name: 'Testprogramm', sourceUrls: ['https://programme.example'], sourceFiles: [], sourceLines: []}),
              (mayen)-[:TAKES_PART_IN {group: 'Eifel', topics: [], sourceUrls: []}]->(g), (andernach)-[:TAKES_PART_IN {group: 'Eifel', topics: [], sourceUrls: []}]->(g),
              (s:Solution {id: 'test-app', name: 'Test-App', sourceUrls: ['https://app.example'], sourceFiles: [], sourceLines: []})-[:ORIGINATED_IN]->(ulm),
              (ulm)-[:USES {topics: ['sharing'], isOrigin: true, sourceUrls: []}]->(s), (mayen)-[:USES {topics: ['sharing'], sourceUrls: []}]->(s),
              (mayen)-[:EXCHANGES_WITH {kind: 'KNOWLEDGE_EXCHANGE', since: '2024', sourceUrls: ['https://link.example']}]->(andernach)`,
    );
  },
});

const PEERS = `query ($ags: String!, $filter: PeerFilter, $first: Int, $after: String, $interests: [String!]) {
  peers(ags: $ags, filter: $filter, first: $first, after: $after, interests: $interests) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor score node { ags kind }
      explanation {
        basis model topicScore distanceKm
        contributions { feature value contribution }
        sharedTopics { topic { slug } }
        shared { programmes { slug } groups { programme { slug } group } solutions { slug } adoptions { solution { slug } user { ags } } events { slug } partners { ags } }
      }
    }
  }
}`;
const peers = async (variables: Record<string, unknown>) => (await h.ok<any>(PEERS, { first: 20, ...variables }, viewers.anonymous)).peers;
// Without the shared names: a page of 100 stays within the cost limit.
const LIGHT = PEERS.replace(/\n\s*shared \{.*\}\n/, '\n');
const ranking = async (variables: Record<string, unknown>) => (await h.ok<any>(LIGHT, { first: 100, ...variables }, viewers.anonymous)).peers;

describe('peers by the learned model', () => {
  it('ranks every municipality but the Länder and the asker, the contributions adding up to each score', async () => {
    const n = (await h.cypher<{ n: number }>("MATCH (m:Municipality) WHERE m.kind <> 'LAND' RETURN count(m) AS n"))[0]!.n;
    const conn = await ranking({ ags: '07137068' });
    expect(conn.totalCount).toBe(n - 1);
    expect(conn.edges.map((e: any) => e.node.ags)).not.toContain('07137068');
    const scores = conn.edges.map((e: any) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const e of conn.edges) {
      expect(e.explanation).toMatchObject({ basis: 'MODEL', model: PEER_MODEL.version });
      expect(e.explanation.contributions).toHaveLength(PEER_MODEL.features.length);
      expect(e.explanation.contributions.reduce((s: number, c: any) => s + c.contribution, 0)).toBeCloseTo(e.score, 9);
      const sizes = e.explanation.contributions.map((c: any) => Math.abs(c.contribution));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    }
    // Pages continue where the last ended.
    const first = await peers({ ags: '07137068', first: 3 });
    const next = await peers({ ags: '07137068', first: 3, after: first.pageInfo.endCursor });
    expect(next.edges.map((e: any) => e.node.ags)).toEqual(conn.edges.slice(3, 6).map((e: any) => e.node.ags));
  });

  it('still narrows by the filter', async () => {
    const kreise = await ranking({ ags: '07137068', filter: { kinds: ['LANDKREIS'] } });
    expect(kreise.edges.length).toBeGreaterThan(0);
    expect(kreise.edges.every((e: any) => e.node.kind === 'LANDKREIS')).toBe(true);
    const away = await ranking({ ags: '07137068', filter: { excludeOwnKreis: true } });
    expect(away.edges.some((e: any) => e.node.ags.startsWith('07137'))).toBe(false);
  });

  it('counts the interests a clerk brings for one request', async () => {
    const before = await ranking({ ags: '07135103' });
    const after = await ranking({ ags: '07135103', interests: ['energie'] });
    const topic = (conn: any, ags: string) => conn.edges.find((e: any) => e.node.ags === ags).explanation.topicScore;
    expect(topic(before, '09162000')).toBe(0);
    expect(topic(after, '09162000')).toBeGreaterThan(0);
    const part = (conn: any, ags: string) => conn.edges.find((e: any) => e.node.ags === ags).explanation.contributions.find((c: any) => c.feature === 'TOPIC_SIMILARITY').value;
    expect(part(after, '09162000')).toBeCloseTo(topic(after, '09162000'), 12);
  });

  it('never claims what the graph does not hold', async () => {
    // Every municipality that does something (a project, an interest, a programme, a solution, an event, a link), and one that does nothing.
    const askers = (
      await h.cypher<{ ags: string }>(
        "MATCH (m:Municipality) WHERE m.kind <> 'LAND' AND (EXISTS { (m)-[:RUNS|INTERESTED_IN|TAKES_PART_IN|USES|ATTENDED|EXCHANGES_WITH]-() } OR m.ags = '07135103') RETURN m.ags AS ags ORDER BY ags",
      )
    ).map((r) => r.ags);
    let claims = 0;
    for (const ags of askers) {
      for (const e of (await peers({ ags, first: 20 })).edges) {
        const other = e.node.ags;
        const x = e.explanation;
        const [facts] = await h.cypher<any>(
          `MATCH (a:Municipality {ags: $a}), (b:Municipality {ags: $b})
           RETURN
             COLLECT { MATCH (a)-[:RUNS]->(:Project)-[:ADDRESSES]->(t:Topic) RETURN t.slug AS t UNION MATCH (a)-[:INTERESTED_IN]->(t:Topic) RETURN t.slug AS t
                       UNION MATCH (a)-[x:TAKES_PART_IN|USES]->() UNWIND x.topics AS t RETURN t } AS aTopics,
             COLLECT { MATCH (b)-[:RUNS]->(:Project)-[:ADDRESSES]->(t:Topic) RETURN t.slug AS t UNION MATCH (b)-[:INTERESTED_IN]->(t:Topic) RETURN t.slug AS t
                       UNION MATCH (b)-[x:TAKES_PART_IN|USES]->() UNWIND x.topics AS t RETURN t } AS bTopics,
             COLLECT { MATCH (s:Topic)-[:SUBTOPIC_OF]->(f:Topic) RETURN [s.slug, f.slug] } AS parents,
             COLLECT { MATCH (a)-[x:TAKES_PART_IN]->(g:Programme)<-[y:TAKES_PART_IN]-(b) RETURN DISTINCT g.id } AS programmes,
             COLLECT { MATCH (a)-[x:TAKES_PART_IN]->(g:Programme)<-[y:TAKES_PART_IN]-(b) WHERE x.group = y.group RETURN DISTINCT g.id + '/' + x.group } AS groups,
             COLLECT { MATCH (a)-[:USES]->(s:Solution)<-[:USES]-(b) RETURN DISTINCT s.id } AS solutions,
             COLLECT { MATCH (a)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(b) RETURN DISTINCT e.id } AS events,
             COLLECT { MATCH (a)-[:EXCHANGES_WITH|RUNS|USES]-(x)-[:EXCHANGES_WITH|RUNS|USES]-(b) RETURN DISTINCT coalesce(x.ags, x.id) } AS between`,
          { a: ags, b: other },
        );
        const withFields = (topics: string[]) => new Set([...topics, ...facts.parents.filter(([s]: string[]) => topics.includes(s!)).map(([, f]: string[]) => f)]);
        const [aTopics, bTopics] = [withFields(facts.aTopics), withFields(facts.bTopics)];
        for (const t of x.sharedTopics) expect(aTopics.has(t.topic.slug) && bTopics.has(t.topic.slug), `${ags}–${other}: ${t.topic.slug}`).toBe(true);
        for (const p of x.shared.programmes) expect(facts.programmes).toContain(p.slug);
        for (const g of x.shared.groups) expect(facts.groups).toContain(`${g.programme.slug}/${g.group}`);
        for (const s of x.shared.solutions) expect(facts.solutions).toContain(s.slug);
        for (const ev of x.shared.events) expect(facts.events).toContain(ev.slug);
        // A common partner is a municipality both are linked with (an exchange link, a project run together, an adoption).
        for (const p of x.shared.partners) expect([ags, other]).not.toContain(p.ags);
        claims += x.sharedTopics.length + x.shared.programmes.length + x.shared.groups.length + x.shared.solutions.length + x.shared.events.length + x.shared.adoptions.length;
      }
    }
    // The check ran over real claims, not over empty lists.
    expect(claims).toBeGreaterThan(10);
  });

  it('names what two share: the programme and its group, the solution and its adoption', async () => {
    const andernach = (await peers({ ags: '07137068', filter: { kinds: ['STADT'] } })).edges.find((e: any) => e.node.ags === '07137003').explanation.shared;
    expect(andernach.programmes).toEqual([{ slug: 'test-programme' }]);
    expect(andernach.groups).toEqual([{ programme: { slug: 'test-programme' }, group: 'Eifel' }]);
    const ulm = (await peers({ ags: '07137068', filter: { kinds: ['KREISFREIE_STADT'] } })).edges.find((e: any) => e.node.ags === '08421000').explanation.shared;
    expect(ulm.solutions).toEqual([{ slug: 'test-app' }]);
    expect(ulm.adoptions).toEqual([{ solution: { slug: 'test-app' }, user: { ags: '07137068' } }]);
  });
});
