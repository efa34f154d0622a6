// npm run bench — the benchmark in one command: a Neo4j of its own
// (.neo4j-bench/, port 7689), the real data plus the generated layer, the
// answers of every variant checked equal, then the load, and a report under
// bench/results/ (Markdown and JSON), printed at the end.
//
// Variants: a0 the database floor (the floor statement in this process, no
// HTTP), a1 the HTTP floor (a bare node:http handler running it), b the API,
// c the peer (@neo4j/graphql 7 in Apollo Server 5, bench/peer.ts); bc the API with the response cache as
// production runs it (src/http-cache.ts), so no ratio of b hides behind a cache and the cache's gain shows.
// Load: autocannon closed loop at 1, 8 and 32 connections (throughput), then a
// fixed rate at 50% and 80% of a1's best (latency at equal offered load).
// After the timed runs, a counting pass sends every key once more to b, bc and c
// on a driver wrapper that records each request's statements (round-trips,
// sequential waves) and PROFILEs those of one request (dbHits); the timed runs
// go through the driver unwrapped, as a1's.
// Every figure is the median of REPS repetitions; the order of the variants
// rotates between repetitions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { createDriver, Database } from '../src/db/database.js';
import { dbHits } from './db-hits.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { fromProject } from '../src/paths.js';
import { LAYER, prepareData, sampleKeys, type Key } from './data.js';
import { REQUESTS, type BenchRequest } from './requests.js';
import { answer, HTTP_VARIANTS, load, startChild, type Child, type HttpVariant, type LoadResult, type Variant } from './children.js';

// `npm run bench -- --scale 1,4,16` (or BENCH_SCALE): the scale curve instead (bench/scale.ts).
const scaleAt = process.argv.indexOf('--scale');
const scaleText = process.env.BENCH_SCALE ?? (scaleAt >= 0 ? process.argv[scaleAt + 1] ?? '' : undefined);
if (scaleText !== undefined) {
  const { parseScales, runScaleCurve } = await import('./scale.js');
  await runScaleCurve(parseScales(scaleText));
  process.exit(0);
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const CONNECTIONS = [1, 8, 32];
const PORT = Number(process.env.BENCH_NEO4J_PORT ?? 7689);
const log = (line: string) => console.error(`[bench] ${line}`);
const started = Date.now();

const HEAP = process.env.BENCH_NEO4J_HEAP ?? '2g';
const local = await startLocalNeo4j({ port: PORT, dir: '.neo4j-bench', heap: HEAP, log });
const uri = local.uri;
const driver = createDriver(uri, 'neo4j', undefined);
const db = new Database(driver, { database: 'neo4j', timeoutMs: 60_000 });

/** a0: the floor statement in this process, `concurrency` callers in a closed loop. */
async function loadInProcess(r: BenchRequest, keys: Key[], concurrency: number, seconds = SECONDS): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await r.floor(db, keys[next++ % keys.length]!);
        latencies.push(performance.now() - t);
      }
    }),
  );
  // Over the time the loop really took: the last requests end after `seconds`, and a slow floor's overrun is not free.
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors: 0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};

try {
  await migrate(db);
  await prepareData(db, driver, log);
  const keys = await sampleKeys(driver);
  const [counts] = (
    await driver.executeQuery(
      'MATCH (p:Project) WITH count(p) AS projects MATCH (c:Contact) WITH projects, count(c) AS contacts MATCH (e:Event) RETURN projects, contacts, count(e) AS events',
    )
  ).records.map((x) => x.toObject());
  log(`data ready: ${JSON.stringify(counts)} (${Math.round((Date.now() - started) / 1000)} s)`);

  const children: Record<HttpVariant, Child> = { a1: await startChild('a1', uri), b: await startChild('b', uri), bc: await startChild('bc', uri), c: await startChild('c', uri) };

  // Equal answers first: every key of every request, the floor against each variant.
  const only = process.env.BENCH_ONLY?.split(',');
  const requests = REQUESTS.filter((r) => !only || only.includes(r.id));
  for (const r of requests) {
    for (const k of keys) {
      const floor = JSON.parse(JSON.stringify(await r.floor(db, k))) as unknown;
      for (const variant of HTTP_VARIANTS) {
        const got = await answer(variant, children[variant], r, k);
        if (!isDeepStrictEqual(got, floor)) {
          throw new Error(`${r.id} ${variant} answers differently for ${JSON.stringify(k)}:\n floor ${JSON.stringify(floor).slice(0, 600)}\n ${variant}    ${JSON.stringify(got).slice(0, 600)}`);
        }
      }
    }
    log(`${r.id}: a0, a1, b, bc and c answer alike for all ${keys.length} keys`);
  }

  const report: Record<string, any> = {};
  for (const r of requests) {
    log(`${r.id} — ${r.title}`);
    // Warm-up: plans cached, JIT warm, connection pools full.
    for (const v of HTTP_VARIANTS) await load(v, children[v], r, keys, 8, 1);
    await loadInProcess(r, keys, 8, 1);

    const runs: Record<string, Record<string, LoadResult[]>> = { a0: {}, a1: {}, b: {}, bc: {}, c: {} };
    type Stats = { cpuMsPerRequest: number; eventLoopDelayP99Ms: number };
    const stats: Record<HttpVariant, Stats[]> = { a1: [], b: [], bc: [], c: [] };
    const push = (v: string, label: string, x: LoadResult) => ((runs[v]![label] ??= []).push(x));
    for (let rep = 0; rep < REPS; rep++) {
      const all: Variant[] = ['a0', 'a1', 'b', 'bc', 'c'];
      const order = all.map((_, i) => all[(i + rep) % all.length]!);
      for (const v of order) {
        for (const c of CONNECTIONS) {
          if (v === 'a0') {
            push(v, `c${c}`, await loadInProcess(r, keys, c));
          } else {
            await children[v].ask('reset');
            push(v, `c${c}`, await load(v, children[v], r, keys, c, SECONDS));
            if (c === 8) stats[v].push(await children[v].ask('stats'));
          }
        }
      }
      // Latency at equal offered load: 50% and 80% of a1's best throughput in this repetition.
      const a1Best = Math.max(...CONNECTIONS.map((c) => runs.a1![`c${c}`]!.at(-1)!.rps));
      const httpOrder = HTTP_VARIANTS.map((_, i) => HTTP_VARIANTS[(i + rep) % HTTP_VARIANTS.length]!);
      for (const share of [0.5, 0.8]) for (const v of httpOrder) push(v, `rate${share * 100}`, await load(v, children[v], r, keys, 32, SECONDS, a1Best * share));
    }
    const med = (v: string, label: string, field: keyof LoadResult) => median(runs[v]![label]!.map((x) => x[field]));
    const best = (v: string) => Math.max(...CONNECTIONS.map((c) => med(v, `c${c}`, 'rps')));
    const ratio = (x: number, y: number) => +(x / y).toFixed(2);
    // The counting pass, outside the timed runs: every key once, each statement recorded (round-trips and
    // waves); then the dbHits of the statements b and c sent for the first key (PROFILE once each).
    const counted: Partial<Record<HttpVariant, { roundTrips: number | null; waves: number | null }>> = {};
    const profiled: Record<'b' | 'c', { statements: number; dbHits: number }> = { b: { statements: 0, dbHits: 0 }, c: { statements: 0, dbHits: 0 } };
    for (const v of ['b', 'bc', 'c'] as const) {
      await children[v].ask('count-on');
      await children[v].ask('reset');
      for (const k of keys) await answer(v, children[v], r, k);
      counted[v] = await children[v].ask('stats');
      if (v !== 'bc') {
        await answer(v, children[v], r, keys[0]!);
        profiled[v] = await children[v].ask('profile');
      }
      await children[v].ask('count-off');
    }
    const cost = (v: HttpVariant) => ({
      cpuMsPerRequest: +median(stats[v].map((s) => s.cpuMsPerRequest)).toFixed(2),
      eventLoopDelayP99Ms: +median(stats[v].map((s) => s.eventLoopDelayP99Ms)).toFixed(1),
      ...(v === 'a1' ? {} : { roundTrips: +(counted[v]!.roundTrips ?? NaN).toFixed(2), waves: +(counted[v]!.waves ?? NaN).toFixed(2) }),
    });
    const entry = {
      title: r.title,
      peerViaCypher: r.peer.viaCypher,
      peerViaResolver: r.peer.viaResolver ?? false,
      throughput: Object.fromEntries(['a0', 'a1', 'b', 'bc', 'c'].map((v) => [v, Object.fromEntries(CONNECTIONS.map((c) => [`c${c}`, Math.round(med(v, `c${c}`, 'rps'))]))])),
      best: { a0: Math.round(best('a0')), a1: Math.round(best('a1')), b: Math.round(best('b')), bc: Math.round(best('bc')), c: Math.round(best('c')) },
      ratio: { b_a1: ratio(best('b'), best('a1')), c_a1: ratio(best('c'), best('a1')), b_c: ratio(best('b'), best('c')), bc_b: ratio(best('bc'), best('b')), a1_a0: ratio(best('a1'), best('a0')) },
      latency: Object.fromEntries(
        ['rate50', 'rate80'].map((label) => [label, Object.fromEntries(HTTP_VARIANTS.map((v) => [v, { p50: med(v, label, 'p50'), p99: med(v, label, 'p99') }]))]),
      ),
      errors: Object.values(runs).flatMap((byLabel) => Object.values(byLabel).flat()).reduce((n, x) => n + x.errors, 0),
      a1: cost('a1'),
      b: cost('b'),
      bc: cost('bc'),
      c: cost('c'),
      dbHits: { floor: await dbHits(driver, r.statement.text, r.statement.params(keys[0]!)), b: profiled.b.dbHits, c: profiled.c.dbHits },
    };
    report[r.id] = entry;
    log(`${r.id}: best req/s a0 ${entry.best.a0}, a1 ${entry.best.a1}, b ${entry.best.b}, bc ${entry.best.bc}, c ${entry.best.c}; b/a1 ${entry.ratio.b_a1}, b/c ${entry.ratio.b_c}`);
  }
  for (const child of Object.values(children)) child.process.send('stop');

  const machine = { cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, neo4j: `Community 5.26.31 (local, ${local.started ? `heap ${HEAP}` : 'already running on the port: heap as it was started'})` };
  const result = { date: new Date().toISOString(), machine, settings: { seconds: SECONDS, reps: REPS, connections: CONNECTIONS, keys: keys.length, layer: LAYER }, data: counts, requests: report, totalSeconds: Math.round((Date.now() - started) / 1000) };
  const markdown = toMarkdown(result);
  mkdirSync(fromProject('bench/results'), { recursive: true });
  writeFileSync(fromProject('bench/results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(fromProject('bench/results/latest.md'), markdown);
  console.log(markdown);
} finally {
  await driver.close();
  if (local.started) await stopLocalNeo4j({ dir: '.neo4j-bench', log });
}

function toMarkdown(result: any): string {
  const entries = Object.entries(result.requests as Record<string, any>);
  const t = (e: any, v: string) => `${e.throughput[v].c1} / ${e.throughput[v].c8} / ${e.throughput[v].c32}`;
  const l = (e: any, rate: string, v: string) => `${e.latency[rate][v].p50} / ${e.latency[rate][v].p99}`;
  const throughput = entries.map(([id, e]) => `| ${id} | ${t(e, 'a0')} | ${t(e, 'a1')} | ${t(e, 'b')} | ${t(e, 'c')}${e.peerViaCypher ? ' ¹' : e.peerViaResolver ? ' ²' : ''} | **${e.ratio.b_a1}** | ${e.ratio.c_a1} | **${e.ratio.b_c}** | ${t(e, 'bc')} | ${e.ratio.bc_b} | ${e.errors} |`);
  const latency = entries.map(([id, e]) => `| ${id} | ${l(e, 'rate50', 'a1')} | ${l(e, 'rate50', 'b')} | ${l(e, 'rate50', 'c')} | ${l(e, 'rate80', 'a1')} | ${l(e, 'rate80', 'b')} | ${l(e, 'rate80', 'c')} | ${l(e, 'rate50', 'bc')} | ${l(e, 'rate80', 'bc')} |`);
  const cost = entries.map(
    ([id, e]) =>
      `| ${id} | ${e.b.roundTrips} / ${e.b.waves} | ${e.c.roundTrips} / ${e.c.waves} | ${e.dbHits.floor ?? '—'} | ${e.dbHits.b} | ${e.dbHits.c} | ${e.a1.cpuMsPerRequest} / ${e.b.cpuMsPerRequest} / ${e.c.cpuMsPerRequest} | ${e.a1.eventLoopDelayP99Ms} / ${e.b.eventLoopDelayP99Ms} / ${e.c.eventLoopDelayP99Ms} |`,
  );
  return `# Benchmark ${result.date.slice(0, 10)}

Machine: ${result.machine.cpus}, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, Neo4j ${result.machine.neo4j}.
Data: the real register and model projects plus the generated layer (seed \`${result.settings.layer.seed}\`): ${result.data.projects} projects, ${result.data.contacts} contacts, ${result.data.events} events.
Each figure: the median of ${result.settings.reps} runs of ${result.settings.seconds} s; ${result.settings.keys} pre-sampled keys (about 80% ordinary, 20% hubs) in rotation. Whole run: ${result.totalSeconds} s.

Throughput, req/s at 1 / 8 / 32 connections (closed loop); ratios of the best of the three:

| request | a0 | a1 | b | c | b/a1 | c/a1 | b/c | bc (b, response cache on) | bc/b | errors |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${throughput.join('\n')}

Latency p50 / p99 in ms at a fixed offered load of 50% and 80% of a1's best (32 connections):

| request | a1 at 50% | b at 50% | c at 50% | a1 at 80% | b at 80% | c at 80% | bc at 50% | bc at 80% |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${latency.join('\n')}

Cost per request:

| request | b round-trips / waves | c round-trips / waves | dbHits floor | dbHits b | dbHits c | Node CPU-ms a1 / b / c | event-loop delay p99 ms a1 / b / c |
| --- | --- | --- | --- | --- | --- | --- | --- |
${cost.join('\n')}

${entries.map(([id, e]) => `- ${id}: ${e.title}`).join('\n')}

a0 is the floor statement run in the benchmark's own process (no HTTP); a1 a bare node:http handler running it; b the API over HTTP
(production settings, rate limit off, the response cache off: the engine itself; R4 with an analyst's token); bc the same with the
response cache on, as production runs it (R4's analyst is a person: never cached); c the peer, @neo4j/graphql 7 in Apollo Server 5 on the same driver
settings. ¹ c cannot express this request natively: a Query field holds the floor statement in \`@cypher\`. ² A learned ranking, which no
\`@cypher\` can hold: for a0, a1 and c the floor is one statement reading the model's inputs and the scoring in process (bench/model-floor.ts).
Round-trips are the statements a request sent, waves those sent only after every earlier one had ended (both counted by a wrapper
around the driver, bench/counting-driver.ts, in a pass over the keys after the timed runs); dbHits are the PROFILE of the statements b and c sent for the first key.
`;
}
