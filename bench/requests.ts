// The benchmark's requests, each three ways: the GraphQL operation the API
// (b) answers, the floor (a0/a1: the single best Cypher statement, run through
// the driver; for the formulas R1f, R5f, R6f the scoring written in Cypher,
// bench/statements.ts; for the learned models R1, R5, R6 one statement and the
// scoring in process, bench/model-floor.ts), and how both are brought to one
// shape to be compared.
import { ANONYMOUS, viewerParams } from '../src/auth/viewer.js';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { CONTACT_FIELDS, CONTACT_SHOWN } from '../src/records/contact.js';
import { capLimit, LIST_CAPS } from '../src/kernel/list-caps.js';
import type { Key } from './data.js';
import { today } from '../src/features/reach/reach.service.js';
import { R1_FLOOR, R4_FLOOR, R6_FLOOR } from './statements.js';
import { MODEL_LEARNING_FLOOR, MODEL_PEERS_FLOOR, modelLearningFloor, modelPeersFloor, type ModelLearningPage, type ModelPeersPage } from './model-floor.js';

export interface BenchRequest {
  id: string;
  title: string;
  /** GraphQL for the API (b). */
  query: string;
  variables(key: Key): Record<string, unknown>;
  /** The floor: one statement (and, for R1, the scoring), answering in the normal shape. */
  floor(db: Database, key: Key): Promise<unknown>;
  /** The API's `data` in the normal shape. */
  normalize(data: any): unknown;
  /** The floor's Cypher, for PROFILE. */
  statement: { text: string; params(key: Key): Record<string, unknown> };
  /** Analytics: b is asked with an analyst's token. */
  analytics?: boolean;
  /**
   * The same request to the peer (c), @neo4j/graphql; `viaCypher` when it runs the floor statement in an `@cypher` field,
   * `viaResolver` when a custom Query resolver runs the floor (a learned model, which no `@cypher` can hold).
   */
  peer: { query: string; variables(key: Key): Record<string, unknown>; normalize(data: any): unknown; viaCypher: boolean; viaResolver?: boolean };
}

const anonymous = viewerParams(ANONYMOUS);

// R1f — peers of a municipality, first 10 with explanations, by the formula of before (rankBy: BOTH), which the
// floor and the peer write in Cypher. R1 asks the same by the learned model, the API's default (modelPeersRequest).
const R1_QUERY = `query ($ags: String!, $interests: [String!]) { peers(ags: $ags, interests: $interests, first: 10, rankBy: BOTH) { totalCount edges { score node { ags }
  explanation { distanceKm sizeClass sharedTopics { topic { slug } weight } } } } }`;
type R1Row = { totalCount: number; edges: { ags: string; score: number; distanceKm: number | null; sizeClass: string | null; sharedTopics: { slug: string; weight: number }[] }[] };
const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
const r1Normal = (c: { totalCount: number; edges: { score: number; node: { ags: string }; explanation: { distanceKm: number | null; sizeClass: string | null; sharedTopics: { slug: string; weight: number }[] } }[] }) => ({
  total: c.totalCount,
  peers: c.edges.map((e) => [e.node.ags, round(e.score), round(e.explanation.distanceKm), e.explanation.sizeClass, e.explanation.sharedTopics.map((s) => [s.slug, round(s.weight)])]),
});

// R5 — peers of a Gemeinde that runs no project, with three interests for this request: R1's shape (peersRequest).

// R6f — learning partners of a Kleinstadt, first 10, with runner, status and matched topics, by the formula of
// before (rankBy: FORMULA). R6 asks the same by the learned model (modelLearningRequest).
const R6_QUERY = `query ($ags: String!) { learningPartners(ags: $ags, first: 10, rankBy: FORMULA) { totalCount edges { score
  node { __typename ... on Measure { slug } ... on Project { slug } } runner { ags }
  explanation { status matchedTopics { topic { slug } weight } } } } }`;
type R6Edge = { type: string; slug: string; status: string; runner: string; score: number; matched: { slug: string; weight: number }[] };
type R6Row = { totalCount: number; edges: R6Edge[] };
const r6Normal = (r: R6Row) => ({
  total: r.totalCount,
  solutions: r.edges.map((e) => [e.type, e.slug, round(e.score), e.runner, e.status, e.matched.map((m) => [m.slug, round(m.weight)])]),
});

// R2 — a municipality page: 10 projects with their topics and contacts, and its own contacts (each
// list cut at the product's cap, src/kernel/list-caps.ts, in all three).
const R2_QUERY = `query ($ags: String!) { municipality(ags: $ags) { name
  projects(first: 10) { edges { node { slug name topics { slug } contacts { name email } } } }
  contacts { name email } } }`;
const R2 = cypher(
  'bench.r2',
  `MATCH (m:Municipality {ags: $ags})
   CALL (m) {
     MATCH (m)-[:RUNS]->(p:Project)
     WITH p ORDER BY p.nameKey, p.id LIMIT 10
     RETURN collect({
       slug: p.id, name: p.name,
       topics: COLLECT { MATCH (p)-[:ADDRESSES]->(t:Topic) RETURN t.slug ORDER BY t.slug ${capLimit('Project.topics')} },
       contacts: COLLECT { MATCH (x:Contact)-[:CONTACT_FOR]->(p) WHERE ${CONTACT_SHOWN('x')} WITH x ORDER BY x.nameKey, x.id ${capLimit('Project.contacts')} RETURN ${CONTACT_FIELDS('x')} }
     }) AS projects
   }
   RETURN m.name AS name, projects,
          COLLECT { MATCH (x:Contact)-[:WORKS_FOR]->(m) WHERE ${CONTACT_SHOWN('x')} WITH x ORDER BY x.nameKey, x.id ${capLimit('Municipality.contacts')} RETURN ${CONTACT_FIELDS('x')} } AS contacts`,
);
type Person = { name: string; email: string | null };
const people = (xs: Person[]) => xs.map((c) => [c.name, c.email]);

// R3 — a filtered project page with totalCount and runners.
const R3_QUERY = `query ($topic: String, $state: State) { projects(filter: { topic: $topic, state: $state }, first: 20) {
  totalCount edges { node { slug name runners { role municipality { ags name } } } } } }`;
const R3 = cypher(
  'bench.r3',
  `CALL () {
     MATCH (p:Project)
     WHERE EXISTS { (p)-[:ADDRESSES]->(t:Topic) WHERE t.slug = $topic OR EXISTS { (t)-[:SUBTOPIC_OF]->(:Topic {slug: $topic}) } }
       AND ($state IS NULL OR EXISTS { (:Municipality {state: $state})-[:RUNS]->(p) })
     RETURN p
   }
   WITH collect(p) AS matched
   UNWIND matched AS p
   WITH size(matched) AS total, p ORDER BY p.nameKey, p.id LIMIT 20
   RETURN total, collect({slug: p.id, name: p.name,
     runners: COLLECT { MATCH (m:Municipality)-[r:RUNS]->(p) WITH r, m ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.nameKey, m.ags
                        RETURN {role: r.role, ags: m.ags, name: m.name} }}) AS projects`,
);

// R4 — reach within two hops of a municipality, as of today: counts overall and per Land.
const R4_QUERY = `query ($ags: String!) { reach(from: { municipality: $ags }, maxHops: 2) { reachedCount
  municipalities { reached total populationReached populationTotal }
  byState { key share { reached total populationReached populationTotal } } } }`;
type Counts = { reached: number; total: number; populationReached: number; populationTotal: number };
type R4Row = { reachedCount: number; municipalities: Counts; byState: (Counts & { key: string })[] };
const counts = (c: Counts) => [c.reached, c.total, c.populationReached, c.populationTotal];
const r4Normal = (r: R4Row) => ({ reached: r.reachedCount, all: counts(r.municipalities), byState: r.byState.map((b) => [b.key, ...counts(b)]) });

// The peer's R2: the generated API's filters, sorting and limits; anonymous contacts = consented ones.
const SHOWN = '{ NOT: { consentAt: { eq: null } } }';
const PEER_R2 = `query ($ags: String!) { municipalities(where: { ags: { eq: $ags } }) { name
  projects(limit: 10, sort: [{ nameKey: ASC }, { id: ASC }]) { id name topics(sort: [{ slug: ASC }], limit: ${LIST_CAPS['Project.topics']}) { slug }
    contacts(where: ${SHOWN}, sort: [{ nameKey: ASC }, { id: ASC }], limit: ${LIST_CAPS['Project.contacts']}) { name email } }
  contacts(where: ${SHOWN}, sort: [{ nameKey: ASC }, { id: ASC }], limit: ${LIST_CAPS['Municipality.contacts']}) { name email } } }`;
const PEER_R3 = `query ($where: ProjectWhere) { projectsConnection(where: $where, first: 20, sort: [{ nameKey: ASC }, { id: ASC }]) { totalCount
  edges { node { id name runnersConnection(sort: [{ edge: { role: ASC } }, { node: { nameKey: ASC } }, { node: { ags: ASC } }]) {
    edges { properties { role } node { ags name } } } } } } }`;

/** R1 and R5: the first 10 peers of `asker(key)` with its interests, as the API, the floor and the peer answer them. */
function peersRequest(id: string, title: string, asker: (k: Key) => { ags: string; interests: string[] }): BenchRequest {
  const params = (k: Key) => ({ ...asker(k), first: 10 });
  const fromFloor = (row: R1Row) => r1Normal({ totalCount: row.totalCount, edges: row.edges.map((e) => ({ score: e.score, node: { ags: e.ags }, explanation: e })) });
  return {
    id,
    title,
    query: R1_QUERY,
    variables: asker,
    async floor(db, k) {
      const [row] = await db.read('bench.r1', (tx) => tx.run<R1Row>(R1_FLOOR, params(k)));
      return row ? fromFloor(row) : null;
    },
    normalize: (d) =>
      r1Normal({
        totalCount: d.peers.totalCount,
        edges: d.peers.edges.map((e: any) => ({ ...e, explanation: { ...e.explanation, sharedTopics: e.explanation.sharedTopics.map((s: any) => ({ slug: s.topic.slug, weight: s.weight })) } })),
      }),
    statement: { text: R1_FLOOR.text, params },
    peer: {
      query: 'query ($ags: String!, $interests: [String!]!) { peers(ags: $ags, first: 10, interests: $interests) { totalCount edges { ags score distanceKm sizeClass sharedTopics { slug weight } } } }',
      variables: asker,
      normalize: (d) => d.peers && fromFloor(d.peers),
      viaCypher: true,
    },
  };
}

const modelPeersNormal = (p: ModelPeersPage) => ({ total: p.totalCount, peers: p.edges.map((e) => [e.ags, round(e.score), round(e.distanceKm)]) });

/** R1 and R5 by the learned model (the API's default): the first 10 peers with score and distance. */
function modelPeersRequest(id: string, title: string, asker: (k: Key) => { ags: string; interests: string[] }): BenchRequest {
  return {
    id,
    title,
    query: 'query ($ags: String!, $interests: [String!]) { peers(ags: $ags, interests: $interests, first: 10) { totalCount edges { score node { ags } explanation { distanceKm } } } }',
    variables: asker,
    async floor(db, k) {
      const page = await modelPeersFloor(db, asker(k).ags, asker(k).interests, 10);
      return page && modelPeersNormal(page);
    },
    normalize: (d) => modelPeersNormal({ totalCount: d.peers.totalCount, edges: d.peers.edges.map((e: any) => ({ ags: e.node.ags, score: e.score, distanceKm: e.explanation.distanceKm })) }),
    statement: { text: MODEL_PEERS_FLOOR.text, params: () => ({}) },
    peer: {
      query: 'query ($ags: String!, $interests: [String!]!) { modelPeers(ags: $ags, first: 10, interests: $interests) { totalCount edges { ags score distanceKm } } }',
      variables: asker,
      normalize: (d) => d.modelPeers && modelPeersNormal(d.modelPeers),
      viaCypher: false,
      viaResolver: true,
    },
  };
}

const modelLearningNormal = (p: ModelLearningPage) => ({ total: p.totalCount, solutions: p.edges.map((e) => [e.type, e.slug, round(e.score), e.runner, e.status]) });

export const REQUESTS: BenchRequest[] = [
  modelPeersRequest('R1', 'peers of a municipality by the learned model (first 10, with score and distance)', (k) => ({ ags: k.ags, interests: [] })),
  peersRequest('R1f', 'peers of a municipality by the formula (first 10, with explanations)', (k) => ({ ags: k.ags, interests: [] })),
  {
    id: 'R2',
    title: 'a municipality page (10 projects → topics and contacts, plus its contacts)',
    query: R2_QUERY,
    variables: (k) => ({ ags: k.ags }),
    async floor(db, k) {
      const [row] = await db.read('bench.r2', (tx) => tx.run<{ name: string; projects: { slug: string; name: string; topics: string[]; contacts: Person[] }[]; contacts: Person[] }>(R2, { ags: k.ags, viewer: anonymous }));
      if (!row) return null;
      return { name: row.name, projects: row.projects.map((p) => [p.slug, p.name, p.topics, people(p.contacts)]), contacts: people(row.contacts) };
    },
    normalize: (d) =>
      d.municipality && {
        name: d.municipality.name,
        projects: d.municipality.projects.edges.map((e: any) => [e.node.slug, e.node.name, e.node.topics.map((t: any) => t.slug), people(e.node.contacts)]),
        contacts: people(d.municipality.contacts),
      },
    statement: { text: R2.text, params: (k) => ({ ags: k.ags, viewer: anonymous }) },
    peer: {
      query: PEER_R2,
      variables: (k) => ({ ags: k.ags }),
      normalize: (d) => {
        const m = d.municipalities[0];
        return m && { name: m.name, projects: m.projects.map((p: any) => [p.id, p.name, p.topics.map((t: any) => t.slug), people(p.contacts)]), contacts: people(m.contacts) };
      },
      viaCypher: false,
    },
  },
  {
    id: 'R3',
    title: 'a filtered project page (topic incl. sub-topics, maybe a Land) with totalCount and runners',
    query: R3_QUERY,
    variables: (k) => ({ topic: k.topic, state: k.state }),
    async floor(db, k) {
      const [row] = await db.read('bench.r3', (tx) =>
        tx.run<{ total: number; projects: { slug: string; name: string; runners: { role: string; ags: string; name: string }[] }[] }>(R3, { topic: k.topic, state: k.state }),
      );
      return { total: row?.total ?? 0, projects: (row?.projects ?? []).map((p) => [p.slug, p.name, p.runners.map((r) => [r.role, r.ags, r.name])]) };
    },
    normalize: (d) => ({
      total: d.projects.totalCount,
      projects: d.projects.edges.map((e: any) => [e.node.slug, e.node.name, e.node.runners.map((r: any) => [r.role, r.municipality.ags, r.municipality.name])]),
    }),
    statement: { text: R3.text, params: (k) => ({ topic: k.topic, state: k.state }) },
    peer: {
      query: PEER_R3,
      variables: (k) => ({
        where: {
          topics: { some: { OR: [{ slug: { eq: k.topic } }, { parent: { some: { slug: { eq: k.topic } } } }] } },
          ...(k.state ? { runners: { some: { state: { eq: k.state } } } } : {}),
        },
      }),
      normalize: (d) => ({
        total: d.projectsConnection.totalCount,
        projects: d.projectsConnection.edges.map((e: any) => [e.node.id, e.node.name, e.node.runnersConnection.edges.map((r: any) => [r.properties.role, r.node.ags, r.node.name])]),
      }),
      viaCypher: false,
    },
  },
  {
    id: 'R4',
    title: 'reach within 2 hops of a municipality, as of today (overall and per Land)',
    query: R4_QUERY,
    variables: (k) => ({ ags: k.ags }),
    analytics: true,
    async floor(db, k) {
      const [row] = await db.read('bench.r4', (tx) => tx.run<R4Row>(R4_FLOOR, { ags: k.ags, asOf: today() }));
      return row ? r4Normal(row) : null;
    },
    normalize: (d) => r4Normal({ ...d.reach, byState: d.reach.byState.map((b: any) => ({ key: b.key, ...b.share })) }),
    statement: { text: R4_FLOOR.text, params: (k) => ({ ags: k.ags, asOf: today() }) },
    peer: {
      query: 'query ($ags: String!, $asOf: String!) { reach(ags: $ags, asOf: $asOf) { reachedCount municipalities { reached total populationReached populationTotal } byState { key reached total populationReached populationTotal } } }',
      variables: (k) => ({ ags: k.ags, asOf: today() }),
      normalize: (d) => d.reach && r4Normal(d.reach),
      viaCypher: true,
    },
  },
  modelPeersRequest('R5', 'peers of a Gemeinde that runs no project, with 3 interests, by the learned model (first 10)', (k) => k.newcomer),
  peersRequest('R5f', 'peers of a Gemeinde that runs no project, with 3 interests, by the formula (first 10, with explanations)', (k) => k.newcomer),
  {
    id: 'R6',
    title: 'learning partners of a Kleinstadt by the learned model (first 10: solution, runner, status, score)',
    query: `query ($ags: String!) { learningPartners(ags: $ags, first: 10) { totalCount edges { score
      node { __typename ... on Measure { slug } ... on Project { slug } } runner { ags } explanation { status } } } }`,
    variables: (k) => ({ ags: k.kleinstadt }),
    async floor(db, k) {
      const page = await modelLearningFloor(db, k.kleinstadt, 10);
      return page && modelLearningNormal(page);
    },
    normalize: (d) =>
      modelLearningNormal({
        totalCount: d.learningPartners.totalCount,
        edges: d.learningPartners.edges.map((e: any) => ({ type: e.node.__typename, slug: e.node.slug, runner: e.runner.ags, status: e.explanation.status, score: e.score })),
      }),
    statement: { text: MODEL_LEARNING_FLOOR.text, params: () => ({}) },
    peer: {
      query: 'query ($ags: String!) { modelLearningPartners(ags: $ags, first: 10) { totalCount edges { type slug runner status score } } }',
      variables: (k) => ({ ags: k.kleinstadt }),
      normalize: (d) => d.modelLearningPartners && modelLearningNormal(d.modelLearningPartners),
      viaCypher: false,
      viaResolver: true,
    },
  },
  {
    id: 'R6f',
    title: 'learning partners of a Kleinstadt by the formula (first 10: solution, runner, status, matched topics)',
    query: R6_QUERY,
    variables: (k) => ({ ags: k.kleinstadt }),
    async floor(db, k) {
      const [row] = await db.read('bench.r6', (tx) => tx.run<R6Row>(R6_FLOOR, { ags: k.kleinstadt, first: 10, interests: [] }));
      return row ? r6Normal(row) : null;
    },
    normalize: (d) =>
      r6Normal({
        totalCount: d.learningPartners.totalCount,
        edges: d.learningPartners.edges.map((e: any) => ({
          type: e.node.__typename,
          slug: e.node.slug,
          status: e.explanation.status,
          runner: e.runner.ags,
          score: e.score,
          matched: e.explanation.matchedTopics.map((m: any) => ({ slug: m.topic.slug, weight: m.weight })),
        })),
      }),
    statement: { text: R6_FLOOR.text, params: (k) => ({ ags: k.kleinstadt, first: 10, interests: [] }) },
    peer: {
      query: 'query ($ags: String!) { learningPartners(ags: $ags, first: 10) { totalCount edges { type slug status runner score matched { slug weight } } } }',
      variables: (k) => ({ ags: k.kleinstadt }),
      normalize: (d) => d.learningPartners && r6Normal(d.learningPartners),
      viaCypher: true,
    },
  },
];
