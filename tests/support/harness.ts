// The test harness: the product's own Apollo server and HTTP app over the
// test Neo4j, with a per-request statement counter and a graph fingerprint.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import type { Driver } from 'neo4j-driver';
import { expect, inject } from 'vitest';
import type { Statement } from '../../src/db/cypher.js';
import { cypher } from '../../src/db/cypher.js';
import { createDriver, Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { fromDb, toDb } from '../../src/db/values.js';
import { createCaches } from '../../src/caches.js';
import type { ReachSnapshots } from '../../src/features/reach/reach.service.js';
import type { DerivedCaches } from '../../src/caches.js';
import { SignJWT } from 'jose';
import { ANONYMOUS, type KeyRole, type Viewer } from '../../src/auth/viewer.js';
import { loadConfig, type AuthConfig, type LimitsConfig } from '../../src/config.js';
import { createSecurity, type Security } from '../../src/security.js';
import { contextFor, createApollo, createApp, type ServerDeps } from '../../src/server.js';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  driver: Driver;
  db: Database;
  /** The reach snapshot cache of this harness's server. */
  reachSnapshots: ReachSnapshots;
  /** Every per-version cache of this harness's server (their `loads` count the reads). */
  caches: DerivedCaches;
  /**
   * Runs an operation through the product's Apollo server, as `viewer` (default: an admin, so tests of
   * behaviour are not tests of permissions); `statements` lists what it sent to Neo4j.
   */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GqlResult<T> & { statements: string[] }>;
  /** Runs an operation and fails the test on any error; returns its data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<T>;
  /** The server's security (API keys, rate limits) as the harness built it. */
  security: Security;
  /** Runs Cypher directly (fixtures and checks only). */
  cypher<T = Record<string, unknown>>(text: string, params?: Record<string, unknown>): Promise<T[]>;
  reset(): Promise<void>;
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

// TEST_LOG_LEVEL=error shows the internal errors the API masks.
export const silentLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

// Statements are built while modules load: the server seals the factory (src/db/cypher.ts).
const WIPE = cypher('test.wipe', 'MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
const NEW_DATA_VERSION = cypher('test.dataVersion', "CREATE (:DataVersion {id: 'data', n: $n})");
const FINGERPRINT_NODES = cypher(
  'test.fingerprint.nodes',
  'MATCH (n) WHERE NOT n:Migration AND NOT n:DataVersion RETURN labels(n) AS labels, properties(n) AS props',
);
const FINGERPRINT_RELATIONSHIPS = cypher(
  'test.fingerprint.relationships',
  `MATCH (a)-[r]->(b) WHERE NOT a:Migration
   RETURN coalesce(a.ags, a.id, a.slug) AS from, type(r) AS type, properties(r) AS props, coalesce(b.ags, b.id, b.slug) AS to`,
);
/** The people of the tests: tokens for them are signed with TEST_JWT_SECRET. */
export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';
export const viewers = {
  anonymous: ANONYMOUS,
  admin: { kind: 'person', subject: 'admin-1', role: 'admin', ags: null },
  analyst: { kind: 'person', subject: 'analyst-1', role: 'analyst', ags: null },
  member: (ags: string): Viewer => ({ kind: 'person', subject: `member-${ags}`, role: 'member', ags }),
  key: (role: KeyRole = 'READER'): Viewer => ({ kind: 'key', keyId: '0123456789abcdef', name: 'test app', role, rateLimit: 1_000_000 }),
} satisfies Record<string, Viewer | ((...args: never[]) => Viewer)>;

/** A bearer token for `claims` (role, ags, …), signed with TEST_JWT_SECRET; `expiresIn` e.g. '1h' or a past date. */
export async function token(claims: Record<string, unknown>, options: { subject?: string; expiresIn?: string | Date; secret?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject ?? 'someone')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** The configuration the tests run with: the defaults, HS256 tokens, no rate limit unless a test asks for it. */
export function testSecurityConfig(overrides: { auth?: Partial<AuthConfig>; limits?: Partial<LimitsConfig> } = {}) {
  const defaults = loadConfig({});
  return {
    auth: { ...defaults.auth, jwtSecret: TEST_JWT_SECRET, ...overrides.auth },
    limits: { ...defaults.limits, rateLimit: { ...defaults.limits.rateLimit, enabled: false }, ...overrides.limits },
  };
}

export async function createHarness(): Promise<Harness> {
  const driver = createDriver(inject('neo4jUri'), 'neo4j', process.env.TEST_NEO4J_PASSWORD);
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 20_000 });
  await migrate(db);
  const security = createSecurity(db, testSecurityConfig());
  const apollo = createApollo(security);
  await apollo.start();
  let seen: string[] = [];
  const deps: ServerDeps = {
    db,
    log: silentLog,
    maxBodyBytes: 100_000,
    observeQueries: () => (s: Statement) => seen.push(s.name),
    caches: createCaches(),
    security,
  };

  const gql: Harness['gql'] = async (query, variables, viewer = viewers.admin) => {
    seen = [];
    const response = await apollo.executeOperation(
      { query, variables: variables ?? {} },
      { contextValue: contextFor(deps, { requestId: 'test', viewer, ip: '127.0.0.1' }) },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return { ...(response.body.singleResult as GqlResult<any>), statements: [...seen] };
  };

  return {
    driver,
    db,
    security,
    reachSnapshots: deps.caches.reach,
    caches: deps.caches,
    gql,
    async ok(query, variables, viewer) {
      const result = await gql(query, variables, viewer);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data as never;
    },
    // Fixtures and checks talk to Neo4j directly, not through the product's Database.
    cypher: async (text, params = {}) => {
      const { records } = await driver.executeQuery(text, toDb(params), { database: 'neo4j' });
      return records.map((r) => fromDb(r.toObject()) as never);
    },
    // A fresh data version too, so no cached snapshot or profile of the wiped graph survives a reset.
    reset: () =>
      db.write('test.wipe', async (tx) => {
        await tx.run(WIPE);
        await tx.run(NEW_DATA_VERSION, { n: Date.now() % 1_000_000_000 });
      }),
    async fingerprint() {
      const nodes = await db.read('test.fingerprint', (tx) => tx.run(FINGERPRINT_NODES));
      const rels = await db.read('test.fingerprint', (tx) => tx.run(FINGERPRINT_RELATIONSHIPS));
      return JSON.stringify([nodes.map(stableJson).sort(), rels.map(stableJson).sort()]);
    },
    async close() {
      await apollo.stop();
      await driver.close();
    },
  };
}

/** The product's HTTP app on a free loopback port. */
export async function startHttp(
  db: Database,
  deps: Partial<ServerDeps> = {},
  /** A port chosen beforehand (e.g. one a provider already knows as the redirect URI's); default: any free one. */
  port = 0,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const { app, apollo } = await createApp({
    db,
    log: silentLog,
    maxBodyBytes: 100_000,
    caches: createCaches(),
    security: createSecurity(db, testSecurityConfig()),
    ...deps,
  });
  const server = await new Promise<Server>((done) => {
    const s = app.listen(port, '127.0.0.1', () => done(s));
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    server,
    async close() {
      await new Promise((done) => server.close(done));
      await apollo.stop();
    },
  };
}

/** JSON with object keys sorted, so equal values give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
