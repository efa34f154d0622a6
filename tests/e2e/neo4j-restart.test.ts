// The API keeps serving while Neo4j restarts — with clear errors meanwhile —
// and recovers by itself when it is back. It needs a Neo4j it may stop, so it
// starts one of its own (not the suite's shared one): port 7701 unless
// TEST_NEO4J_RESTART_PORT says otherwise, data in .neo4j-restart-test/.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { migrate } from '../../src/db/migrations.js';
import { createSecurity } from '../../src/security.js';
import { startHttp, testSecurityConfig } from '../support/harness.js';

const DIR = '.neo4j-restart-test';
const PORT = Number(process.env.TEST_NEO4J_RESTART_PORT ?? 7701);

let driver: ReturnType<typeof createDriver>;
let http: Awaited<ReturnType<typeof startHttp>>;
let apiKey: string;
beforeAll(async () => {
  const { uri } = await startLocalNeo4j({ port: PORT, dir: DIR, heap: '512m' });
  // The product's own driver settings (createDriver): what this test shows holds for `npm start`.
  driver = createDriver(uri, 'neo4j', undefined);
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 10_000 });
  await migrate(db);
  await driver.executeQuery("MERGE (m:Municipality {ags: '07137'}) SET m.name = 'Mayen-Koblenz', m.kind = 'LANDKREIS', m.nameKey = 'mayen-koblenz'");
  const security = createSecurity(db, testSecurityConfig());
  // A key not looked up yet, so its check needs the database during the outage.
  apiKey = (await security.apiKeys.create({ name: 'restart test', role: 'READER', rateLimit: 1_000_000, createdBy: 'test' })).secret;
  http = await startHttp(db, { security });
}, 240_000);
afterAll(async () => {
  await http?.close();
  await driver?.close();
  await stopLocalNeo4j({ dir: DIR });
  rmSync(DIR, { recursive: true, force: true });
}, 120_000);

const QUERY = '{ municipality(ags: "07137") { name } }';
const ask = async (headers: Record<string, string> = {}) => {
  const response = await fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
};
const status = async (path: string) => (await fetch(`${http.url}${path}`)).status;

describe('Neo4j restarting under a running API', () => {
  it('answers SERVICE_UNAVAILABLE while Neo4j is down, not ready but alive, and recovers without a restart', async () => {
    expect((await ask()).body).toEqual({ data: { municipality: { name: 'Mayen-Koblenz' } } });
    expect(await status('/ready')).toBe(200);

    expect(await stopLocalNeo4j({ dir: DIR })).toBe(true);

    const started = Date.now();
    const down = await ask();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(down.status).toBe(200);
    expect(down.body.errors).toHaveLength(1);
    expect(down.body.errors![0]).toMatchObject({ message: expect.stringMatching(/not reachable right now.*try again/i), extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(down.body.data).toEqual({ municipality: null });
    // A caller with a key that must be checked first: refused before GraphQL, with the same code.
    const keyed = await ask({ 'x-api-key': apiKey });
    expect(keyed.status).toBe(503);
    expect(keyed.body.errors![0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(await status('/ready')).toBe(503);
    expect(await status('/health')).toBe(200);

    const again = await startLocalNeo4j({ port: PORT, dir: DIR, heap: '512m' });
    expect(again.started).toBe(true);
    // The same server object and the same driver: the first requests after the restart are answered.
    expect(await status('/ready')).toBe(200);
    expect((await ask()).body).toEqual({ data: { municipality: { name: 'Mayen-Koblenz' } } });
    expect((await ask({ 'x-api-key': apiKey })).body).toEqual({ data: { municipality: { name: 'Mayen-Koblenz' } } });
  }, 240_000);
});
