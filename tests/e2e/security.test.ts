// Security as clients meet it over HTTP: credentials (bearer tokens signed
// with HS256 or by a JWKS key, API keys), introspection, and each abuse limit
// — every refusal with a clear code, while ordinary requests still pass.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecurity } from '../../src/security.js';
import { loadFixture } from '../support/fixture.js';
import { createHarness, startHttp, TEST_JWT_SECRET, testSecurityConfig, token, type Harness } from '../support/harness.js';

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

type Body = { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[]; extensions?: Record<string, unknown> };

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}
const gql = (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) => post(http.url, { query, variables }, headers);
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
const VIEWER = '{ viewer { kind role municipality { ags } apiKey { name role } } }';
const codeOf = (b: Body) => b.errors?.[0]?.extensions.code;
/** An ordinary request, to show the limits leave normal traffic alone. */
/** Issue 33, point 4: a refused credential never breaks reading public data; the answer says why, once. */
async function expectReadsAsAnonymous(url: string, headers: Record<string, string>, reason: RegExp | string) {
  const r = await post(url, { query: `{ ${VIEWER.slice(1, -1)} municipality(ags: "07137") { name } }` }, headers);
  expect(r.status).toBe(200);
  expect(r.body.data.viewer.kind).toBe('ANONYMOUS');
  expect(r.body.data.municipality.name).toBe('Mayen-Koblenz');
  expect(r.body.extensions!.credential).toEqual({ refused: true, reason: expect.stringMatching(reason), readAs: 'ANONYMOUS' });
  expect(r.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  expect(r.headers.get('cache-control')).toBe('private, no-store');
}

const ordinary = async (url = http.url, headers: Record<string, string> = {}) => {
  const r = await post(url, { query: '{ municipality(ags: "07137") { name projects(first: 5) { edges { node { name } } } } }' }, headers);
  expect(r.status).toBe(200);
  expect(r.body.data.municipality.name).toBe('Mayen-Koblenz');
};

describe('bearer tokens (HS256)', () => {
  it('no credentials: anonymous; a member token: a member of its municipality', async () => {
    expect((await gql(VIEWER)).body.data.viewer).toEqual({ kind: 'ANONYMOUS', role: null, municipality: null, apiKey: null });
    const member = await gql(VIEWER, bearer(await token({ role: 'member', ags: '08421000' })));
    expect(member.body.data.viewer).toEqual({ kind: 'PERSON', role: 'MEMBER', municipality: { ags: '08421000' }, apiKey: null });
  });

  it.each([
    ['an expired token', () => token({ role: 'admin' }, { expiresIn: new Date(Date.now() - 3_600_000) }), /expired/],
    ['a token signed with another secret', () => token({ role: 'admin' }, { secret: 'another-secret-of-at-least-thirty-two-chars' }), /not valid/],
    ['a token without a role', () => token({}), /role/],
    ['a member token without a municipality', () => token({ role: 'member' }), /ags/],
    ['a token with an unknown role', () => token({ role: 'superuser' }), /role/],
    ['garbage', () => Promise.resolve('not.a.jwt'), /not valid/],
    ['a token issued longer ago than JWT_MAX_AGE_S', () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('old').setIssuedAt(Math.floor(Date.now() / 1000) - 2 * 86_400).setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)), /expired/],
    ['a token without iat', () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)), /iat|refused/],
  ])('%s: reads as anonymous with a notice why, and may not write (401 UNAUTHENTICATED)', async (_, make, message) => {
    const credential = bearer(await make());
    await expectReadsAsAnonymous(http.url, credential, message);
    const write = await gql('mutation { addInterest(ags: "07137", topic: "energie") { ags } }', credential);
    expect(write.status).toBe(401);
    expect(write.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(codeOf(write.body)).toBe('UNAUTHENTICATED');
    expect(write.body.errors![0]!.message).toMatch(message);
    expect(write.body.data ?? null).toBeNull();
    expect((await h.cypher('MATCH (:Municipality {ags: "07137"})-[:INTERESTED_IN]->(:Topic {slug: "energie"}) RETURN 1')).length).toBe(0);
  });

  it('an Authorization header that is not a bearer token: the same', async () => {
    await expectReadsAsAnonymous(http.url, { authorization: 'Basic dXNlcjpwYXNz' }, /Bearer/);
    const write = await gql('mutation { addInterest(ags: "07137", topic: "energie") { ags } }', { authorization: 'Basic dXNlcjpwYXNz' });
    expect([write.status, codeOf(write.body)]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('bearer tokens from a JWKS endpoint', () => {
  let jwks: Server;
  let other: Awaited<ReturnType<typeof startHttp>>;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    const config = testSecurityConfig({ auth: { jwtSecret: undefined, jwksUrl, issuer: 'https://login.example', audience: 'smart-city-graph' } });
    other = await startHttp(h.db, { security: createSecurity(h.db, config) });
  });
  afterAll(async () => {
    await other.close();
    await new Promise((done) => jwks.close(done));
  });

  const rs256 = (claims: Record<string, unknown>, issuer = 'https://login.example') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('p1').setIssuedAt().setIssuer(issuer).setAudience('smart-city-graph').setExpirationTime('5m').sign(privateKey);

  it('accepts a token signed by a key of the set, with the configured issuer and audience', async () => {
    const r = await post(other.url, { query: VIEWER }, bearer(await rs256({ role: 'analyst' })));
    expect(r.body.data.viewer).toMatchObject({ kind: 'PERSON', role: 'ANALYST' });
  });

  it('refuses another issuer, and HS256 tokens (no shared secret is configured)', async () => {
    for (const credential of [bearer(await rs256({ role: 'admin' }, 'https://evil.example')), bearer(await token({ role: 'admin' }))]) {
      await expectReadsAsAnonymous(other.url, credential, /./);
      const write = await post(other.url, { query: 'mutation { addInterest(ags: "07137", topic: "energie") { ags } }' }, credential);
      expect([write.status, codeOf(write.body)]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});

describe('API keys', () => {
  it('an admin creates one; it reads, never writes; it is stored only as a hash; revoked it stops at once', async () => {
    const admin = bearer(await token({ role: 'admin' }, { subject: 'admin-7' }));
    const created = await gql('mutation { createApiKey(input: { name: "Karten-App", role: READER, rateLimit: 5000 }) { key apiKey { id name role rateLimit createdBy revokedAt } } }', admin);
    const { key, apiKey } = created.body.data.createApiKey;
    expect(key).toMatch(/^scg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Karten-App', role: 'READER', rateLimit: 5000, createdBy: 'admin-7', revokedAt: null });

    const asKey = { 'x-api-key': key };
    expect((await gql(VIEWER, asKey)).body.data.viewer).toEqual({ kind: 'API_KEY', role: 'READER', municipality: null, apiKey: { name: 'Karten-App', role: 'READER' } });
    await ordinary(http.url, asKey);
    const write = await gql('mutation { addInterest(ags: "07137", topic: "energie") { ags } }', asKey);
    expect(codeOf(write.body)).toBe('FORBIDDEN');
    const analytics = await gql('{ reach(from: { programme: true }) { reachedCount } }', asKey);
    expect(codeOf(analytics.body)).toBe('FORBIDDEN');

    const [stored] = await h.cypher<{ props: Record<string, unknown> }>('MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS props', { id: apiKey.id });
    expect(JSON.stringify(stored!.props)).not.toContain(key.slice(22));
    expect(stored!.props.hash).toMatch(/^[0-9a-f]{64}$/);

    const revoked = await gql(`mutation { revokeApiKey(id: "${apiKey.id}") { revokedAt } }`, admin);
    expect(revoked.body.data.revokeApiKey.revokedAt).toBeTruthy();
    await expectReadsAsAnonymous(http.url, asKey, 'The API key has been revoked.');
  });

  it('an unknown, malformed or tampered key reads as anonymous, with the notice', async () => {
    for (const key of ['scg_0123456789abcdef_' + 'A'.repeat(43), 'hello', 'scg_zz']) await expectReadsAsAnonymous(http.url, { 'x-api-key': key }, /key/i);
  });

  it('an analyst key reads the analytics', async () => {
    const admin = bearer(await token({ role: 'admin' }));
    const { key } = (await gql('mutation { createApiKey(input: { name: "Dashboard", role: ANALYST }) { key } }', admin)).body.data.createApiKey;
    const r = await gql('{ reach(from: { programme: true }) { reachedCount } }', { 'x-api-key': key });
    expect(r.body.errors).toBeUndefined();
  });
});

describe('introspection and the published schema', () => {
  it('refuses introspection to anonymous callers, also hidden in a fragment, and points to the SDL', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Municipality") { name } }', 'query { ...F } fragment F on Query { __schema { queryType { name } } }']) {
      const r = await gql(query);
      expect([r.status, codeOf(r.body)], query).toEqual([401, 'UNAUTHENTICATED']);
      expect(r.body.errors![0]!.message).toMatch(/schema\.graphql/);
    }
    expect((await gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it('allows the full introspection query with an API key or a member token', async () => {
    const admin = bearer(await token({ role: 'admin' }));
    const { key } = (await gql('mutation { createApiKey(input: { name: "IDE" }) { key } }', admin)).body.data.createApiKey;
    for (const headers of [{ 'x-api-key': key as string }, bearer(await token({ role: 'member', ags: '07137' }))]) {
      const r = await gql(getIntrospectionQuery(), headers);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.__schema.types.length).toBeGreaterThan(50);
    }
  });

  it('publishes the SDL at /schema.graphql', async () => {
    const r = await fetch(`${http.url}/schema.graphql`);
    expect(r.status).toBe(200);
    const sdl = await r.text();
    expect(sdl).toContain('type Municipality implements Node');
    expect(sdl).toContain('eraseContact(');
  });

  it('hides "Did you mean …?" from anonymous callers, not from signed-in ones', async () => {
    const anonymous = await gql('{ municipality(ags: "07137") { nmae } }');
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.errors![0]!.message).toBe('Cannot query field "nmae" on type "Municipality".');
    const member = await gql('{ municipality(ags: "07137") { nmae } }', bearer(await token({ role: 'member', ags: '07137' })));
    expect(member.body.errors![0]!.message).toMatch(/Did you mean "name"\?/);
  });
});

describe('abuse limits (defaults: depth 12, 20 aliases, 2,000 tokens, 10 directives, cost 10,000)', () => {
  const nest = (depth: number) => `{ topic(slug: "energie") ${'{ parent '.repeat(depth - 2)}{ slug }${' }'.repeat(depth - 2)} }`;

  it.each([
    ['a deep query', nest(14), 400, 'GRAPHQL_VALIDATION_FAILED', /depth limit/i],
    ['an alias flood', `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: topic(slug: "energie") { slug }`).join(' ')} }`, 400, 'GRAPHQL_VALIDATION_FAILED', /aliases/i],
    ['a directive flood', `{ topic(slug: "energie") { slug ${'@include(if: true) '.repeat(12)} } }`, 400, 'GRAPHQL_VALIDATION_FAILED', /directives/i],
    ['a token flood', `{ topic(slug: "energie") { ${'slug '.repeat(2100)} } }`, 400, 'GRAPHQL_PARSE_FAILED', /tokens/],
    ['a huge page size', '{ municipalities(first: 100000) { totalCount } }', 200, 'BAD_USER_INPUT', /between 0 and 100/],
    [
      'pages of pages of pages (cost)',
      '{ municipalities(first: 100) { edges { node { projects(first: 100) { edges { node { topics { slug } } } } } } } }',
      400,
      'QUERY_TOO_COMPLEX',
      /may cost \d+ points; at most 10000/,
    ],
    [
      'a fragment spread many times over (2^15 fields once expanded, in 130 tokens)',
      `{ topic(slug: "energie") { ...F0 } } ${Array.from({ length: 15 }, (_, i) => `fragment F${i} on Topic { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F15 on Topic { slug }`,
      400,
      'QUERY_TOO_COMPLEX',
      /too large to cost/,
    ],
    ['a fragment cycle', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }', 400, 'GRAPHQL_VALIDATION_FAILED', /Cannot spread fragment "A" within itself/],
  ])('%s is refused', async (_, query, status, code, message) => {
    const r = await gql(query);
    expect(r.status).toBe(status);
    expect(codeOf(r.body)).toBe(code);
    expect(r.body.errors![0]!.message).toMatch(message);
    expect(r.body.data ?? null).toBeNull();
    await ordinary();
  });

  it('a query just inside the limits passes', async () => {
    const r = await gql(nest(12));
    expect(r.body.errors).toBeUndefined();
  });

  it('costs one query text afresh for each set of variables (the cost is remembered per document and variables)', async () => {
    const pages = 'query ($n: Int) { municipalities(first: $n) { edges { node { projects(first: $n) { edges { node { topics { slug } } } } } } } }';
    const small = async () => {
      const r = await gql(pages, {}, { n: 2 });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
    };
    await small();
    const large = await gql(pages, {}, { n: 100 });
    expect(large.status).toBe(400);
    expect(codeOf(large.body)).toBe('QUERY_TOO_COMPLEX');
    await small();
    // Keys too long to keep (an operation name of 1,100 characters) are costed anew each time.
    const long = `P${'x'.repeat(1100)}`;
    const named = pages.replace('query (', `query ${long} (`);
    expect((await post(http.url, { query: named, operationName: long, variables: { n: 2 } })).status).toBe(200);
    const largeNamed = await post(http.url, { query: named, operationName: long, variables: { n: 100 } });
    expect(codeOf(largeNamed.body)).toBe('QUERY_TOO_COMPLEX');
    const anonymousSchema = await gql('query ($n: Int) { __schema { queryType { name } } municipalities(first: $n) { totalCount } }', {}, { n: 1 });
    expect(codeOf(anonymousSchema.body)).toBe('UNAUTHENTICATED');
  });

  it('batched requests (a JSON array) are refused', async () => {
    const r = await post(http.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/batch/i);
    await ordinary();
  });

  it('a mutation over GET is refused with 405', async () => {
    const url = `${http.url}/graphql?query=${encodeURIComponent('mutation { deleteTopic(slug: "energie") { deletedId } }')}`;
    const r = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect((await h.cypher('MATCH (t:Topic {slug: "energie"}) RETURN t')).length).toBe(1);
  });
});

describe('rate limits (cost-weighted, per key and per IP)', () => {
  let limited: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    const config = testSecurityConfig({ limits: { rateLimit: { enabled: true, windowSeconds: 60, anonymous: 100, signedIn: 1000, authFailures: 5 } } });
    // Trusting X-Forwarded-For here stands in for requests from several addresses.
    limited = await startHttp(h.db, { security: createSecurity(h.db, config), trustProxy: true });
  });
  afterAll(() => limited.close());

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('spends each operation’s cost, reports the budget, and answers 429 with Retry-After when it is spent', async () => {
    const cheap = await post(limited.url, { query: '{ topic(slug: "energie") { slug } }' }, from('10.0.0.1'));
    expect(cheap.headers.get('ratelimit-limit')).toBe('100');
    expect(cheap.headers.get('ratelimit-remaining')).toBe('99');
    // municipalities(first: 30) with a node each: 1 + 30 × (1 + 1) = 61 points.
    const costly = await post(limited.url, { query: '{ municipalities(first: 30) { edges { node { ags } } } }' }, from('10.0.0.1'));
    expect(costly.headers.get('ratelimit-remaining')).toBe('38');
    expect(costly.body.extensions!.cost).toEqual({ requested: 61, actual: 61, budget: { limit: 100, remaining: 38, resetSeconds: expect.any(Number) } });
    // Estimated at 61, it returned 3 of its 30: the bucket keeps what it cost, 1 + 3 × 2 (issue 33).
    const short = await post(limited.url, { query: '{ municipalities(first: 30, filter: { namePrefix: "Mayen" }) { edges { node { ags } } } }' }, from('10.0.0.9'));
    const { requested, actual } = short.body.extensions!.cost as { requested: number; actual: number };
    const returned = (short.body.data.municipalities.edges as unknown[]).length;
    expect([requested, actual, returned < 30]).toEqual([61, 1 + returned * 2, true]);
    expect([short.headers.get('cost-requested'), short.headers.get('cost-actual'), short.headers.get('ratelimit-remaining')]).toEqual(['61', String(actual), String(100 - actual)]);
    const refused = await post(limited.url, { query: '{ municipalities(first: 30) { edges { node { ags } } } }' }, from('10.0.0.1'));
    expect(refused.status).toBe(429);
    expect(codeOf(refused.body)).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors![0]!.extensions.retryAfterSeconds).toBe(Number(refused.headers.get('retry-after')));
    // Spend the rest with cheap requests: then even those are turned away before any work.
    let last = 200;
    for (let i = 0; i < 40 && last === 200; i++) last = (await post(limited.url, { query: '{ __typename }' }, from('10.0.0.1'))).status;
    expect(last).toBe(429);
    const early = await post(limited.url, { query: '{ __typename }' }, from('10.0.0.1'));
    expect([early.status, codeOf(early.body)]).toEqual([429, 'RATE_LIMITED']);
    expect(early.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('other callers keep their own budgets: another IP, a signed-in person, an API key', async () => {
    await ordinary(limited.url, from('10.0.0.2'));
    await ordinary(limited.url, { ...from('10.0.0.1'), ...bearer(await token({ role: 'analyst' }, { subject: 'a-9' })) });
    const { secret } = await h.security.apiKeys.create({ name: 'limited app', role: 'READER', rateLimit: 61, createdBy: 'test' });
    const asKey = { ...from('10.0.0.1'), 'x-api-key': secret };
    await ordinary(limited.url, asKey);
    // The key's own, smaller budget (61) runs out on its own: what the ordinary request cost leaves less than the 61 the page is estimated at.
    const big = await post(limited.url, { query: '{ municipalities(first: 30) { edges { node { ags } } } }' }, asKey);
    expect(big.status).toBe(429);
  });

  const GUESSED_WRITE = 'mutation { addInterest(ags: "07137", topic: "energie") { ags } }';
  it('guessing keys or tokens: after 5 refusals each further one waits twice as long and gets 429; valid credentials from the same address still pass', async () => {
    const guess = (i: number, ip = '10.0.0.3') => ({ ...from(ip), 'x-api-key': `scg_${i.toString(16).padStart(16, '0')}_${'A'.repeat(43)}` });
    const answers: { status: number; ms: number; body: Body }[] = [];
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      const r = await post(limited.url, { query: GUESSED_WRITE }, guess(i));
      answers.push({ status: r.status, ms: performance.now() - started, body: r.body });
    }
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // 100, 200, 400 ms: the delay doubles with each further refusal.
    expect(answers[5]!.ms).toBeGreaterThanOrEqual(95);
    expect(answers[7]!.ms).toBeGreaterThanOrEqual(390);
    expect(answers[7]!.body.errors![0]!.message).toMatch(/^Too many refused credentials \(8 in this window.*Valid credentials are still accepted/);
    expect(answers[7]!.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', refusedCredentials: 8 });
    // A colleague behind the same address: her valid key and token go through at once.
    const { secret } = await h.security.apiKeys.create({ name: 'x', role: 'READER', rateLimit: 1000, createdBy: 'test' });
    const valid = await post(limited.url, { query: VIEWER }, { ...from('10.0.0.3'), 'x-api-key': secret });
    expect([valid.status, valid.body.data?.viewer.kind]).toEqual([200, 'API_KEY']);
    const person = await post(limited.url, { query: VIEWER }, { ...from('10.0.0.3'), ...bearer(await token({ role: 'analyst' }, { subject: 'colleague' })) });
    expect([person.status, person.body.data?.viewer.role]).toEqual([200, 'ANALYST']);
    await ordinary(limited.url, from('10.0.0.3'));
    // Guessing one key's secret from many addresses is throttled by the key's id.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(limited.url, { query: GUESSED_WRITE }, guess(99, `10.0.1.${i}`))).status);
    // A read with a guessed key is answered as anonymous (with the notice) until the throttle starts.
    const read = await post(limited.url, { query: '{ __typename }' }, guess(100, '10.0.2.1'));
    expect([read.status, read.body.data]).toEqual([200, { __typename: 'Query' }]);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('counts an IPv6 client by its /64: rotating addresses inside it does not give new budgets', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 3; i++) {
      statuses.push((await post(limited.url, { query: '{ municipalities(first: 30) { edges { node { ags } } } }' }, from(`2001:db8:1:2::${i}`))).status);
    }
    expect(statuses).toEqual([200, 429, 429]);
    await ordinary(limited.url, from('2001:db8:1:3::1'));
  });
});
