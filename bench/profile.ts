// npm run bench:profile -- R2 [b|bc|c] — where a variant spends its CPU on one request: the benchmark's
// Neo4j and data (as `npm run bench`), one server child, 3 s of warm-up, then a V8 CPU profile of
// PROFILE_SECONDS (default 10) under 8 connections. Prints the self time per request by package and by
// function, and writes the whole profile to .bench-profiles/ (open it in Chrome's DevTools).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDriver, Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { fromProject } from '../src/paths.js';
import { load, startChild, type HttpVariant } from './children.js';
import { prepareData, sampleKeys } from './data.js';
import { REQUESTS } from './requests.js';

const [requestId = 'R2', variant = 'b'] = process.argv.slice(2) as [string?, HttpVariant?];
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const log = (line: string) => console.error(`[profile] ${line}`);
const request = REQUESTS.find((r) => r.id === requestId);
if (!request) throw new Error(`unknown request ${requestId} (one of ${REQUESTS.map((r) => r.id).join(', ')})`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, a folder of this project, Node's own code, or V8. */
function home(url: string): string {
  if (!url) return '(v8: gc, idle, native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node';
  const own = /\/((?:src|bench)(?:\/.+)?)\/[^/]+$/.exec(url);
  return own ? own[1]! : url;
}

function summarise(profile: CpuProfile, served: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byHome = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(idle)') continue;
    total += us;
    const h = home(callFrame.url);
    byHome.set(h, (byHome.get(h) ?? 0) + us);
    const f = `${callFrame.functionName || '(anonymous)'} ${h}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(f, (byFunction.get(f) ?? 0) + us);
  }
  const perRequest = (us: number) => `${(us / 1000 / served).toFixed(3)} ms`;
  const table = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${perRequest(us).padStart(10)}  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `${served} requests, ${perRequest(total)} of CPU (busy samples) per request\n\nby package or folder:\n${table(byHome, 25)}\n\nby function (self time):\n${table(byFunction, 40)}`;
}

const local = await startLocalNeo4j({ port: Number(process.env.BENCH_NEO4J_PORT ?? 7689), dir: '.neo4j-bench', heap: process.env.BENCH_NEO4J_HEAP ?? '2g', log });
const driver = createDriver(local.uri, 'neo4j', undefined);
try {
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 60_000 });
  await migrate(db);
  await prepareData(db, driver, log);
  const keys = await sampleKeys(driver);
  const child = await startChild(variant, local.uri);
  await load(variant, child, request, keys, 8, 3);
  await child.ask('cpu-profile-start');
  const result = await load(variant, child, request, keys, 8, SECONDS);
  const profile = await child.ask<CpuProfile>('cpu-profile-stop');
  child.process.send('stop');
  const served = Math.round(result.rps * SECONDS);
  mkdirSync(fromProject('.bench-profiles'), { recursive: true });
  const file = fromProject(`.bench-profiles/${variant}-${request.id}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`${variant} on ${request.id}: ${Math.round(result.rps)} req/s at 8 connections, errors ${result.errors}\n${summarise(profile, served)}\n\nprofile: ${file}`);
} finally {
  await driver.close();
  if (local.started) await stopLocalNeo4j({ dir: '.neo4j-bench', log });
}
