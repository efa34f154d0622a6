// npm run soak — ten minutes of mixed traffic against the service as `npm start` runs it, at about 80 %
// of the capacity measured first, with a few writes, and the local Neo4j restarted twice on the way
// (once stopped cleanly, once killed). A Neo4j of its own (.neo4j-soak/, port 7691) with the real data
// (imported by the service on its first start). Reports per minute: requests served, errors by kind,
// p50/p99 latency and the API process's memory (RSS); whether every acknowledged write is there at the
// end; and any 500 outside the restarts. Markdown under bench/results/.
// SOAK_MINUTES (default 10), SOAK_LOAD (share of the measured capacity, default 0.8).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import neo4j from 'neo4j-driver';
import { SignJWT } from 'jose';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { fromProject } from '../src/paths.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const LOAD = Number(process.env.SOAK_LOAD ?? 0.8);
const DIR = '.neo4j-soak';
const BOLT = 7691;
const PORT = 4995;
const SECRET = 'soak-secret-of-at-least-thirty-two-chars';
const MAX_IN_FLIGHT = 64;
const log = (line: string) => console.error(`[soak] ${new Date().toISOString().slice(11, 19)} ${line}`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// --- the service -------------------------------------------------------------------------------

const neo = await startLocalNeo4j({ port: BOLT, dir: DIR, heap: '1g', log });
// Memory is read after a full garbage collection, so the figures show what the process holds and not
// how far V8 let the heap grow before collecting. The service itself has no hook for it: a preloaded
// probe (this run only) answers SIGUSR2 by collecting and printing process.memoryUsage() on stderr.
const PROBE = `process.on('SIGUSR2', () => { globalThis.gc(); process.stderr.write('[heap] ' + JSON.stringify(process.memoryUsage()) + '\\n'); });`;
const api = spawn(process.execPath, ['--enable-source-maps', '--expose-gc', '--import', `data:text/javascript,${encodeURIComponent(PROBE)}`, 'dist/index.js'], {
  cwd: fromProject('.'),
  env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: neo.uri, PORT: String(PORT), JWT_SECRET: SECRET, RATE_LIMIT: 'off', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let apiOutput = '';
let heapWaiter: ((usage: NodeJS.MemoryUsage) => void) | undefined;
api.stdout.on('data', (c: Buffer) => (apiOutput += String(c)));
api.stderr.on('data', (c: Buffer) => {
  const text = String(c);
  const heap = /\[heap\] (\{.*\})/.exec(text);
  if (heap && heapWaiter) heapWaiter(JSON.parse(heap[1]!) as NodeJS.MemoryUsage);
  apiOutput += text.replace(/\[heap\] .*\n/g, '');
});
const MiB = 1024 * 1024;
const rssMiB = () => {
  const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
};
interface MemorySample {
  minute: number;
  rss: number; // as the process stands, MiB
  heapUsed: number; // after a full collection, MiB
  external: number; // memory of JS objects held outside the V8 heap (Buffers: the driver's and the sockets'), after it
  rssAfterGc: number;
}
/** RSS as it stands, then a full collection in the service and its heap and RSS after it. */
async function memorySample(minute: number): Promise<MemorySample> {
  const rss = rssMiB();
  const usage = await new Promise<NodeJS.MemoryUsage>((done) => {
    heapWaiter = done;
    api.kill('SIGUSR2');
  });
  heapWaiter = undefined;
  return { minute, rss, heapUsed: usage.heapUsed / MiB, external: usage.external / MiB, rssAfterGc: usage.rss / MiB };
}
const url = `http://127.0.0.1:${PORT}/graphql`;
for (let i = 0; ; i++) {
  if (api.exitCode !== null) throw new Error(`the service ended:\n${apiOutput}`);
  const up = await fetch(`http://127.0.0.1:${PORT}/ready`).then((r) => r.ok, () => false);
  if (up) break;
  if (i > 600) throw new Error('the service did not get ready in 5 minutes');
  await sleep(500);
}
log(`service ready (pid ${api.pid}), ${rssMiB().toFixed(0)} MiB`);

// --- the traffic -------------------------------------------------------------------------------

const member = await new SignJWT({ role: 'member', ags: '07137' }).setProtectedHeader({ alg: 'HS256' }).setSubject('soak-member').setIssuedAt().setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));
const driver = neo4j.driver(neo.uri, neo4j.auth.basic('neo4j', ''));
const sample = async (cypher: string) => (await driver.executeQuery(cypher)).records.map((r) => r.get(0) as string);
const gemeinden = await sample("MATCH (m:Municipality) WHERE m.kind IN ['GEMEINDE', 'STADT', 'KREISFREIE_STADT'] RETURN m.ags ORDER BY m.ags");
const kreise = await sample("MATCH (m:Municipality) WHERE m.kind = 'LANDKREIS' RETURN m.ags ORDER BY m.ags");
const topics = await sample('MATCH (t:Topic) RETURN t.slug ORDER BY t.slug');
// The member writes only interests Mayen-Koblenz does not hold already, and withdraws them again at the end.
const held = new Set(await sample("MATCH (:Municipality {ags: '07137'})-[:INTERESTED_IN]->(t:Topic) RETURN t.slug"));
const writable = topics.filter((t) => !held.has(t));
const words = ['Mayen', 'Ulm', 'mobilität', 'Energie', 'Bürger', 'Kassel', 'Sensor', 'Parken', 'Wasser', 'Plattform'];
await driver.close();
let seed = 20261202;
const pick = <T>(list: readonly T[]): T => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return list[seed % list.length]!;
};

interface Operation {
  kind: string;
  query: string;
  variables: () => Record<string, unknown>;
  member?: boolean;
}
// Reads as the app and third-party apps send them; the municipality page is the most frequent.
const READS: Operation[] = [
  { kind: 'municipality page', query: 'query ($ags: String!) { municipality(ags: $ags) { name kind population kreis { name } topics { slug } projects(first: 10) { totalCount edges { node { name topics { slug } } } } contacts { name email } eventsAttended { title } } }', variables: () => ({ ags: pick([...gemeinden, ...kreise]) }) },
  { kind: 'municipality page', query: 'query ($ags: String!) { municipality(ags: $ags) { name kind population kreis { name } topics { slug } projects(first: 10) { totalCount edges { node { name topics { slug } } } } contacts { name email } eventsAttended { title } } }', variables: () => ({ ags: pick(kreise) }) },
  { kind: 'search', query: 'query ($text: String!) { search(text: $text, first: 10) { score matchedField node { __typename } } }', variables: () => ({ text: pick(words) }) },
  { kind: 'project list', query: 'query ($topic: String) { projects(filter: { topic: $topic }, first: 20) { totalCount edges { node { name runners { municipality { name } } } } } }', variables: () => ({ topic: pick(topics) }) },
  { kind: 'measures', query: 'query ($topic: String) { measures(filter: { topic: $topic }, first: 20) { totalCount edges { node { name status } } } }', variables: () => ({ topic: pick(topics) }) },
  { kind: 'peers', query: 'query ($ags: String!) { peers(ags: $ags, first: 10) { totalCount edges { score node { name } } } }', variables: () => ({ ags: pick(gemeinden) }) },
];
// Writes: a member of Mayen-Koblenz declares and withdraws interests; each acknowledged one is checked at the end.
const lastWrite = new Map<string, 'declared' | 'withdrawn'>();
const write = (): Operation => {
  const topic = pick(writable);
  const declare = lastWrite.get(topic) !== 'declared';
  return {
    kind: declare ? 'declare interest' : 'withdraw interest',
    query: declare ? `mutation { addInterest(ags: "07137", topic: "${topic}") { ags } }` : `mutation { removeInterest(ags: "07137", topic: "${topic}") { ags } }`,
    variables: () => ({}),
    member: true,
  };
};

interface Outcome {
  sent: number;
  at: number;
  ms: number;
  result: string; // 'ok' or the error's code / HTTP status
}
const outcomes: Outcome[] = [];
let inFlight = 0;
let notSent = 0;
const unackedWrites: string[] = [];

async function send(operation: Operation): Promise<Outcome> {
  const start = performance.now();
  const sent = Date.now();
  inFlight++;
  let result = 'ok';
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(operation.member ? { authorization: `Bearer ${member}` } : {}) },
      body: JSON.stringify({ query: operation.query, variables: operation.variables() }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    if (response.status >= 500) result = `HTTP ${response.status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim();
    else if (body.errors?.length) result = body.errors[0]!.extensions?.code ?? `HTTP ${response.status}`;
  } catch (error) {
    result = `no answer (${(error as Error).name})`;
  } finally {
    inFlight--;
  }
  return { sent, at: Date.now(), ms: performance.now() - start, result };
}

async function sendWrite() {
  const operation = write();
  const topic = /topic: "([^"]+)"/.exec(operation.query)![1]!;
  const outcome = await send(operation);
  outcomes.push(outcome);
  if (outcome.result === 'ok') lastWrite.set(topic, operation.kind === 'declare interest' ? 'declared' : 'withdrawn');
  else unackedWrites.push(`${operation.kind} ${topic}: ${outcome.result}`);
}

// Capacity: a closed loop of 8 connections over the reads for 30 s, after 15 s of the same to warm the
// per-version caches (peer profiles, reach snapshot) and the JIT.
const closedLoop = async (seconds: number) => {
  let served = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < until) {
        await send(pick(READS));
        served++;
      }
    }),
  );
  return served / seconds;
};
// A few writes: one every WRITE_EVERY_S, from the warm-up on, so the capacity is measured with them.
// Each moves the data version, and the next peers request rebuilds the profiles (issue 18).
const WRITE_EVERY_S = Number(process.env.SOAK_WRITE_EVERY_S ?? 15);
const writer = setInterval(() => void sendWrite(), WRITE_EVERY_S * 1000);
log(`warming up (15 s), then measuring capacity (30 s, 8 connections, a write every ${WRITE_EVERY_S} s) …`);
await closedLoop(15);
const capacity = await closedLoop(30);
const rate = capacity * LOAD;
log(`capacity ${capacity.toFixed(0)} req/s; offering ${rate.toFixed(0)} req/s for ${MINUTES} min, with a write every ${WRITE_EVERY_S} s`);

// --- the run, with two restarts of Neo4j ----------------------------------------------------------

const startedAt = Date.now();
const restarts: { how: string; from: number; to: number }[] = [];
async function restartNeo4j(how: 'stopped' | 'killed') {
  const from = Date.now();
  if (how === 'stopped') await stopLocalNeo4j({ dir: DIR });
  else {
    const { pid } = await localNeo4jStatus({ dir: DIR, port: BOLT });
    if (pid) process.kill(pid, 'SIGKILL');
    await sleep(1_000);
  }
  await startLocalNeo4j({ port: BOLT, dir: DIR, heap: '1g' });
  restarts.push({ how, from, to: Date.now() });
  log(`Neo4j ${how} and started again in ${((Date.now() - from) / 1000).toFixed(0)} s`);
}
const restartPlan = [
  { atMinute: MINUTES * 0.3, how: 'stopped' as const },
  { atMinute: MINUTES * 0.65, how: 'killed' as const },
];
const restarting = restartPlan.map(({ atMinute, how }) => sleep(atMinute * 60_000).then(() => restartNeo4j(how)));

const memory: MemorySample[] = [await memorySample(0)];
const sampler = setInterval(() => void memorySample((Date.now() - startedAt) / 60_000).then((m) => memory.push(m)), 60_000);
const pending = new Set<Promise<void>>();
const end = startedAt + MINUTES * 60_000;
let due = performance.now();
while (Date.now() < end) {
  due += 1000 / rate;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  if (inFlight >= MAX_IN_FLIGHT) {
    notSent++;
    continue;
  }
  const p = send(pick(READS)).then((o) => void outcomes.push(o));
  pending.add(p);
  void p.finally(() => pending.delete(p));
}
clearInterval(writer);
clearInterval(sampler);
await Promise.all([...pending, ...restarting]);
memory.push(await memorySample(MINUTES));

// --- checks and report --------------------------------------------------------------------------

// Every acknowledged write is in the graph.
const check = neo4j.driver(neo.uri, neo4j.auth.basic('neo4j', ''));
const declared = new Set(await (async () => (await check.executeQuery("MATCH (:Municipality {ags: '07137'})-[:INTERESTED_IN]->(t:Topic) RETURN t.slug")).records.map((r) => r.get(0) as string))());
const lost = [...lastWrite].filter(([topic, state]) => (state === 'declared') !== declared.has(topic)).map(([topic, state]) => `${topic} (${state})`);
// Leave the graph as it was: withdraw what the run declared.
await check.executeQuery("MATCH (:Municipality {ags: '07137'})-[r:INTERESTED_IN]->(t:Topic) WHERE t.slug IN $writable DELETE r", { writable });
await check.close();

api.kill('SIGTERM');
await new Promise((done) => api.once('exit', done));
await stopLocalNeo4j({ dir: DIR });

// A request is caught in a restart when it was under way at any moment from the restart's start until
// 10 s after Neo4j answered again (sent before that end and answered after the start).
const duringRestart = (o: Outcome) => restarts.some((r) => o.sent <= r.to + 10_000 && o.at >= r.from);
const quantile = (values: number[], q: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const runOutcomes = outcomes.filter((o) => o.at >= startedAt);
const minutes = Array.from({ length: MINUTES }, (_, m) => {
  const these = runOutcomes.filter((o) => Math.floor((o.at - startedAt) / 60_000) === m);
  const ok = these.filter((o) => o.result === 'ok');
  const errors = new Map<string, number>();
  for (const o of these) if (o.result !== 'ok') errors.set(o.result, (errors.get(o.result) ?? 0) + 1);
  const { rss, heapUsed, external, rssAfterGc } = memory.filter((s) => s.minute <= m + 1).at(-1)!;
  const restart = restarts.find((r) => Math.floor((r.from - startedAt) / 60_000) === m);
  return { minute: m + 1, requests: these.length, ok: ok.length, errors, p50: quantile(ok.map((o) => o.ms), 0.5), p99: quantile(ok.map((o) => o.ms), 0.99), rss, heapUsed, external, rssAfterGc, restart: restart?.how };
});
const byKind = new Map<string, { all: number; inRestart: number }>();
for (const o of runOutcomes) {
  if (o.result === 'ok') continue;
  const entry = byKind.get(o.result) ?? { all: 0, inRestart: 0 };
  entry.all++;
  if (duringRestart(o)) entry.inRestart++;
  byKind.set(o.result, entry);
}
// What the service logged as errors (the internal ones it masked), by message.
const logged = new Map<string, number>();
for (const line of apiOutput.split('\n')) {
  if (!line.startsWith('{')) continue;
  try {
    const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string; code?: string } };
    if (entry.level < 50) continue;
    const what = `${entry.msg ?? ''}: ${entry.err?.code ?? ''} ${entry.err?.message ?? ''}`.slice(0, 200);
    logged.set(what, (logged.get(what) ?? 0) + 1);
  } catch {
    // not a log line
  }
}
writeFileSync(fromProject(`${DIR}/api.log`), apiOutput);
const serverErrorsOutside = runOutcomes.filter((o) => (o.result.startsWith('HTTP 5') || o.result === 'INTERNAL_SERVER_ERROR') && !duringRestart(o)).length;
const day = new Date().toISOString().slice(0, 10);
const report = `# Soak run, ${day}

${MINUTES} minutes of mixed traffic against the service as \`npm start\` runs it (\`dist/index.js\`, NODE_ENV=production, rate limit off, the answer caches on as in production: docs/caching.md), on ${cpus().length} CPUs, a local Neo4j 5 Community (1 GB heap) with the real data. Reads: municipality pages (a third of them Kreise), search, project and measure lists, peers; a write (declare or withdraw an interest of Mayen-Koblenz, as a member) every ${WRITE_EVERY_S} s. Offered load: ${rate.toFixed(0)} req/s = ${Math.round(LOAD * 100)} % of the ${capacity.toFixed(0)} req/s the same mix served (with the writes) in a 30 s closed loop of 8 connections just before, after 15 s of warming up. Neo4j restarted twice: ${restarts.map((r) => `${r.how} at minute ${((r.from - startedAt) / 60_000).toFixed(1)}, answering again after ${((r.to - r.from) / 1000).toFixed(0)} s`).join('; ')}. Made by \`npm run soak\` (bench/soak.ts).

| minute | requests | ok | errors | p50 ms | p99 ms | RSS MiB | heap after GC MiB | external after GC MiB | RSS after GC MiB | |
| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${minutes.map((m) => `| ${m.minute} | ${m.requests} | ${m.ok} | ${[...m.errors].map(([k, n]) => `${k} × ${n}`).join(', ') || '–'} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.rss.toFixed(0)} | ${m.heapUsed.toFixed(0)} | ${m.external.toFixed(0)} | ${m.rssAfterGc.toFixed(0)} | ${m.restart ? `Neo4j ${m.restart}` : ''} |`).join('\n')}

- Requests answered: ${runOutcomes.length} (${runOutcomes.filter((o) => o.result === 'ok').length} ok); not sent because ${MAX_IN_FLIGHT} were already waiting: ${notSent}.
- Errors by kind (all / within a restart, from its start until 10 s after Neo4j answered again): ${[...byKind].map(([k, v]) => `${k} ${v.all} / ${v.inRestart}`).join('; ') || 'none'}.
- 500s or INTERNAL_SERVER_ERROR outside the restarts: **${serverErrorsOutside}**.
- Errors the service logged (level error and above), by message: ${[...logged].map(([m, n]) => `${n} × \`${m}\``).join('; ') || 'none'}.
- Writes acknowledged: ${[...lastWrite].length} topics' last state checked against the graph at the end; lost: **${lost.length === 0 ? 'none' : lost.join(', ')}**. Writes refused or unanswered (during restarts): ${unackedWrites.length}.
- API memory, read at the end of each minute: RSS as it stood, then a full garbage collection in the service (a probe preloaded for this run, \`--expose-gc\`) and the V8 heap in use, the memory held outside it (Buffers) and the RSS after it. Heap after a collection: ${memory[0]!.heapUsed.toFixed(0)} MiB at the start, ${minutes[0]!.heapUsed.toFixed(0)} MiB after the first minute, ${minutes.at(-1)!.heapUsed.toFixed(0)} MiB after the last (lowest ${Math.min(...minutes.map((m) => m.heapUsed)).toFixed(0)}, highest ${Math.max(...minutes.map((m) => m.heapUsed)).toFixed(0)}). RSS: ${minutes[0]!.rss.toFixed(0)} MiB after the first minute, ${minutes.at(-1)!.rss.toFixed(0)} MiB after the last; after the collection ${minutes[0]!.rssAfterGc.toFixed(0)} and ${minutes.at(-1)!.rssAfterGc.toFixed(0)} MiB.
`;
mkdirSync(fromProject('bench/results'), { recursive: true });
const file = fromProject(`bench/results/soak-${day}.md`);
writeFileSync(file, report);
console.log(report);
log(`report written to ${file}`);
process.exit(serverErrorsOutside === 0 && lost.length === 0 ? 0 : 1);
