// GraphQL over HTTP conformance: graphql-http's server audits against the
// product's HTTP app on a real port. Every MUST passes; the SHOULDs that do
// not are exactly the ones docs/graphql-over-http.md lists, with the reason.
import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, startHttp, type Harness } from '../support/harness.js';

let h: Harness;
let http: Awaited<ReturnType<typeof startHttp>>;
let results: AuditResult[];
beforeAll(async () => {
  h = await createHarness();
  http = await startHttp(h.db);
  // Some audits ask `__type(name:)`: introspection, which anonymous callers are refused (docs/security.md, Abuse limits).
  // They run as the API's audience does: an app with a key.
  const { secret } = await h.security.apiKeys.create({ name: 'graphql-http audit', role: 'READER', rateLimit: 1_000_000, createdBy: 'test' });
  const fetchFn: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-api-key', secret);
    return fetch(input, { ...init, headers });
  };
  results = [];
  for (const audit of serverAudits({ url: `${http.url}/graphql`, fetchFn })) results.push(await audit.fn());
});
afterAll(async () => {
  await http.close();
  await h.close();
});

const failing = (level: 'MUST' | 'SHOULD') => results.filter((r) => r.name.startsWith(`${level} `) && r.status !== 'ok');
const describeFailure = (r: AuditResult) => (r.status === 'ok' ? r.name : `${r.id} ${r.name}: ${r.reason} (HTTP ${r.response.status})`);

/** The SHOULD audits docs/graphql-over-http.md lists, by id. */
const KNOWN_SHOULD_FAILURES = {
  // Apollo Server answers a request it cannot execute with 400, whatever the Accept header says.
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
};

describe('graphql-http server audits', () => {
  it('ran the whole list', () => {
    expect(results.filter((r) => r.name.startsWith('MUST ')).length).toBeGreaterThan(10);
    expect(results.filter((r) => r.name.startsWith('SHOULD ')).length).toBeGreaterThan(10);
  });

  it('passes every MUST', () => {
    expect(failing('MUST').map(describeFailure)).toEqual([]);
  });

  it('fails only the SHOULDs docs/graphql-over-http.md lists', () => {
    expect(Object.fromEntries(failing('SHOULD').map((r) => [r.id, r.name]))).toEqual(KNOWN_SHOULD_FAILURES);
  });
});
