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
import { ReachSnapshots } from '../../src/modules/reach/reach.service.js';
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
  /** Runs an operation through the product's Apollo server; `statements` lists what it sent to Neo4j. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T> & { statements: string[] }>;
  /** Runs an operation and fails the test on any error; returns its data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs Cypher directly (fixtures and checks only). */
  cypher<T = Record<string, unknown>>(text: string, params?: Record<string, unknown>): Promise<T[]>;
  reset(): Promise<void>;
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

// TEST_LOG_LEVEL=error shows the internal errors the API masks.
export const silentLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

const WIPE = cypher('test.wipe', 'MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
export async function createHarness(): Promise<Harness> {
  const driver = createDriver(inject('neo4jUri'), 'neo4j', process.env.TEST_NEO4J_PASSWORD);
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 20_000 });
  await migrate(db);
  const apollo = createApollo();
  await apollo.start();
  let seen: string[] = [];
  const deps: ServerDeps = {
    db,
    log: silentLog,
    maxBodyBytes: 100_000,
    observeQueries: () => (s: Statement) => seen.push(s.name),
    reachSnapshots: new ReachSnapshots(),
  };

  const gql: Harness['gql'] = async (query, variables) => {
    seen = [];
    const response = await apollo.executeOperation({ query, variables: variables ?? {} }, { contextValue: contextFor(deps, 'test') });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return { ...(response.body.singleResult as GqlResult<any>), statements: [...seen] };
  };

  return {
    driver,
    db,
    reachSnapshots: deps.reachSnapshots,
    gql,
    async ok(query, variables) {
      const result = await gql(query, variables);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data as never;
    },
    cypher: (text, params = {}) => db.write('test.cypher', (tx) => tx.run(cypher('test.cypher', text), params)),
    // A fresh reach version too, so no cached snapshot of the wiped graph survives a reset.
    reset: () =>
      db.write('test.wipe', async (tx) => {
        await tx.run(WIPE);
        await tx.run(cypher('test.reachVersion', "CREATE (:ReachVersion {id: 'reach', n: $n})"), { n: Date.now() % 1_000_000_000 });
      }),
    async fingerprint() {
      const nodes = await db.read('test.fingerprint', (tx) =>
        tx.run(cypher('test.fingerprint.nodes', 'MATCH (n) WHERE NOT n:Migration AND NOT n:ReachVersion RETURN labels(n) AS labels, properties(n) AS props')),
      );
      const rels = await db.read('test.fingerprint', (tx) =>
        tx.run(
          cypher(
            'test.fingerprint.relationships',
            `MATCH (a)-[r]->(b) WHERE NOT a:Migration
             RETURN coalesce(a.ags, a.id, a.slug) AS from, type(r) AS type, properties(r) AS props, coalesce(b.ags, b.id, b.slug) AS to`,
          ),
        ),
      );
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
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const { app, apollo } = await createApp({ db, log: silentLog, maxBodyBytes: 100_000, reachSnapshots: new ReachSnapshots(), ...deps });
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
