// The HTTP app as clients see it: real requests over loopback to the product's app, over the test Neo4j.
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, startHttp, type Harness } from '../support/harness.js';
import { loadFixture } from '../support/fixture.js';

let h: Harness;
let http: Awaited<ReturnType<typeof startHttp>>;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  await loadFixture(h);
  http = await startHttp(h.db);
});
afterAll(async () => {
  await http.close();
  await h.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('HTTP', () => {
  it('answers a nested query: municipality → projects → topics', async () => {
    const response = await post({ query: '{ municipality(ags: "07137") { name projects { edges { node { name topics { name } } } } } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { municipality: { name: 'Mayen-Koblenz', projects: { edges: [{ node: { name: 'Smarte Region MYK10', topics: [{ name: 'Bürgerbeteiligung' }, { name: 'Mobilität' }] } }] } } },
    });
  });

  it('keeps a sane client request id, makes one otherwise, and puts it into errors', async () => {
    const mine = await post({ query: '{ municipality(ags: "x") { name } }' }, { 'x-request-id': 'trace-123' });
    expect(mine.headers.get('x-request-id')).toBe('trace-123');
    const body = (await mine.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'trace-123' });
    const theirs = await post({ query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces' });
    expect(theirs.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks internal errors and logs them with the request id', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const broken = await startHttp(h.db, {
      log,
      observeQueries: () => () => {
        throw new Error('secret detail from deep inside');
      },
    });
    try {
      const response = await fetch(`${broken.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
        body: JSON.stringify({ query: '{ project(slug: "myk10") { name } }' }),
      });
      const text = await response.text();
      expect(text).not.toMatch(/secret|MATCH|Neo4j/);
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: 'Internal server error', path: ['project'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } }],
        data: { project: null },
      });
      expect(lines.join('')).toMatch(/"requestId":"req-42".*secret detail from deep inside/);
    } finally {
      await broken.close();
    }
  });

  // With the answer caches as production runs them too: the soak run found the response cache's key
  // failing (a 500) when the content version could not be read.
  it.each([
    ['without the answer caches', undefined],
    ['with the answer caches (the default in production)', { http: true, responseCache: true, maxAgeSeconds: 60 }],
  ])('says SERVICE_UNAVAILABLE while the database cannot be reached, %s', async (_, answerCache) => {
    const { createDriver, Database } = await import('../../src/db/database.js');
    // Nothing listens there: each retry fails at once; the driver gives up after 0.5 s (the product: 5 s).
    const deadDriver = createDriver('bolt://127.0.0.1:1', 'neo4j', undefined, { maxTransactionRetryTime: 500 });
    const dead = await startHttp(new Database(deadDriver, { database: 'neo4j', timeoutMs: 2000 }), answerCache ? { answerCache } : {});
    try {
      const query = '{ project(slug: "myk10") { name } }';
      const answers = [
        await fetch(`${dead.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }),
        await fetch(`${dead.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } }),
      ];
      for (const response of answers) {
        // Never a 500: 200 with the field's error when met in the operation, 503 when met before it (the
        // answer cache's data version, issue 38 point 9: one wait for the database, not two).
        expect(response.status).toBe(answerCache ? 503 : 200);
        const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(body.errors[0]!.message).toMatch(/try again/);
        expect(response.headers.get('etag')).toBeNull();
      }
    } finally {
      await dead.close();
      await deadDriver.close();
    }
  });

  it('refuses oversized bodies and serves liveness and the explorer page', async () => {
    const big = await post({ query: `{ __typename } # ${'x'.repeat(200_000)}` });
    expect(big.status).toBe(413);
    const health = await fetch(`${http.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const page = await fetch(`${http.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox/i);
  });

  it('blocks simple cross-site GET requests (CSRF prevention) but serves GET queries that name a content type', async () => {
    const csrf = await fetch(`${http.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(csrf.status).toBe(400);
    const ok = await fetch(`${http.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
