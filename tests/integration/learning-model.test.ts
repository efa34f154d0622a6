// The learned learning-partner ranking (rankBy: MODEL, the default) on the fixture graph: the contributions
// adding up to the score and naming the model, what addresses the asker's topics first, the filter narrowing,
// and no explanation claiming a topic or a take-up the graph does not hold (recomputed with Cypher).
import { describe, expect, it } from 'vitest';
import { LEARNING_MODEL } from '../../src/features/discovery/discovery.ranking.js';
import { viewers } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness({
  then: async (h) => {
    // A take-up: Mayen uses an app that originated in Ulm (which runs a project to learn from); and a transfer Ulm → Andernach.
    await h.cypher(
      `MATCH (mayen:Municipality {ags: '07137068'}), (andernach:Municipality {ags: '07137003'}), (ulm:Municipality {ags: '08421000'})
       CREATE (s:Solution {id: 'test-app', name: 'Test-App', sourceUrls: ['https://app.example'], sourceFiles: [], sourceLines: []})-[:ORIGINATED_IN]->(ulm),
              (ulm)-[:USES {topics: ['sharing'], isOrigin: true, sourceUrls: []}]->(s), (mayen)-[:USES {topics: ['sharing'], sourceUrls: []}]->(s),
              (ulm)-[:EXCHANGES_WITH {kind: 'TRANSFER', since: '2024', sourceUrls: ['https://transfer.example']}]->(andernach)`,
    );
  },
});

const LEARNING = `query ($ags: String!, $interests: [String!], $filter: PeerFilter, $first: Int, $after: String) {
  learningPartners(ags: $ags, interests: $interests, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor score
      node { __typename ... on Measure { slug } ... on Project { slug } }
      runner { ags }
      explanation {
        basis model matchesTopic topicScore
        contributions { feature value contribution }
        peersLikeYou { ags }
        matchedTopics { topic { slug } }
      }
    }
  }
}`;
const learning = async (variables: Record<string, unknown>) => (await h.ok<any>(LEARNING, { first: 50, ...variables }, viewers.anonymous)).learningPartners;
const keyOf = (e: any) => `${e.node.__typename}:${e.node.slug}`;

describe('learning partners by the learned model', () => {
  it('rank every solution of a project the asker does not run, those on its topics first, the contributions adding up to each score', async () => {
    const { n } = (await h.cypher<{ n: number }>(
      `MATCH (x) WHERE (x:Project AND coalesce(x.status, '') <> 'CANCELLED' AND NOT (:Municipality {ags: '07137003'})-[:RUNS]->(x))
         OR (x:Measure AND EXISTS { MATCH (x)-[:PART_OF]->(p:Project) WHERE coalesce(p.status, '') <> 'CANCELLED' AND NOT (:Municipality {ags: '07137003'})-[:RUNS]->(p) })
       RETURN count(x) AS n`,
    ))[0]!;
    const conn = await learning({ ags: '07137003', interests: ['sharing'] });
    expect(conn.totalCount).toBe(n);
    const matches = conn.edges.map((e: any) => e.explanation.matchesTopic);
    expect(matches[0]).toBe(true);
    // Once one does not match, none after it does.
    expect(matches.slice(matches.indexOf(false))).not.toContain(true);
    for (const part of [conn.edges.filter((e: any) => e.explanation.matchesTopic), conn.edges.filter((e: any) => !e.explanation.matchesTopic)]) {
      const scores = part.map((e: any) => e.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    for (const e of conn.edges) {
      expect(e.explanation).toMatchObject({ basis: 'MODEL', model: LEARNING_MODEL.version });
      expect(e.explanation.contributions).toHaveLength(LEARNING_MODEL.features.length);
      expect(e.explanation.contributions.reduce((s: number, c: any) => s + c.contribution, 0)).toBeCloseTo(e.score, 9);
      const sizes = e.explanation.contributions.map((c: any) => Math.abs(c.contribution));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
      expect(e.explanation.matchedTopics.length > 0).toBe(e.explanation.matchesTopic);
    }
  });

  it('claims no topic the solution does not address and no take-up the graph does not hold', async () => {
    const conn = await learning({ ags: '07137003', interests: ['sharing', 'mobilitaet'] });
    let named = 0;
    for (const e of conn.edges) {
      const key = e.node.slug;
      for (const t of e.explanation.matchedTopics) {
        const { ok } = (await h.cypher<{ ok: boolean }>(
          `MATCH (x {id: $key}) WHERE x:Measure OR x:Project
           RETURN EXISTS { (x)-[:ADDRESSES]->(t:Topic) WHERE t.slug = $slug OR (t)-[:SUBTOPIC_OF]->(:Topic {slug: $slug}) OR (:Topic {slug: $slug})-[:SUBTOPIC_OF]->(t) } AS ok`,
          { key, slug: t.topic.slug },
        ))[0]!;
        expect(ok, `${key} addresses ${t.topic.slug}`).toBe(true);
      }
      for (const peer of e.explanation.peersLikeYou) {
        named++;
        const { ok } = (await h.cypher<{ ok: boolean }>(
          `MATCH (p:Municipality {ags: $peer}), (r:Municipality {ags: $runner})
           RETURN EXISTS { (p)-[u:USES]->(:Solution)-[:ORIGINATED_IN]->(r) WHERE coalesce(u.isOrigin, false) = false }
               OR EXISTS { (r)-[x:EXCHANGES_WITH {kind: 'TRANSFER'}]->(p) WHERE x.generated IS NULL } AS ok`,
          { peer: peer.ags, runner: e.runner.ags },
        ))[0]!;
        expect(ok, `${peer.ags} took something up from ${e.runner.ags}`).toBe(true);
      }
    }
    // Ulm's solutions name Mayen, which uses Ulm's app (Andernach is the asker itself, never named).
    const ulm = conn.edges.filter((e: any) => e.runner.ags === '08421000');
    expect(ulm.length).toBeGreaterThan(0);
    expect(ulm[0].explanation.peersLikeYou.map((m: any) => m.ags)).toEqual(['07137068']);
    expect(named).toBeGreaterThan(0);
    // The runner's take-ups (Mayen's app, Andernach's transfer) count in its feature.
    const takenUp = ulm[0].explanation.contributions.find((c: any) => c.feature === 'RUNNER_TAKEN_UP_BY');
    expect(takenUp.value).toBeCloseTo(Math.log1p(2), 12);
  });

  it('narrows by the runner and pages without repeats', async () => {
    const bavaria = await learning({ ags: '07137068', filter: { state: 'BAYERN' } });
    expect(bavaria.totalCount).toBeGreaterThan(0);
    expect(bavaria.edges.every((e: any) => e.runner.ags.startsWith('09'))).toBe(true);
    const all = (await learning({ ags: '07137068' })).edges.map(keyOf);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      const page: any = await learning({ ags: '07137068', first: 2, after });
      seen.push(...page.edges.map(keyOf));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });
});
