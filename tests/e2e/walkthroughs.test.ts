// The walk-throughs run as written: every `graphql` block of the "First
// queries, by who you are" section of docs/walkthroughs.md, and the README's
// own "First queries", are read from the files and sent over
// HTTP, with the credentials the text names, to the API over the bundled real
// data plus the generated demo links (as `npm start` and `npm run demo-links`
// would leave it).
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoLinks } from '../../src/import/demo-links.js';
import { runImport } from '../../src/import/import.js';
import { fromProject } from '../../src/paths.js';
import { loadConfig } from '../../src/config.js';
import { createSecurity } from '../../src/security.js';
import { createHarness, startHttp, testSecurityConfig, token, viewers, type Harness } from '../support/harness.js';
import { registerRead } from '../support/register.js';

/** The `graphql` blocks of each walk-through (### heading → blocks, in order). */
function walkthroughs(): Record<string, string[]> {
  const readme = readFileSync(fromProject('docs/walkthroughs.md'), 'utf8');
  const start = readme.indexOf('\n## First queries, by who you are\n');
  expect(start, 'docs/walkthroughs.md has the section "First queries, by who you are"').toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  return Object.fromEntries(
    section
      .split('\n### ')
      .slice(1)
      .map((part) => [part.slice(0, part.indexOf('\n')), [...part.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!)]),
  );
}

const sections = walkthroughs();
const blocks = (heading: string) => {
  const found = Object.entries(sections).find(([title]) => title.startsWith(heading));
  if (!found) throw new Error(`README.md: no walk-through "${heading}…" (found: ${Object.keys(sections).join('; ')})`);
  return found[1];
};
const clerk = blocks('A municipal clerk');
const office = blocks('The transfer office');
const developer = blocks('An app developer');
const smallTown = blocks('A clerk of a small town');

/** The README's own first queries: every `graphql` block of its section "First queries". */
function readmeFirstQueries(): string[] {
  const readme = readFileSync(fromProject('README.md'), 'utf8');
  const start = readme.indexOf('\n## First queries\n');
  expect(start, 'README.md has the section "First queries"').toBeGreaterThan(0);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}
const firstQueries = readmeFirstQueries();

type Answer = { status: number; headers: Headers; data: Record<string, any>; errors?: { message: string; extensions: Record<string, unknown> }[] };

let h: Harness;
let http: Awaited<ReturnType<typeof startHttp>>;
const send = async (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<Answer> => {
  const response = await fetch(`${http.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const body = (await response.json()) as Omit<Answer, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
};
const ok = async (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) => {
  const answer = await send(query, headers, variables);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.status).toBe(200);
  return answer;
};
const bearer = async (claims: Record<string, unknown>) => ({ authorization: `Bearer ${await token(claims)}` });

beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  const report = await runImport(h.db, { dataDir: fromProject('data'), register: await registerRead() });
  expect(report.ok).toBe(true);
  // Generated links would change nothing: the analytics count them only when asked.
  await writeDemoLinks(h.db);
  // With the production rate limits, as `npm start` runs.
  http = await startHttp(h.db, { security: createSecurity(h.db, testSecurityConfig({ limits: { rateLimit: loadConfig({}).limits.rateLimit } })) });
  // What a member of the Eifelkreis Bitburg-Prüm would enter: the walk-through says the clerk finds her.
  await ok(
    `mutation { createContact(input: { name: "Erika Beispiel", role: "Chief Digital Officer", email: "e.beispiel@bitburg-pruem.example",
       visibility: PUBLIC, consentAt: "2025-01-15T00:00:00Z", employer: { ags: "07232" }, expertise: ["mobilitaet"] }) { uuid } }`,
    await bearer({ role: 'member', ags: '07232' }),
  );
}, 180_000);
afterAll(async () => {
  await http.close();
  await h.close();
});

describe('README walk-throughs', () => {
  it('has the queries the walk-throughs show', () => {
    expect([clerk.length, smallTown.length, office.length, developer.length, firstQueries.length]).toEqual([3, 2, 2, 2, 3]);
  });

  it('answers the README\'s first queries without credentials, with something to see', async () => {
    const [peers, measures, page] = firstQueries as [string, string, string];
    expect((await ok(peers)).data.peers.edges).toHaveLength(5);
    const found = (await ok(measures)).data.measures;
    expect(found.totalCount).toBeGreaterThan(0);
    expect(found.edges[0].node.sources.length).toBeGreaterThan(0);
    const { municipality } = (await ok(page)).data;
    expect(municipality.name).toBe('Zwönitz, Stadt');
    expect(municipality.projects.edges[0].node.measures.length).toBeGreaterThan(0);
    expect(municipality.exchanges.length).toBeGreaterThan(0);
  });

  it('a municipal clerk finds her Kreis, its peers and whom to call there, without credentials', { timeout: 60_000 }, async () => {
    const [search, peers, contacts] = clerk as [string, string, string];
    const found = (await ok(search)).data.search;
    expect(found[0].node).toEqual({ ags: '07137', name: 'Mayen-Koblenz', kind: 'LANDKREIS' });

    const { edges, totalCount } = (await ok(peers)).data.peers;
    expect(totalCount).toBeGreaterThanOrEqual(5);
    expect(edges).toHaveLength(5);
    const scores = edges.map((e: { score: number }) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const { score, node, explanation } of edges) {
      expect(node.ags.startsWith('07137')).toBe(false);
      expect(explanation.distanceKm).toBeLessThanOrEqual(250);
      // The learned model's parts add up to the score, as the text says.
      expect(explanation.basis).toBe('MODEL');
      expect(explanation.model).toMatch(/^peers-/);
      expect(explanation.contributions.reduce((sum: number, c: { contribution: number }) => sum + c.contribution, 0)).toBeCloseTo(score, 9);
      expect(explanation.sharedTopics.reduce((sum: number, t: { weight: number }) => sum + t.weight, 0)).toBeCloseTo(explanation.topicScore, 6);
    }
    // As the text says: Kaiserslautern first, 106 km, Andernach a common partner; then the Eifelkreis Bitburg-Prüm, 78 km,
    // now with her; then Solingen, and her neighbours the Landkreis Neuwied, 18 km, and Koblenz.
    expect(edges.map((e: any) => e.node.ags)).toEqual(['07312000', '07232', '05122000', '07138', '07111000']);
    expect(Math.round(edges[0].explanation.distanceKm)).toBe(106);
    expect(edges[0].explanation.shared.partners.map((p: any) => p.name)).toContain('Andernach, Stadt');
    expect(edges[1].node).toMatchObject({ ags: '07232', contacts: [{ name: 'Erika Beispiel', role: 'Chief Digital Officer', email: 'e.beispiel@bitburg-pruem.example' }] });
    expect(Math.round(edges[1].explanation.distanceKm)).toBe(78);
    expect(Math.round(edges[3].explanation.distanceKm)).toBe(18);

    const answer = (await ok(contacts)).data;
    expect(answer.municipality.name).toBe('Eifelkreis Bitburg-Prüm');
    expect(answer.municipality.contacts).toEqual([{ name: 'Erika Beispiel', role: 'Chief Digital Officer', email: 'e.beispiel@bitburg-pruem.example', phone: null }]);
    const project = answer.municipality.projects.edges[0];
    expect(project).toMatchObject({ role: 'LEAD', node: { name: 'Eifelkreis Bitburg-Prüm', contacts: [] } });
    expect(project.node.contactPoints[0].unit).toMatch(/EIFELKREIS VERBINDET/);
    expect(project.node.contactPoints[0].unit).toBeTruthy();
    expect(project.node.sources.length).toBeGreaterThan(0);
    const experts = answer.experts.edges;
    const erika = experts.find((e: { node: { name: string } }) => e.node.name === 'Erika Beispiel');
    expect(erika.node.employer).toEqual({ name: 'Eifelkreis Bitburg-Prüm' });
    expect(erika.distanceKm).toBeLessThanOrEqual(250);
    expect(erika.reasons).toContainEqual({ kind: 'EXPERTISE', topic: { name: 'Mobilität' } });
  });

  it('a clerk of a small town without a project finds peers for her interests and solutions to adopt, without credentials', async () => {
    const [peersQuery, learningQuery] = smallTown as [string, string];
    const peers = (await ok(peersQuery)).data.peers;
    const learning = (await ok(learningQuery)).data.learningPartners;
    // As the text says: Bad Belzig first (90 km, three shared topics), then four of her own Kreis, every municipality ranked.
    expect(peers.totalCount).toBe(12_250);
    expect(peers.edges.map((e: any) => e.node.name)).toEqual(['Bad Belzig, Stadt', 'Wusterhausen/Dosse', 'Neustadt (Dosse)', 'Wittstock/Dosse, Stadt', 'Neuruppin, Stadt']);
    expect(peers.edges[0].explanation.sharedTopics.map((s: any) => s.topic.slug).sort()).toEqual(['digitale-services', 'mobilitaet', 'verwaltung']);
    expect(Math.round(peers.edges[0].explanation.distanceKm)).toBe(90);
    expect(peers.edges[0].explanation.structure).toMatchObject({ sameSizeClass: true, sameState: true });
    expect(peers.edges.slice(1).every((e: any) => e.node.ags.startsWith('12068'))).toBe(true);
    expect(Math.round(peers.edges[1].explanation.distanceKm)).toBe(7);
    for (const e of peers.edges) {
      expect(e.explanation.basis).toBe('MODEL');
      expect(e.explanation.contributions.reduce((sum: number, c: any) => sum + c.contribution, 0)).toBeCloseTo(e.score, 9);
    }
    // As the text says: every solution of another's project ranked, on-demand mobility first, ERZmobil at the top,
    // Zwönitz's own project moved below Brandis's car-sharing (a runner's further solutions step back).
    expect(learning.totalCount).toBe(569);
    expect(learning.edges.slice(0, 3).map((e: any) => [e.node.name, e.runner.name])).toEqual([
      ['ERZmobil', 'Zwönitz, Stadt'],
      ['Carsharing mit E-Mobilität', 'Brandis, Stadt'],
      ['Zwönitz', 'Zwönitz, Stadt'],
    ]);
    expect(learning.edges[0].explanation).toMatchObject({ basis: 'MODEL', matchesInterest: true, topicScore: 1, status: 'IMPLEMENTED' });
    expect(learning.edges[0].explanation.model).toMatch(/^learning-/);
    for (const e of learning.edges) {
      expect(e.explanation.matchesInterest).toBe(true);
      expect(e.explanation.contributions.reduce((sum: number, c: any) => sum + c.contribution, 0)).toBeCloseTo(e.score, 9);
    }
    expect(learning.edges[0].node.statusAsOf).toBe('2024');
    expect(learning.edges[0].contactPoints[0].unit).toMatch(/Zwönitz/);
    for (const e of learning.edges) expect(e.sources.length).toBeGreaterThan(0);
  });

  it('gives every Gemeinde of a seeded sample of 400 at least 5 peers and 5 learning partners, each explained', async () => {
    const gemeinden = (await h.cypher<{ ags: string }>("MATCH (m:Municipality) WHERE m.kind IN ['GEMEINDE', 'STADT', 'KREISFREIE_STADT'] RETURN m.ags AS ags ORDER BY ags")).map((r) => r.ags);
    expect(gemeinden).toHaveLength(10_754);
    const random = seedrandom('coverage-400');
    const sample = [...new Set(Array.from({ length: 800 }, () => gemeinden[Math.floor(random() * gemeinden.length)]!))].slice(0, 400);
    expect(sample).toHaveLength(400);
    const QUERY = `query ($ags: String!) {
      peers(ags: $ags, first: 5) { edges { score explanation { basis contributions { contribution } } } }
      learningPartners(ags: $ags, first: 5) { edges { score explanation { basis contributions { contribution } } } }
    }`;
    const short: string[] = [];
    for (const ags of sample) {
      const { data, errors } = await h.gql(QUERY, { ags }, viewers.anonymous);
      expect(errors).toBeUndefined();
      // A peer and a solution are each explained by their model's contributions, adding up to the score.
      const peersExplained = data!.peers.edges.filter((e: any) => e.explanation.basis === 'MODEL' && Math.abs(e.explanation.contributions.reduce((s: number, c: any) => s + c.contribution, 0) - e.score) < 1e-9).length;
      const solutionsExplained = data!.learningPartners.edges.filter((e: any) => e.explanation.basis === 'MODEL' && Math.abs(e.explanation.contributions.reduce((s: number, c: any) => s + c.contribution, 0) - e.score) < 1e-9).length;
      if (peersExplained < 5 || solutionsExplained < 5) short.push(ags);
    }
    expect(short).toEqual([]);
  }, 180_000);

  it('the transfer office reads reach, white spots, growth, brokers and communities with an analyst token', async () => {
    const [reach, network] = office as [string, string];
    // The analytics are not public.
    expect((await send(reach)).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const analyst = await bearer({ role: 'analyst' });

    const { data } = await ok(reach, analyst);
    const r = data.reach;
    expect(r.seeds).toBeGreaterThanOrEqual(1);
    expect(r.reachedCount).toBeGreaterThan(r.seeds);
    expect(r.municipalities.total).toBe(10_754);
    expect(r.municipalities.reached).toBeGreaterThan(0);
    expect(r.municipalities.share).toBeCloseTo(r.municipalities.reached / r.municipalities.total, 9);
    expect(r.municipalities.populationShare).toBeGreaterThan(0);
    expect(r.municipalities.populationShare).toBeLessThan(1);
    expect(r.byState.length).toBeGreaterThan(1);
    expect(r.byState.reduce((n: number, s: { share: { reached: number } }) => n + s.share.reached, 0)).toBe(r.municipalities.reached);
    expect(r.whiteSpots).toHaveLength(10);
    const populations = r.whiteSpots.map((w: { population: number }) => w.population);
    expect([...populations].sort((a, b) => b - a)).toEqual(populations);
    for (const { hops, path } of r.reached.edges) {
      expect(hops).toBeLessThanOrEqual(2);
      expect(path).toHaveLength(hops + 1);
    }
    const growth = data.reachGrowth;
    // Oldest first: the Smart City Dialog 2019, then the first regional conference.
    expect(growth[0]).toMatchObject({ event: { title: expect.stringMatching(/^Smart City Dialog 2019/) }, date: '2019-09-18' });
    expect(growth[1]).toMatchObject({ event: { title: expect.stringMatching(/^1\. Regionalkonferenz/) }, date: '2022-03-22' });
    for (const step of growth) expect(step.after).toBe(step.before + step.added);

    let answer = (await ok(network, analyst)).data.reachNetwork;
    expect(['COMPUTING', 'READY']).toContain(answer.status);
    // Betweenness over the whole register takes a few seconds of CPU (longer on a busy machine).
    for (let i = 0; i < 180 && answer.status !== 'READY'; i++) {
      await new Promise((done) => setTimeout(done, 500));
      answer = (await ok(network, analyst)).data.reachNetwork;
    }
    expect(answer.status).toBe('READY');
    expect(answer.brokers).toHaveLength(5);
    expect(answer.brokers[0].betweenness).toBeGreaterThan(0);
    expect(answer.communities).toHaveLength(3);
    expect(answer.communities[0].size).toBeGreaterThanOrEqual(answer.communities[2].size);
  }, 150_000);

  it('an app developer gets a key from an admin and pages through all model projects with it', async () => {
    const [create, page] = developer as [string, string];
    const created = (await ok(create, await bearer({ role: 'admin' }))).data.createApiKey;
    expect(created.key).toMatch(/^scg_[0-9a-f]{16}_/);
    expect(created.apiKey).toMatchObject({ name: 'Smart-City-Karte', role: 'READER' });
    const asApp = { 'x-api-key': created.key as string };

    const slugs: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const answer = await ok(page, asApp, after === undefined ? undefined : { after });
      // Counted against the key's own budget.
      expect(answer.headers.get('ratelimit-limit')).toBe(String(created.apiKey.rateLimit));
      const { totalCount, edges, pageInfo } = answer.data.projects;
      expect(totalCount).toBe(73);
      slugs.push(...edges.map((e: { node: { slug: string } }) => e.node.slug));
      pages++;
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(new Set(slugs).size).toBe(73);
  }, 60_000);
});
