// One database round-trip per nesting level, never one per item: counted by
// the statement observer the product's Database offers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf, ANONYMOUS } from '../../src/auth/viewer.js';
import { municipalityRepository } from '../../src/features/municipality/municipality.repository.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
const MUNICIPALITIES = 40;
const PROJECTS_EACH = 3;
const TOPICS = 10;

beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  // Saarland (10) with one Kreis and 40 Gemeinden; each Gemeinde runs 3 projects of 3 topics each.
  await h.cypher(
    `CREATE (land:Municipality {ags: '10', name: 'Saarland', nameKey: 'saarland', kind: 'LAND', state: 'SAARLAND'})
     CREATE (kreis:Municipality {ags: '10041', name: 'Regionalverband', nameKey: 'regionalverband', kind: 'LANDKREIS', state: 'SAARLAND'})-[:PART_OF]->(land)
     WITH kreis
     UNWIND range(0, $topics - 1) AS t
     CREATE (:Topic {slug: 'rt-topic-' + t, name: 'Thema ' + t})
     WITH kreis, count(*) AS _
     UNWIND range(1, $municipalities) AS m
     CREATE (g:Municipality {ags: '10041' + right('000' + toString(m), 3), name: 'Gemeinde ' + m, nameKey: 'gemeinde ' + right('000' + toString(m), 3),
                             kind: 'GEMEINDE', state: 'SAARLAND'})-[:PART_OF]->(kreis)
     WITH g, m
     UNWIND range(1, $projects) AS p
     CREATE (g)-[:RUNS {role: 'LEAD'}]->(x:Project {id: 'rt-' + m + '-' + p, name: 'Projekt ' + m + '-' + p, nameKey: 'projekt ' + m + '-' + p})
     WITH x, m, p
     UNWIND range(0, 2) AS k
     MATCH (t:Topic {slug: 'rt-topic-' + ((m + p + k) % $topics)})
     CREATE (x)-[:ADDRESSES]->(t)`,
    { municipalities: MUNICIPALITIES, projects: PROJECTS_EACH, topics: TOPICS },
  );
});
afterAll(() => h.close());

describe('round-trips per request', () => {
  it('a 3-level nested list costs 3 statements, whatever the number of items', async () => {
    const result = await h.gql(`{
      municipalities(filter: { kinds: [GEMEINDE] }, first: 40) {
        edges { node { ags projects(first: 10) { edges { node { slug topics { slug } } } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const municipalities = result.data!.municipalities.edges;
    const projects = municipalities.flatMap((e: any) => e.node.projects.edges);
    const topics = projects.flatMap((e: any) => e.node.topics);
    // The query really did fan out: 40 municipalities, 120 projects, 360 topic entries.
    expect(municipalities).toHaveLength(MUNICIPALITIES);
    expect(projects).toHaveLength(MUNICIPALITIES * PROJECTS_EACH);
    expect(topics).toHaveLength(MUNICIPALITIES * PROJECTS_EACH * 3);
    expect(result.statements).toEqual(['municipality.list.NAME', 'municipality.projects', 'project.topics']);
  });

  it('sibling relations on one level each cost one statement, and a 4th level one more', async () => {
    const result = await h.gql(`{
      municipalities(filter: { kinds: [GEMEINDE] }, first: 30) {
        edges { node {
          parent { ags }
          land { ags }
          projects(first: 3) { edges { node { runners { role municipality { ags } } topics { slug projects(first: 1) { totalCount } } } } }
        } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.statements.length).toBeLessThanOrEqual(1 + 3 + 2 + 1);
    expect([...result.statements].sort()).toEqual(
      ['municipality.list.NAME', 'municipality.parent', 'municipality.land', 'municipality.projects', 'project.runners', 'project.topics', 'topic.projects'].sort(),
    );
  });

  it('the counter counts: one batched load is one statement, one load per item is one per item', async () => {
    const batched = await h.gql(`{ a: municipality(ags: "10041001") { projects { totalCount } } b: municipality(ags: "10041002") { projects { totalCount } } }`);
    // Both pages come from the look-ahead's one batched statement (municipality.page.ts).
    expect(batched.statements).toEqual(['municipality.page']);
    expect(batched.data).toEqual({ a: { projects: { totalCount: 3 } }, b: { projects: { totalCount: 3 } } });
    // The same lookups without a loader, one call per item, as a resolver without DataLoader would make them.
    const seen: string[] = [];
    const repo = municipalityRepository(h.db.observed((s) => seen.push(s.name)), accessOf(ANONYMOUS));
    for (const ags of ['10041001', '10041002', '10041003']) await repo.byAgs([ags]);
    expect(seen).toEqual(['municipality.byAgs', 'municipality.byAgs', 'municipality.byAgs']);
  });
});
