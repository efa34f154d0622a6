// One benchmark server in a process of its own, so its CPU time and event-loop
// delay are its own: `a1` (a bare node:http handler running the floor
// statement) or `b` (the API, production settings). The parent talks to it
// over IPC: `stats` returns what was measured since the last `reset`.
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { createDriver, Database } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { ReachSnapshots } from '../src/modules/reach/reach.service.js';
import { reachRepository } from '../src/modules/reach/reach.repository.js';
import { createSecurity } from '../src/security.js';
import { createApp } from '../src/server.js';
import type { Key } from './data.js';
import { REQUESTS } from './requests.js';

const variant = process.argv[2];
const uri = process.env.BENCH_NEO4J_URI!;
const driver = createDriver(uri, 'neo4j', undefined);
const db = new Database(driver, { database: 'neo4j', timeoutMs: 30_000 });

/** Statements per request, and their start times (ms): waves are runs of starts without a database round-trip between them. */
const perRequest = new Map<string, number[]>();
let finished: number[][] = [];

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let handler: RequestListener;
if (variant === 'a1') {
  handler = (req, res) => {
    void (async () => {
      const { request, key } = JSON.parse(await body(req)) as { request: string; key: Key };
      const answer = await REQUESTS.find((r) => r.id === request)!.floor(db, key);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  };
} else if (variant === 'b') {
  // Production settings, but no rate limit: the benchmark is one client at full speed.
  const config = loadConfig({ ...process.env, RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
  const reachSnapshots = new ReachSnapshots();
  await reachSnapshots.get(reachRepository(db));
  const { app } = await createApp({
    db,
    log: createLogger('warn'),
    maxBodyBytes: config.http.maxBodyBytes,
    reachSnapshots,
    security: createSecurity(db, config),
    observeQueries: (requestId) => {
      const starts: number[] = [];
      perRequest.set(requestId, starts);
      return () => starts.push(performance.now());
    },
  });
  handler = app;
} else {
  throw new Error(`unknown variant ${variant}`);
}

const server = createServer(handler);
server.keepAliveTimeout = 60_000;
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const eld = monitorEventLoopDelay({ resolution: 10 });
let cpu = process.cpuUsage();
let served = 0;
server.on('request', (_req, res) =>
  res.on('finish', () => {
    served++;
    const id = res.getHeader('x-request-id');
    const starts = typeof id === 'string' ? perRequest.get(id) : undefined;
    if (starts) {
      perRequest.delete(id as string);
      finished.push(starts);
    }
  }),
);
eld.enable();

/** Waves: statements whose starts lie within 0.5 ms of the previous one went out together. */
const waves = (starts: number[]) => starts.reduce((n, t, i) => (i === 0 || t - starts[i - 1]! > 0.5 ? n + 1 : n), 0);

process.on('message', (message: string) => {
  if (message === 'reset') {
    cpu = process.cpuUsage();
    eld.reset();
    served = 0;
    finished = [];
    process.send!({ ok: true });
  } else if (message === 'stats') {
    const used = process.cpuUsage(cpu);
    const roundTrips = finished.map((s) => s.length);
    const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    process.send!({
      served,
      cpuMsPerRequest: served ? (used.user + used.system) / 1000 / served : null,
      eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
      roundTrips: avg(roundTrips),
      waves: avg(finished.map(waves)),
    });
  } else if (message === 'stop') {
    server.close();
    void driver.close().then(() => process.exit(0));
  }
});
process.send!({ port: (server.address() as AddressInfo).port });
