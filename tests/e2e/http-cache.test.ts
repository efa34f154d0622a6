// Public answers kept by the content version (issue 18, src/http-cache.ts): ETag and 304 on a
// repeated GET, a new ETag after a write, `private, no-store` for people, and neither the HTTP
// cache nor the in-process response cache ever giving one viewer's answer to another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '../../src/db/cypher.js';
import { CONTACT_PRIVATE } from '../support/fixture.js';
import { startHttp, token } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();
let http: Awaited<ReturnType<typeof startHttp>>;
/** The statements each request sent, by request id (the version read of the cache is not among them). */
const sent = new Map<string, string[]>();
let readerKey: string;
beforeAll(async () => {
  http = await startHttp(h.db, {
    answerCache: { http: true, responseCache: true, maxAgeSeconds: 60 },
    observeQueries: (requestId) => (statement: Statement) => sent.set(requestId, [...(sent.get(requestId) ?? []), statement.name]),
  });
  readerKey = (await h.security.apiKeys.create({ name: 'cache probe', role: 'READER', rateLimit: 100_000, createdBy: 'test' })).secret;
});
afterAll(() => http.close());

const ULM_PAGE = '{ municipality(ags: "08421000") { name contacts { name email } projects(first: 5) { totalCount edges { node { name } } } } }';
let requests = 0;
/** A GET of `query`, with a fresh request id so the statements it sent can be told apart. */
async function get(query: string, headers: Record<string, string> = {}) {
  const requestId = `cache-test-${++requests}`;
  const r = await fetch(`${http.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', 'x-request-id': requestId, ...headers } });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, body: text === '' ? null : (JSON.parse(text) as { data?: any; errors?: { extensions: { code: string } }[] }), statements: sent.get(requestId) ?? [] };
}
async function post(query: string, headers: Record<string, string> = {}) {
  const requestId = `cache-test-${++requests}`;
  const r = await fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers }, body: JSON.stringify({ query }) });
  return { status: r.status, headers: r.headers, body: (await r.json()) as { data?: any; errors?: { extensions: { code: string } }[] }, statements: sent.get(requestId) ?? [] };
}
const member = async (ags: string) => ({ authorization: `Bearer ${await token({ role: 'member', ags })}` });

describe('HTTP caching of public reads', () => {
  it('an anonymous GET gets an ETag and a public lifetime; the same GET with If-None-Match gets 304 without any GraphQL work', async () => {
    const first = await get(ULM_PAGE);
    expect(first.status).toBe(200);
    expect(first.body?.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get('vary')).toMatch(/authorization.*x-api-key/i);

    const again = await get(ULM_PAGE, { 'if-none-match': etag! });
    expect([again.status, again.text, again.headers.get('etag')]).toEqual([304, '', etag]);
    expect(again.statements).toEqual([]);
    // Another operation, or other variables, is another representation.
    const other = await get('{ municipality(ags: "07137") { name } }', { 'if-none-match': etag! });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('If-None-Match: * gets no 304: the operation runs as asked', async () => {
    // Issue 38, point 3: a mutation by GET, a syntax error and `viewer` were answered 304 before GraphQL ran.
    for (const query of ['mutation { addInterest(ags: "07137", topic: "energie") { ags } }', '{ municipality(', '{ viewer { kind } }', ULM_PAGE]) {
      const answer = await get(query, { 'if-none-match': '*' });
      expect(answer.status, query).not.toBe(304);
      expect(answer.text, query).not.toBe('');
    }
  });

  it('a write changes the ETag: the old one gets the new answer', async () => {
    const before = await get(ULM_PAGE);
    const etag = before.headers.get('etag')!;
    const renamed = await post(`mutation { updateContact(uuid: "${CONTACT_PRIVATE}", input: { role: "Leitung Digitales" }) { role } }`, await member('08421000'));
    expect(renamed.body.errors).toBeUndefined();
    const after = await get(ULM_PAGE, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    // A refused write moves nothing: the ETag of now is still valid.
    const refused = await post(`mutation { updateContact(uuid: "${CONTACT_PRIVATE}", input: { role: "x" }) { role } }`, await member('07137'));
    expect(refused.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await get(ULM_PAGE, { 'if-none-match': after.headers.get('etag')! })).status).toBe(304);
  });

  it('a member’s answer is private and never stored, and carries no ETag', async () => {
    const r = await get(ULM_PAGE, await member('08421000'));
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('etag')).toBeNull();
  });

  it('analytics, the viewer and errors are not kept, even for an API key', async () => {
    const analyst = (await h.security.apiKeys.create({ name: 'cache analyst', role: 'ANALYST', rateLimit: 100_000, createdBy: 'test' })).secret;
    const reach = await get('{ reach(from: { municipality: "08421000" }, maxHops: 1) { reachedCount } }', { 'x-api-key': analyst });
    expect(reach.body?.errors).toBeUndefined();
    expect([reach.headers.get('cache-control'), reach.headers.get('etag')]).toEqual(['private, no-store', null]);
    const viewer = await get('{ viewer { __typename } }');
    expect([viewer.headers.get('cache-control'), viewer.headers.get('etag')]).toEqual(['no-store', null]);
    const failed = await get('{ municipality(ags: "x") { name } }');
    expect(failed.body?.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(failed.headers.get('etag')).toBeNull();
    // An API key's public read is never marked for HTTP caches, as docs/caching.md says (issue 38, point 8): a
    // shared cache would keep the key itself among its keys (Vary); the API's own response cache still serves it.
    const keyed = await get(ULM_PAGE, { 'x-api-key': readerKey });
    expect(keyed.body?.errors).toBeUndefined();
    expect([keyed.headers.get('cache-control'), keyed.headers.get('etag')]).toEqual(['private, no-store', null]);
  });

  it('a POST is not marked for HTTP caches', async () => {
    const r = await post(ULM_PAGE);
    expect(r.body.errors).toBeUndefined();
    expect(r.headers.get('cache-control')).toBeNull();
    expect(r.headers.get('etag')).toBeNull();
  });
});

describe('the response cache', () => {
  it('answers a repeated public read from memory, and a write makes it work again', async () => {
    const query = '{ municipality(ags: "07137") { name interests { topic { slug } } } }';
    const first = await post(query);
    expect(first.statements.length).toBeGreaterThan(0);
    const second = await post(query);
    expect(second.body).toEqual(first.body);
    expect(second.statements).toEqual([]);
    const declared = await post('mutation { addInterest(ags: "07137", topic: "energie") { ags } }', await member('07137'));
    expect(declared.body.errors).toBeUndefined();
    const third = await post(query);
    expect(third.statements.length).toBeGreaterThan(0);
    expect(third.body.data.municipality.interests.map((i: { topic: { slug: string } }) => i.topic.slug)).toContain('energie');
    await post('mutation { removeInterest(ags: "07137", topic: "energie") { ags } }', await member('07137'));
  });

  it('never gives one viewer’s answer to another: a member’s private contact stays out of the anonymous answer, either order', async () => {
    const query = `{ contact(uuid: "${CONTACT_PRIVATE}") { name email } municipality(ags: "08421000") { contacts { name email } } }`;
    const email = 'bernd@ulm.example';
    // The member first: what it may see must not be kept for anyone else.
    const asMember = await post(query, await member('08421000'));
    expect(JSON.stringify(asMember.body)).toContain(email);
    const anonymous = await post(query);
    expect(JSON.stringify(anonymous.body)).not.toContain(email);
    // And the other way round: the anonymous answer, now kept, is not what the member gets.
    const memberAgain = await post(query, await member('08421000'));
    expect(JSON.stringify(memberAgain.body)).toContain(email);
    expect(memberAgain.statements.length).toBeGreaterThan(0);
    // The same over GET, through the HTTP headers: the member's answer is never public.
    const memberGet = await get(query, await member('08421000'));
    expect(JSON.stringify(memberGet.body)).toContain(email);
    expect(memberGet.headers.get('cache-control')).toBe('private, no-store');
    const anonymousGet = await get(query);
    expect(JSON.stringify(anonymousGet.body)).not.toContain(email);
  });
});

describe('compression', () => {
  it('sends a JSON answer above 1 kB compressed to a client that accepts it, and the same data; a small one as it is', async () => {
    const large = '{ peers(ags: "07137068", first: 20, rankBy: BOTH) { edges { score node { ags name kind population } explanation { distanceKm structure { score } } } } }';
    const plain = await post(large, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(JSON.stringify(plain.body).length).toBeGreaterThan(1024);
    for (const encoding of ['gzip', 'br']) {
      const packed = await post(large, { 'accept-encoding': encoding });
      expect(packed.headers.get('content-encoding')).toBe(encoding);
      expect(packed.body).toEqual(plain.body);
      const got = await get(large, { 'accept-encoding': encoding });
      expect([got.status, got.headers.get('content-encoding')]).toEqual([200, encoding]);
    }
    const small = await post('{ municipality(ags: "08421000") { name } }', { 'accept-encoding': 'gzip' });
    expect(small.headers.get('content-encoding')).toBeNull();
  });
});
