// One benchmark server in a process of its own, so its CPU time and event-loop
// delay are its own: `a1` (a bare node:http handler running the floor
// statement), `b` (the API, production settings, response cache off), `bc` (the same with it on) or `c` (the peer,
// @neo4j/graphql in Apollo Server 5). b and c get the same driver, wrapped to
// record every statement of a request (bench/counting-driver.ts). The parent
// talks to the child over IPC: `stats` returns what was measured since the last
// `reset`; `profile` the dbHits of the statements of the last request; `cpu-profile-start` and
// `cpu-profile-stop` a V8 CPU profile in between. For the scale curve (bench/scale.ts), b also answers
// `memory` (heap and RSS after a full collection), `touch` (a write that moves the data version, as a
// mutation does), `network-on-main` (the network analysis on the main thread, as it ran before it had a
// worker) and `rebuilds` (how long each per-version cache took to rebuild, and the event-loop delay since
// `touch`).
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { createDriver, Database } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { createCaches } from '../src/caches.js';
import { reachRepository } from '../src/features/reach/reach.repository.js';
import { viewOf } from '../src/features/reach/reach.compute.js';
import { computeNetwork } from '../src/features/reach/reach.network.js';
import { ALL_LINK_KINDS, today } from '../src/features/reach/reach.service.js';
import { cypher } from '../src/db/cypher.js';
import { createSecurity } from '../src/security.js';
import { createApp } from '../src/server.js';
import { countingDriver, trace, waves, type Sent } from './counting-driver.js';
import { dbHits } from './db-hits.js';
import type { Key } from './data.js';
import { peerSchema } from './peer.js';
import { REQUESTS } from './requests.js';

const variant = process.argv[2];
const uri = process.env.BENCH_NEO4J_URI!;
// The same driver settings for every variant: the product's createDriver.
const driver = createDriver(uri, 'neo4j', undefined);
const counted = countingDriver(driver);

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let handler: RequestListener;
let scaleCommands: ((message: string) => Promise<unknown> | undefined) | undefined;

/** b's commands for the scale curve (see the head of this file). */
function scaleCurve(db: Database, caches: ReturnType<typeof createCaches>) {
  // Enabled with the first of these commands ('memory', after the load), not while the load is measured, and well before
  // a rebuild: a histogram enabled just before a long block takes its first sample after it and misses it.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const repo = reachRepository(db);
  const touched = { at: 0 };
  // reset() also forgets when the histogram last sampled, so the first interval after it is not recorded: a block
  // right after a reset would be missed. A few intervals are let pass before the work starts.
  const restartDelay = async () => {
    delay.reset();
    await new Promise((done) => setTimeout(done, 20));
  };
  return (message: string): Promise<unknown> | undefined => {
    if (['memory', 'touch', 'network-on-main', 'rebuilds'].includes(message)) delay.enable();
    if (message === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      return Promise.resolve({ heapUsedMiB: m.heapUsed / 2 ** 20, rssMiB: m.rss / 2 ** 20, externalMiB: m.external / 2 ** 20 });
    }
    if (message === 'touch') {
      return (async () => {
        await db.write('bench.touch', (tx) => tx.run(TOUCH), { derives: ['network', 'profiles'] });
        await restartDelay();
        touched.at = performance.now();
        return { ok: true };
      })();
    }
    if (message === 'network-on-main') {
      return (async () => {
        const snapshot = viewOf(await caches.reach.get(repo), false);
        await restartDelay();
        // As ReachSnapshots.network ran it before the worker: after the current callbacks, on this thread.
        const ms = await new Promise<number>((done) =>
          setImmediate(() => {
            const t = performance.now();
            computeNetwork(snapshot, new Set(ALL_LINK_KINDS), today());
            done(performance.now() - t);
          }),
        );
        await new Promise((done) => setTimeout(done, 50));
        return { ms, eventLoopDelayP99Ms: delay.percentile(99) / 1e6, eventLoopDelayMaxMs: delay.max / 1e6 };
      })();
    }
    if (message === 'rebuilds') {
      return Promise.resolve({
        sinceTouchMs: performance.now() - touched.at,
        profilesMs: caches.profiles.lastLoadMs,
        solutionsMs: caches.solutions.lastLoadMs,
        snapshotMs: caches.reach.lastSnapshotMs,
        networkMs: caches.reach.lastComputeMs,
        eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
        eventLoopDelayMaxMs: delay.max / 1e6,
      });
    }
    return undefined;
  };
}

// A write that changes something, so the data version moves as after a mutation.
const TOUCH = cypher('bench.touch', 'MERGE (b:BenchLayer) SET b.touched = coalesce(b.touched, 0) + 1');
if (variant === 'a1') {
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 30_000 });
  handler = (req, res) => {
    void (async () => {
      const { request, key } = JSON.parse(await body(req)) as { request: string; key: Key };
      const answer = await REQUESTS.find((r) => r.id === request)!.floor(db, key);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  };
} else if (variant === 'b' || variant === 'bc') {
  // Production settings, but no rate limit: the benchmark is one client at full speed. b without the
  // response cache (the engine itself), bc with it, as production runs.
  const config = loadConfig({ ...process.env, RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
  const db = new Database(counted, { database: 'neo4j', timeoutMs: 30_000 });
  const caches = createCaches();
  await caches.reach.get(reachRepository(db));
  scaleCommands = scaleCurve(db, caches);
  const answerCache = variant === 'bc' ? config.http.answerCache : undefined;
  const { app } = await createApp({ db, log: createLogger('warn'), maxBodyBytes: config.http.maxBodyBytes, caches, security: createSecurity(db, config), answerCache });
  handler = app;
} else if (variant === 'c') {
  const apollo = new ApolloServer({ schema: await peerSchema(counted) });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo));
  handler = app;
} else {
  throw new Error(`unknown variant ${variant}`);
}

/** The statements of finished requests since the last reset, and of the very last one. */
let finished: Sent[][] = [];
let last: Sent[] = [];
// Requests are traced only between `count-on` and `count-off` (the counting pass after the timed runs):
// AsyncLocalStorage's promise hooks and the wrapped sessions cost CPU a1 does not pay.
let counting = false;
const traced: RequestListener = (req, res) => {
  if (!counting) return handler(req, res);
  const sent: Sent[] = [];
  res.on('finish', () => {
    finished.push(sent);
    last = sent;
  });
  trace.run(sent, () => handler(req, res));
};

const server = createServer(variant === 'a1' ? handler : traced);
server.keepAliveTimeout = 60_000;
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const eld = monitorEventLoopDelay({ resolution: 10 });
let cpu = process.cpuUsage();
let served = 0;
server.on('request', (_req, res) => res.on('finish', () => served++));
eld.enable();

/** The dbHits of the statements of the last request, PROFILEd one by one. */
async function profileLast(): Promise<{ statements: number; dbHits: number }> {
  let hits = 0;
  for (const s of last) hits += await dbHits(driver, s.text, s.params);
  return { statements: last.length, dbHits: hits };
}

const inspector = new Session();
async function startCpuProfile(): Promise<void> {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
  await inspector.post('Profiler.start');
}
async function stopCpuProfile(): Promise<unknown> {
  const { profile } = await inspector.post('Profiler.stop');
  inspector.disconnect();
  return profile;
}

process.on('message', (message: string) => {
  const scale = scaleCommands?.(message);
  if (scale) {
    void scale.then((answer) => process.send!(answer));
  } else if (message === 'reset') {
    cpu = process.cpuUsage();
    eld.reset();
    served = 0;
    finished = [];
    process.send!({ ok: true });
  } else if (message === 'stats') {
    const used = process.cpuUsage(cpu);
    const roundTrips = finished.map((sent) => sent.length);
    const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    process.send!({
      served,
      cpuMsPerRequest: served ? (used.user + used.system) / 1000 / served : null,
      eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
      roundTrips: avg(roundTrips),
      waves: avg(finished.map(waves)),
    });
  } else if (message === 'count-on' || message === 'count-off') {
    counting = message === 'count-on';
    // Off: the storage disabled, so its promise hooks are too (unless the product uses one of its own).
    if (!counting) trace.disable();
    process.send!({ ok: true });
  } else if (message === 'cpu-profile-start') {
    // A V8 CPU profile of the load phase only (bench/profile.ts), without start-up and module loading.
    void startCpuProfile().then(() => process.send!({ ok: true }));
  } else if (message === 'cpu-profile-stop') {
    void stopCpuProfile().then((profile) => process.send!(profile));
  } else if (message === 'profile') {
    void profileLast().then((p) => process.send!(p));
  } else if (message === 'stop') {
    server.close();
    void driver.close().then(() => process.exit(0));
  }
});
process.send!({ port: (server.address() as AddressInfo).port });
