// What operators rely on: liveness and readiness, and a request id on every
// log line of a request and in its errors (the pino output captured as written).
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../src/db/database.js';
import { LATEST_MIGRATION } from '../../src/db/migrations.js';
import { startHttp, token } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

/** A pino logger writing into an array, one parsed object per line. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) }));
  return { log, lines };
}

describe('/health and /ready', () => {
  it('both answer 200 when Neo4j answers and every migration is applied', async () => {
    const http = await startHttp(h.db);
    try {
      expect(await (await fetch(`${http.url}/health`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${http.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', migration: LATEST_MIGRATION });
    } finally {
      await http.close();
    }
  });

  it('/ready answers 503 with the reason while a migration is missing; /health stays ok', async () => {
    const http = await startHttp(h.db);
    const [latest] = await h.cypher<{ m: Record<string, unknown> }>('MATCH (m:Migration {version: $v}) RETURN properties(m) AS m', { v: LATEST_MIGRATION });
    await h.cypher('MATCH (m:Migration {version: $v}) DELETE m', { v: LATEST_MIGRATION });
    try {
      const ready = await fetch(`${http.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not ready', reason: 'schema migrations not applied', pendingMigrations: [LATEST_MIGRATION] });
      expect((await fetch(`${http.url}/health`)).status).toBe(200);
    } finally {
      await h.cypher('CREATE (m:Migration) SET m = $m', { m: latest!.m });
      await http.close();
    }
    expect((await h.cypher('MATCH (m:Migration) RETURN m')).length).toBe(LATEST_MIGRATION);
  });

  it('/ready answers 503 when Neo4j cannot be reached; /health stays ok', async () => {
    const deadDriver = createDriver('bolt://127.0.0.1:1', 'neo4j', undefined);
    const { log, lines } = capturedLog();
    const http = await startHttp(new Database(deadDriver, { database: 'neo4j', timeoutMs: 2000 }), { log });
    try {
      const ready = await fetch(`${http.url}/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as Record<string, unknown>;
      expect(body.status).toBe('not ready');
      expect(body.reason).toMatch(/^Neo4j (is not reachable|did not answer within 3000 ms)$/);
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
      expect((await fetch(`${http.url}/health`)).status).toBe(200);
      // The operator learns why from the log, once.
      expect(lines.filter((l) => l.msg === 'not ready')).toHaveLength(1);
    } finally {
      await http.close();
      await deadDriver.close();
    }
  });
});

describe('request ids', () => {
  it('are on every log line of a request, in the response header and in its errors', async () => {
    const { log, lines } = capturedLog();
    const http = await startHttp(h.db, { log });
    const post = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    try {
      // A request that logs on its own (a new API key), with the client's id.
      const admin = { authorization: `Bearer ${await token({ role: 'admin' })}` };
      const created = await post('mutation { createApiKey(input: { name: "log test" }) { apiKey { id } } }', { ...admin, 'x-request-id': 'client-trace-1' });
      expect(created.headers.get('x-request-id')).toBe('client-trace-1');
      const ofCreated = lines.filter((l) => l.requestId === 'client-trace-1');
      expect(ofCreated.map((l) => l.msg)).toEqual(['API key created', 'request']);
      expect(ofCreated[1]).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });

      // An error without a client id: one is made, and the header, the error and the log line agree.
      const failed = await post('{ municipality(ags: "not an ags") { name } }');
      const id = failed.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const body = (await failed.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: id });
      expect(lines.filter((l) => l.requestId === id).map((l) => l.msg)).toEqual(['request']);

      // Refused for a bad key (a write): the same.
      const refused = await post('mutation { addInterest(ags: "07137", topic: "energie") { ags } }', { 'x-api-key': 'scg_nonsense', 'x-request-id': 'client-trace-2' });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0]!.extensions.requestId).toBe('client-trace-2');

      // An internal error: masked for the client, logged with the cause and the id.
      const broken = await startHttp(h.db, { log, observeQueries: () => () => { throw new Error('deep cause'); } });
      try {
        const masked = await fetch(`${broken.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'client-trace-3' }, body: JSON.stringify({ query: '{ project(slug: "myk10") { name } }' }) });
        expect(((await masked.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'client-trace-3' });
      } finally {
        await broken.close();
      }
      const ofMasked = lines.filter((l) => l.requestId === 'client-trace-3');
      expect(ofMasked.map((l) => l.msg)).toEqual(['internal error', 'request']);
      expect(JSON.stringify(ofMasked[0])).toMatch(/deep cause/);

      // Nothing was logged without a request id.
      expect(lines.filter((l) => typeof l.requestId !== 'string')).toEqual([]);
      expect(lines.length).toBeGreaterThanOrEqual(6);
    } finally {
      await http.close();
    }
  });
});
