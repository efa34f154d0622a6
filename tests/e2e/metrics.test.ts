// GET /metrics for operators (issue 17): scraped in Prometheus's format after real traffic through the
// product's app — requests by operation and result, refusals by limit, refused credentials, Neo4j
// transactions, cache rebuilds, the process's memory and event-loop delay. Served on a port of its own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { metricsHandler } from '../../src/metrics.js';
import { startHttp, token } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();
let http: Awaited<ReturnType<typeof startHttp>>;
let scrape: Server;
let scrapeUrl: string;
beforeAll(async () => {
  http = await startHttp(h.db);
  scrape = await new Promise<Server>((done) => {
    const s = createServer(metricsHandler).listen(0, '127.0.0.1', () => done(s));
  });
  scrapeUrl = `http://127.0.0.1:${(scrape.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => scrape.close(done));
  await http.close();
});

const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

/** The value of one sample line, e.g. `scg_graphql_requests_total{operation="Probe",result="OK"}`; 0 when absent. */
const sample = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? 0 : Number(line.slice(name.length + 1));
};

it('counts requests by operation and result, refusals, credentials, transactions and cache rebuilds, beside the process figures', async () => {
  const before = await (await fetch(`${scrapeUrl}/metrics`)).text();
  for (let i = 0; i < 3; i++) await post('query MetricsProbe { municipality(ags: "07137") { name } }');
  await post('query MetricsCostly { municipalities(first: 100) { edges { node { projects(first: 100) { edges { node { topics { slug } } } } } } } }');
  await post('{ __typename }', { 'x-api-key': `scg_${'0'.repeat(16)}_${'A'.repeat(43)}` });
  await post('query MetricsReach { reach(from: { programme: true }) { reachedCount } }', { authorization: `Bearer ${await token({ role: 'analyst' })}` });
  const response = await fetch(`${scrapeUrl}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const after = await response.text();
  const grew = (name: string) => sample(after, name) - sample(before, name);
  expect(grew('scg_graphql_requests_total{operation="MetricsProbe",result="OK"}')).toBe(3);
  expect(grew('scg_graphql_request_duration_seconds_count{operation="MetricsProbe"}')).toBe(3);
  expect(grew('scg_graphql_requests_total{operation="MetricsCostly",result="QUERY_TOO_COMPLEX"}')).toBe(1);
  expect(grew('scg_refused_total{limit="cost"}')).toBe(1);
  expect(grew('scg_refused_credentials_total{throttled="false"}')).toBe(1);
  expect(grew('scg_neo4j_transactions_total{mode="READ",outcome="ok"}')).toBeGreaterThanOrEqual(3);
  expect(grew('scg_cache_rebuild_seconds_count{cache="reach snapshot"}')).toBe(1);
  expect(sample(after, 'scg_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  expect(after).toMatch(/^scg_nodejs_eventloop_lag_p99_seconds \d/m);
  // Nothing else is served on the metrics port, and the public port has no /metrics.
  expect((await fetch(`${scrapeUrl}/`)).status).toBe(404);
  expect((await fetch(`${http.url}/metrics`, { headers: { accept: 'application/json' } })).status).toBe(404);
});
