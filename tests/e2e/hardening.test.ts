// What an adversarial probe found (issue 17, F1–F13) and the answers it should have had, each as a
// regression case over HTTP against the product's app; and CORS for other sites' web pages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { madeStatements } from '../../src/db/cypher.js';
import { LIST_CAPS } from '../../src/kernel/list-caps.js';
import { CONTACT_NO_CONSENT } from '../support/fixture.js';
import { startHttp, token } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();
let http: Awaited<ReturnType<typeof startHttp>>;
let quiet: Awaited<ReturnType<typeof startHttp>>;
const SITE = 'https://karte.example-land.de';
beforeAll(async () => {
  http = await startHttp(h.db, { corsOrigins: [SITE] });
  quiet = await startHttp(h.db, { explorer: false });
});
afterAll(async () => {
  await http.close();
  await quiet.close();
});

type Body = { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
async function post(body: unknown, headers: Record<string, string> = {}, url = http.url) {
  const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: r.status, headers: r.headers, body: (await r.json()) as Body };
}
const bearer = async (claims: Record<string, unknown>, subject?: string) => ({ authorization: `Bearer ${await token(claims, subject === undefined ? {} : { subject })}` });
const member = (ags: string) => bearer({ role: 'member', ags });
const first = (b: Body) => b.errors?.[0];

describe('F2: lists without paging', () => {
  it('the probe’s nesting (20 × members { verband { members } }) is refused for what it may return, before any work', async () => {
    const nested = Array.from({ length: 20 }, (_, i) => `m${i}: municipality(ags: "07137") { members { verband { members { name contacts { name } } } } }`).join(' ');
    const r = await post({ query: `{ ${nested} }` });
    expect([r.status, first(r.body)?.extensions.code]).toEqual([400, 'QUERY_TOO_COMPLEX']);
  });

  it('answer at most their cap, cut in the statement: 60 people of one municipality list as 30', async () => {
    const before = await h.fingerprint();
    await h.cypher(
      `MATCH (m:Municipality {ags: '07137'})
       UNWIND range(1, 60) AS n
       CREATE (:Contact {id: 'cap-' + n, name: 'Person ' + n, nameKey: 'person ' + n, visibility: 'PUBLIC', consentAt: datetime()})-[:WORKS_FOR]->(m)`,
    );
    try {
      const r = await post({ query: '{ municipality(ags: "07137") { contacts { name } } }' });
      expect(r.body.errors).toBeUndefined();
      expect(LIST_CAPS['Municipality.contacts']).toBe(30);
      expect(r.body.data.municipality.contacts).toHaveLength(30);
      // The statement stops there: Neo4j sends no more than the cap.
      expect(madeStatements().find((s) => s.name === 'municipality.contacts')?.text).toMatch(/collect\(.*\)\[\.\.30\] AS items/s);
    } finally {
      await h.cypher("MATCH (c:Contact) WHERE c.id STARTS WITH 'cap-' DETACH DELETE c");
    }
    expect(await h.fingerprint()).toBe(before);
  });
});

describe('F4: a bookmark Neo4j did not issue', () => {
  it('is BAD_USER_INPUT before it reaches the database, whatever its shape', async () => {
    for (const bookmark of ['x', 'FB:', 'neo4j:bookmark:v1:tx42', 'FB:a b']) {
      const r = await post({ query: '{ municipality(ags: "07137") { name } }' }, { ...(await bearer({ role: 'admin' })), 'neo4j-bookmark': bookmark });
      expect([r.status, first(r.body)?.extensions.code], bookmark).toEqual([400, 'BAD_USER_INPUT']);
    }
  });
});

describe('F5: a contact the viewer may not see', () => {
  it('answers exactly as for a UUID that does not exist, for every contact operation', async () => {
    const before = await h.fingerprint();
    const asMember = await member('07137');
    const answer = async (uuid: string, operation: string) => {
      const r = await post({ query: operation.replace('$UUID', uuid) }, asMember);
      const e = first(r.body)!;
      return { status: r.status, code: e.extensions.code, message: e.message.replace(uuid, '<uuid>') };
    };
    for (const operation of [
      'mutation { exportContact(uuid: "$UUID") { name } }',
      'mutation { updateContact(uuid: "$UUID", input: { role: "x" }) { name } }',
      'mutation { deleteContact(uuid: "$UUID") { deletedId } }',
      'mutation { eraseContact(uuid: "$UUID") { erasedId } }',
      'mutation { addExpertise(contact: "$UUID", topic: "energie") { name } }',
      // Issue 38, point 1: the project's contact operations too (they answered FORBIDDEN for a hidden one).
      'mutation { addProjectContact(project: "myk10", contact: "$UUID") { slug } }',
      'mutation { removeProjectContact(project: "myk10", contact: "$UUID") { slug } }',
    ]) {
      const hidden = await answer(CONTACT_NO_CONSENT, operation);
      expect(hidden, operation).toEqual(await answer(randomUUID(), operation));
      expect(hidden.code).toBe('NOT_FOUND');
    }
    expect(await h.fingerprint()).toBe(before);
  });
});

describe('F6: names with invisible or stacked characters', () => {
  it.each([
    ['a right-to-left override', 'Anna \u202eregnilleB'],
    ['a zero-width space', 'Anna\u200bBeispiel'],
    ['a byte-order mark', '\ufeffAnna'],
    ['150 stacked combining marks', `Z${'\u0301'.repeat(150)}algo`],
    // Issue 38, point 6: names that look blank.
    ['a lone Hangul filler', '\u3164'],
    ['a blank Braille pattern between spaces', ' \u2800 '],
  ])('refuses %s in a contact and a project, and leaves the graph as it was', async (_, name) => {
    const before = await h.fingerprint();
    const contact = await post({ query: 'mutation($n: String!) { createContact(input: { name: $n, employer: { ags: "07137" } }) { name } }', variables: { n: name } }, await bearer({ role: 'admin' }));
    expect(first(contact.body)?.extensions.code).toBe('BAD_USER_INPUT');
    expect(first(contact.body)?.message).toMatch(/input\.name: must (not contain invisible characters|not stack more than three combining marks|contain a visible letter or digit)/);
    const project = await post(
      { query: 'mutation($n: String!) { createProject(input: { slug: "probe-f6", name: $n, runners: [{ ags: "07137", role: LEAD }] }) { name } }', variables: { n: name } },
      await bearer({ role: 'admin' }),
    );
    expect(first(project.body)?.extensions.code).toBe('BAD_USER_INPUT');
    expect(await h.fingerprint()).toBe(before);
  });

  it('stores names in NFC, so a decomposed "Jörg" is the same name as a composed one', async () => {
    const r = await post({ query: 'mutation($n: String!) { createContact(input: { name: $n, employer: { ags: "07137" } }) { uuid name } }', variables: { n: 'Jo\u0308rg Ka\u0308ppler' } }, await bearer({ role: 'admin' }));
    expect(r.body.data.createContact.name).toBe('J\u00f6rg K\u00e4ppler');
    await post({ query: `mutation { deleteContact(uuid: "${r.body.data.createContact.uuid}") { deletedId } }` }, await bearer({ role: 'admin' }));
  });
});

describe('F7: each refusal says what really happened', () => {
  it('an anonymous export is not said to change data; an API key asking for keys is not sent to analysts', async () => {
    const anonymous = await post({ query: `mutation { exportContact(uuid: "${CONTACT_NO_CONSENT}") { name } }` });
    expect(first(anonymous.body)?.message).toBe("`exportContact` needs a member's or an admin's bearer token.");
    const { secret } = await h.security.apiKeys.create({ name: 'probe', role: 'READER', rateLimit: 100_000, createdBy: 'test' });
    const keys = await post({ query: '{ apiKeys { name } }' }, { 'x-api-key': secret });
    expect(first(keys.body)?.message).toBe("`apiKeys` needs an admin's bearer token; API keys cannot use it.");
    const write = await post({ query: `mutation { exportContact(uuid: "${CONTACT_NO_CONSENT}") { name } }` }, { 'x-api-key': secret });
    expect(first(write.body)?.message).toBe("API keys cannot call mutations: `exportContact` needs a member's or an admin's bearer token.");
  });

  it('refusing the export of another municipality\'s contact says it was an export (issue 38, point 7)', async () => {
    const ulm = await member('08421000');
    const created = await post({ query: `mutation { createContact(input: { name: "Uta Ulm", visibility: PUBLIC, consentAt: "2025-01-15T00:00:00Z", employer: { ags: "08421000" } }) { uuid } }` }, ulm);
    const uuid = (created.body.data as { createContact: { uuid: string } }).createContact.uuid;
    const refused = await post({ query: `mutation { exportContact(uuid: "${uuid}") { name } }` }, await member('07137'));
    expect([first(refused.body)?.extensions.code, first(refused.body)?.message]).toEqual(['FORBIDDEN', 'Members may export only contacts who work for their own municipality.']);
    await post({ query: `mutation { eraseContact(uuid: "${uuid}") { erasedId } }` }, ulm);
  });
});

describe('F8: errors before GraphQL runs', () => {
  it.each([
    ['batching', [{ query: '{ __typename }' }], 'POST'],
    ['no body', '{}', 'POST'],
    ['`query` not a string', { query: 5 }, 'POST'],
    ['`variables` not an object', { query: '{ __typename }', variables: 5 }, 'POST'],
    ['PUT', { query: '{ __typename }' }, 'PUT'],
  ])('%s: the error carries the request id', async (_, body, method) => {
    const r = await fetch(`${http.url}/graphql`, { method, headers: { 'content-type': 'application/json', 'x-request-id': 'probe-f8' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    expect(r.status).toBeGreaterThanOrEqual(400);
    const errors = ((await r.json()) as Body).errors!;
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_REQUEST', requestId: 'probe-f8' });
  });
});

describe('issue 38, point 2: a variable nested thousands of levels deep', () => {
  it('is refused as bad input, by POST and by GET, even when the operation does not use it', async () => {
    const deep = `${'['.repeat(4_500)}${']'.repeat(4_500)}`;
    const posted = await post(`{"query":"{ __typename }","variables":{"x":${deep}}}`);
    expect([posted.status, first(posted.body)?.extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(first(posted.body)?.message).toMatch(/more than 64 levels/);
    // By GET as deep as a URL Node accepts (16 kB of headers) can carry.
    const got = await fetch(`${http.url}/graphql?${new URLSearchParams({ query: '{ __typename }', variables: `{"x":${'['.repeat(1_000)}${']'.repeat(1_000)}}` }).toString()}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect([got.status, ((await got.json()) as Body).errors?.[0]?.extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    // Nesting an input may really need still passes; brackets inside strings do not count.
    const fine = await post({ query: 'query ($f: MunicipalityFilter) { municipalities(filter: $f, first: 1) { totalCount } }', variables: { f: { namePrefix: '[[[[[[[[' }, x: [[[[[[1]]]]]] } });
    expect(fine.status).toBe(200);
  });
});

describe('F9: a token must name someone', () => {
  it.each([
    ['a number', 123],
    ['an empty string', ''],
    ['blanks', '   '],
  ])('`sub` as %s is refused', async (_, sub) => {
    const { SignJWT } = await import('jose');
    const { TEST_JWT_SECRET } = await import('../support/harness.js');
    const jwt = await new SignJWT({ role: 'admin', sub } as never)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const r = await post({ query: 'mutation { addInterest(ags: "07137", topic: "energie") { ags } }' }, { authorization: `Bearer ${jwt}` });
    expect([r.status, first(r.body)?.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(first(r.body)?.message).toMatch(/`sub` claim must be a non-empty string/);
  });
});

describe('F10: the explorer by setting, security headers, no-store for answers that depend on who asks', () => {
  it('shows the Sandbox only when EXPLORER is on', async () => {
    const page = (url: string) => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } }).then(async (r) => ({ status: r.status, text: await r.text() }));
    expect((await page(http.url)).text).toMatch(/embeddable-sandbox|apollo/i);
    const off = await page(quiet.url);
    expect(off.text).not.toMatch(/embeddable-sandbox/i);
    expect(off.status).toBe(400);
  });

  it('sends nosniff on every answer, no-store where credentials were sent, and a content security policy with the app', async () => {
    const anonymous = await post({ query: '{ __typename }' });
    expect(anonymous.headers.get('x-content-type-options')).toBe('nosniff');
    expect(anonymous.headers.get('cache-control')).toBeNull();
    const signedIn = await post({ query: '{ viewer { kind } }' }, await member('07137'));
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(signedIn.headers.get('vary')).toMatch(/authorization.*x-api-key/i);
    const app = await fetch(`${http.url}/`, { headers: { accept: 'text/html' } });
    expect(app.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(app.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('F11: one normal form for every text a caller searches with', () => {
  it('a lone byte-order mark is empty, not "everything"', async () => {
    for (const query of ['{ municipalities(filter: { namePrefix: "\\ufeff" }) { totalCount } }', '{ search(text: "\\u200b\\ufeff") { score } }']) {
      const r = await post({ query });
      expect(first(r.body)?.extensions.code, query).toBe('BAD_USER_INPUT');
      expect(first(r.body)?.message).toMatch(/must not be empty \(invisible characters do not count\)/);
    }
  });

  it('full-width letters find the same municipality in the prefix filter and in search', async () => {
    const prefix = await post({ query: '{ municipalities(filter: { namePrefix: "ｍｕｅｎｃｈｅｎ" }) { edges { node { ags } } } }' });
    expect(prefix.body.data.municipalities.edges.map((e: any) => e.node.ags)).toEqual(['09162000']);
    const search = await post({ query: '{ search(text: "ｍüｎｃｈｅｎ", types: [MUNICIPALITY]) { node { ... on Municipality { ags } } } }' });
    expect(search.body.data.search.map((s: any) => s.node.ags)).toContain('09162000');
  });
});

describe('F13: aliases and limit messages', () => {
  it('counts aliases of __typename too', async () => {
    const r = await post({ query: `{ ${Array.from({ length: 25 }, (_, i) => `t${i}: __typename`).join(' ')} }` });
    expect([r.status, first(r.body)?.extensions.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    expect(first(r.body)?.message).toMatch(/^Refused by a limit: Aliases limit of 20 exceeded, found 25/);
  });

  it('a depth refusal names the limit and does not call itself a syntax error', async () => {
    const r = await post({ query: `{ topic(slug: "energie") ${'{ parent '.repeat(14)}{ slug }${' }'.repeat(14)} }` });
    expect(first(r.body)?.message).toMatch(/^Refused by a limit: .*depth/i);
    expect(first(r.body)?.message).not.toMatch(/Syntax Error/);
  });
});

describe('CORS for the web pages of other sites (CORS_ORIGINS)', () => {
  const preflight = (origin: string) =>
    fetch(`${http.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
    });

  it('answers a listed origin’s preflight and lets its page read answers and the rate-limit, request-id and bookmark headers', async () => {
    const p = await preflight(SITE);
    expect(p.status).toBe(204);
    expect(p.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(p.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    expect(p.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(p.headers.get('access-control-allow-credentials')).toBeNull();
    const r = await post({ query: '{ municipality(ags: "07137") { name } }' }, { origin: SITE });
    expect(r.body.data.municipality.name).toBe('Mayen-Koblenz');
    expect(r.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(r.headers.get('access-control-expose-headers')?.split(',')).toEqual(
      expect.arrayContaining(['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id', 'neo4j-bookmark']),
    );
  });

  it('gives any other origin no CORS headers at all, so its page cannot read the answer', async () => {
    const p = await preflight('https://evil.example');
    expect(p.headers.get('access-control-allow-origin')).toBeNull();
    const r = await post({ query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still refuses a simple cross-site POST (CSRF), even from a listed origin, and changes nothing', async () => {
    const before = await h.fingerprint();
    for (const origin of [SITE, 'https://evil.example']) {
      const r = await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain', ...(await bearer({ role: 'admin' })) },
        body: JSON.stringify({ query: 'mutation { deleteTopic(slug: "energie") { deletedId } }' }),
      });
      expect(r.status).toBe(400);
      expect(((await r.json()) as Body).errors![0]!.message).toMatch(/Cross-Site Request Forgery/);
    }
    expect(await h.fingerprint()).toBe(before);
  });
});
