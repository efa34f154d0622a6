// What a cluster and several API replicas rely on, tested as far as one
// Community server allows: the same build over a neo4j:// routing URI, reads
// in READ transactions (which a cluster serves from followers), and
// bookmarks carrying a person's write to their next read on another replica.
import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Statement } from '../../src/db/cypher.js';
import { createDriver, Database } from '../../src/db/database.js';
import { createHarness, startHttp, token, type Harness } from '../support/harness.js';
import { loadFixture } from '../support/fixture.js';

// Built while the module loads: the server seals the statement factory.
const WRITE_IN_READ = cypher('test.writeInRead', "CREATE (:Topic {slug: 'never-written', name: 'x'})");

let h: Harness;
let routing: ReturnType<typeof createDriver>;
let routed: Database;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  await loadFixture(h);
  // A routing URI against the single server: the driver asks it for a routing table, as it would a cluster.
  routing = createDriver(inject('neo4jUri').replace(/^bolt:/, 'neo4j:'), 'neo4j', process.env.TEST_NEO4J_PASSWORD);
  routed = new Database(routing, { database: 'neo4j', timeoutMs: 20_000 });
});
afterAll(async () => {
  await routing.close();
  await h.close();
});

type Body = { data?: Record<string, any> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
const post = async (url: string, query: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
};
const asAdmin = async () => ({ authorization: `Bearer ${await token({ role: 'admin' })}` });

describe('a neo4j:// routing URI', () => {
  it('serves reads and writes through the API', async () => {
    expect(inject('neo4jUri')).toMatch(/^bolt:/);
    const http = await startHttp(routed);
    try {
      const read = await post(http.url, '{ municipality(ags: "07137") { name projects { totalCount } } }');
      expect(read.body).toEqual({ data: { municipality: { name: 'Mayen-Koblenz', projects: { totalCount: 1 } } } });
      const write = await post(http.url, 'mutation { addInterest(ags: "07137", topic: "energie", since: "2025-01-01") { ags } }', await asAdmin());
      expect(write.body).toEqual({ data: { addInterest: { ags: '07137' } } });
      const after = await post(http.url, '{ municipality(ags: "07137") { interests { topic { slug } } } }');
      expect(after.body.data!.municipality.interests.map((i: { topic: { slug: string } }) => i.topic.slug)).toContain('energie');
    } finally {
      await http.close();
    }
  });
});

describe('reads', () => {
  it('run in READ transactions: the server refuses a write in one', async () => {
    for (const db of [h.db, routed]) {
      const failure = await db.read('test.writeInRead', (tx) => tx.run(WRITE_IN_READ)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Neo4jError);
      expect((failure as Neo4jError).code).toBe('Neo.ClientError.Statement.AccessMode');
    }
    expect(await h.cypher("MATCH (t:Topic {slug: 'never-written'}) RETURN t")).toEqual([]);
  });

  it('every statement of a query operation is a read; mutations write', async () => {
    const modes: Record<string, Set<string>> = {};
    let operation = '';
    const http = await startHttp(h.db, {
      observeQueries: () => (statement: Statement, mode: 'READ' | 'WRITE') => {
        (modes[operation] ??= new Set()).add(mode);
        void statement;
      },
    });
    const analyst = { authorization: `Bearer ${await token({ role: 'analyst' })}` };
    try {
      const queries = {
        page: '{ municipality(ags: "07137") { name kreis { name } projects { edges { node { name topics { name } contacts { name } } } } contacts { name } } }',
        lists: '{ projects(first: 5) { totalCount edges { node { name runners { municipality { name } } } } } events { edges { node { title attendees { totalCount } } } } }',
        discovery: '{ peers(ags: "07137", first: 3) { edges { score node { name } } } search(text: "Mayen") { score node { __typename } } experts(topics: ["mobilitaet"]) { edges { node { name } } } }',
        reach: '{ reach(from: { event: "rk-myk" }, maxHops: 2) { reachedCount whiteSpots { kreis { name } } } }',
      };
      for (const [name, query] of Object.entries(queries)) {
        operation = name;
        const answer = await post(http.url, query, name === 'reach' ? analyst : {});
        expect(answer.body.errors, name).toBeUndefined();
      }
      operation = 'mutation';
      const write = await post(http.url, 'mutation { addInterest(ags: "07137068", topic: "energie") { ags } }', await asAdmin());
      expect(write.body.errors).toBeUndefined();
      expect(Object.fromEntries(Object.entries(modes).map(([k, v]) => [k, [...v].sort()]))).toEqual({
        page: ['READ'],
        lists: ['READ'],
        discovery: ['READ'],
        reach: ['READ'],
        // The mutation's answer is read fresh after the write (and sees it: the bookmark manager).
        mutation: ['READ', 'WRITE'],
      });
    } finally {
      await http.close();
    }
  });
});

describe('bookmarks between replicas', () => {
  it("carry a person's write to their next read on another replica", async () => {
    // Two replicas: two Database objects, so two bookmark managers, as in two processes.
    const a = await startHttp(new Database(h.driver, { database: 'neo4j', timeoutMs: 20_000 }));
    const b = await startHttp(routed);
    const admin = await asAdmin();
    try {
      const write = await post(a.url, 'mutation { addInterest(ags: "08421000", topic: "buergerbeteiligung") { ags } }', admin);
      expect(write.body.errors).toBeUndefined();
      const bookmark = write.headers.get('neo4j-bookmark');
      expect(bookmark).toMatch(/^[A-Za-z0-9+/=:_.-]+$/);
      // Reads give none back: they have nothing to wait for.
      expect((await post(a.url, '{ __typename }', admin)).headers.get('neo4j-bookmark')).toBeNull();

      const read = await post(b.url, '{ municipality(ags: "08421000") { interests { topic { slug } } } }', { ...admin, 'neo4j-bookmark': bookmark! });
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data!.municipality.interests.map((i: { topic: { slug: string } }) => i.topic.slug)).toContain('buergerbeteiligung');

      // The bookmark really reaches Neo4j: one it did not issue is refused there, as bad input.
      const forged = await post(b.url, '{ municipality(ags: "08421000") { name } }', { ...admin, 'neo4j-bookmark': 'FB:bm90IGEgYm9va21hcms=' });
      expect(forged.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(forged.body.errors![0]!.message).toMatch(/Neo4j-Bookmark/);
      // Malformed: refused before GraphQL.
      const malformed = await post(b.url, '{ __typename }', { ...admin, 'neo4j-bookmark': 'no spaces allowed' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      // Callers who never write cannot make a request wait: their bookmarks are not used.
      const anonymous = await post(b.url, '{ municipality(ags: "08421000") { name } }', { 'neo4j-bookmark': 'FB:bm90IGEgYm9va21hcms=' });
      expect(anonymous.body).toEqual({ data: { municipality: { name: 'Ulm, Universitätsstadt' } } });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
