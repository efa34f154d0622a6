// Crash safety (issue 17): `kill -9` of the API in the middle of a mutation and in the middle of its
// import, and of the local Neo4j in the middle of an import. Each time the graph afterwards is exactly
// what it was before (fingerprint), the next start serves and the next import completes. "In the
// middle" is made certain, not hoped for: the test holds a lock the write needs further on, waits until
// Neo4j reports the write's transaction blocked on it (it has written what came before), and kills
// then. On a Neo4j of its own (port 7690, .neo4j-crash/), which one of the tests kills.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { TEST_NEO4J_JVM } from '../support/global-setup.js';
import { token } from '../support/harness.js';

const DIR = '.neo4j-crash';
const BOLT = 7690;
const PORT = 4993;
const SECRET = 'crash-test-secret-of-32-characters!!';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let uri: string;
let driver: Driver;

beforeAll(async () => {
  await stopLocalNeo4j({ dir: DIR });
  rmSync(DIR, { recursive: true, force: true });
  uri = (await startLocalNeo4j({ port: BOLT, dir: DIR, heap: '1g', jvmFlags: TEST_NEO4J_JVM })).uri;
  driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { maxTransactionRetryTime: 1_000 });
}, 240_000);

afterAll(async () => {
  await driver?.close();
  await stopLocalNeo4j({ dir: DIR });
  rmSync(DIR, { recursive: true, force: true });
}, 120_000);

/** Everything in the graph but the bookkeeping (migrations, data version), as one hash. */
async function fingerprint(): Promise<string> {
  const nodes = await driver.executeQuery('MATCH (n) WHERE NOT n:Migration AND NOT n:DataVersion RETURN labels(n) AS l, properties(n) AS p', {}, { routing: 'READ' });
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN coalesce(a.ags, a.id, a.slug) AS f, type(r) AS t, properties(r) AS p, coalesce(b.ags, b.id, b.slug) AS o',
    {},
    { routing: 'READ' },
  );
  const lines = [...nodes.records, ...rels.records].map((r) => JSON.stringify(r.toObject(), (_, v: unknown) => (neo4j.isInt(v) ? v.toString() : v)));
  const hash = createHash('sha256');
  for (const line of lines.sort()) hash.update(`${line}\n`);
  return `${lines.length}:${hash.digest('hex')}`;
}

/** How many transactions named `name` are running, and how many of them wait for a lock. */
async function transactions(name: string): Promise<{ running: number; blocked: number }> {
  const { records } = await driver.executeQuery(
    'SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.tx = $name RETURN count(*) AS running, count(CASE WHEN status STARTS WITH "Blocked" THEN 1 END) AS blocked',
    { name },
  );
  return { running: records[0]!.get('running').toNumber(), blocked: records[0]!.get('blocked').toNumber() };
}

async function until(what: string, check: () => Promise<boolean>, seconds: number, output = () => '') {
  for (let i = 0; i < seconds * 10; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${seconds} s\n${output()}`);
}

/** A lock the test holds on what `match` finds (a property set in a transaction kept open). */
async function holdLock(match: string) {
  const session = driver.session();
  const tx = session.beginTransaction();
  const { records } = await tx.run(`${match} SET x.\`_heldByTest\` = true RETURN count(x) AS n`);
  expect(records[0]!.get('n').toNumber()).toBe(1);
  return {
    async release() {
      if (tx.isOpen()) await tx.rollback();
      await session.close();
    },
  };
}

interface Service {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The service from source, as `npm start` runs it (after the build), against the crash Neo4j. */
function startService(env: Record<string, string> = {}): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: uri, PORT: String(PORT), LOG_LEVEL: 'info', JWT_SECRET: SECRET, IMPORT_ON_EMPTY: 'auto', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  return { child, output: () => output, exited: new Promise((done) => child.once('exit', done)) };
}

async function ready(service: Service) {
  await until('the service is ready', () => Promise.resolve(service.output().includes('is ready') || service.child.exitCode !== null), 150, service.output);
  expect(service.child.exitCode, service.output()).toBeNull();
}

async function graphql(query: string, bearer?: string) {
  const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

async function kill(service: Service) {
  service.child.kill('SIGKILL');
  await service.exited;
}

/** Runs `npm run import`'s script against the crash Neo4j. */
function runImportScript(): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/import.ts'], { env: { ...process.env, NEO4J_URI: uri } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  return { child, output: () => output, exited: new Promise((done) => child.once('exit', done)) };
}

const PROJECT = 'mpsc-2019-solingen';
const projectName = async () =>
  (await driver.executeQuery('MATCH (p:Project {id: $id}) RETURN p.name AS name', { id: PROJECT })).records[0]?.get('name') as string | undefined;

describe('kill -9', () => {
  it('of the API in the middle of its import on an empty database: nothing written; the next start imports and serves', async () => {
    // A first start without the import applies the migrations (constraints and indexes), which would
    // otherwise wait for the lock themselves.
    const migrating = startService({ IMPORT_ON_EMPTY: 'never' });
    await ready(migrating);
    await kill(migrating);
    // The import writes the municipalities first, then the topics: held on a topic, it has written the former.
    await driver.executeQuery("MERGE (t:Topic {slug: 'mobilitaet'}) SET t.name = 'Vorher'");
    const before = await fingerprint();
    const lock = await holdLock("MATCH (x:Topic {slug: 'mobilitaet'})");
    const first = startService();
    try {
      await until('the import waits for the lock', async () => (await transactions('import')).blocked === 1, 120, first.output);
      await kill(first);
    } finally {
      await lock.release();
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
    }
    await until('Neo4j has rolled the import back', async () => (await transactions('import')).running === 0, 30);
    expect(await fingerprint()).toBe(before);

    const second = startService();
    try {
      await ready(second);
      expect(second.output()).toMatch(/real data imported/);
      const { body } = await graphql('{ municipality(ags: "07137") { name } }');
      // The answer's data (its extensions carry the request's cost under the production rate limits).
      expect([body.data, body.errors]).toEqual([{ municipality: { name: 'Mayen-Koblenz' } }, undefined]);
    } finally {
      await kill(second);
    }
  }, 300_000);

  it('of the API in the middle of a mutation: the graph as before; the next start serves and the mutation then succeeds', async () => {
    const original = await projectName();
    expect(original).toBeTruthy();
    const before = await fingerprint();
    // The write changes the project, then moves the data version: held there, it has changed the project.
    const lock = await holdLock("MATCH (x:DataVersion {id: 'data'})");
    const service = startService();
    const admin = await token({ role: 'admin' }, { secret: SECRET });
    const rename = `mutation { updateProject(slug: "${PROJECT}", input: { name: "Umbenannt beim Absturz" }) { name } }`;
    try {
      await ready(service);
      void graphql(rename, admin).catch(() => {});
      await until('the mutation waits for the lock', async () => (await transactions('project.update')).blocked === 1, 30, service.output);
      await kill(service);
    } finally {
      await lock.release();
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
    await until('Neo4j has rolled the mutation back', async () => (await transactions('project.update')).running === 0, 30);
    expect(await fingerprint()).toBe(before);
    expect(await projectName()).toBe(original);

    const next = startService();
    try {
      await ready(next);
      expect(next.output()).not.toMatch(/real data imported/);
      const renamed = (await graphql(rename, admin)).body;
      expect([renamed.data, renamed.errors]).toEqual([{ updateProject: { name: 'Umbenannt beim Absturz' } }, undefined]);
    } finally {
      await kill(next);
    }
  }, 240_000);

  it('of the local Neo4j in the middle of an import: after its restart the graph as before; the next import completes', async () => {
    // Before: the renamed project of the last test, which the import would name as its source does.
    expect(await projectName()).toBe('Umbenannt beim Absturz');
    const before = await fingerprint();
    const lock = await holdLock("MATCH (x:Topic {slug: 'mobilitaet'})");
    const importer = runImportScript();
    try {
      await until('the import waits for the lock', async () => (await transactions('import')).blocked === 1, 120, importer.output);
      const { pid } = await localNeo4jStatus({ dir: DIR, port: BOLT });
      expect(pid).toBeGreaterThan(0);
      process.kill(pid!, 'SIGKILL');
      expect(await importer.exited, importer.output()).not.toBe(0);
    } finally {
      await lock.release().catch(() => {});
      if (importer.child.exitCode === null) importer.child.kill('SIGKILL');
    }
    await driver.close();
    const restarted = await startLocalNeo4j({ port: BOLT, dir: DIR, heap: '1g', jvmFlags: TEST_NEO4J_JVM });
    expect(restarted.started).toBe(true);
    driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { maxTransactionRetryTime: 1_000 });
    expect(await fingerprint()).toBe(before);

    const again = runImportScript();
    expect(await again.exited, again.output()).toBe(0);
    expect(await projectName()).not.toBe('Umbenannt beim Absturz');
  }, 300_000);
});
