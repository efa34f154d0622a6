// The scale curve — `npm run bench -- --scale 1,4,16` (or BENCH_SCALE=1,4,16
// npm run bench): the generated layer at each multiple of its size (bench/data.ts,
// layerAt), and for each size: the time to generate it, R1–R6 throughput and p99
// for a1, b and c, the API process's memory with every per-version cache built,
// and the rebuild of each cache after a write, with the event-loop delay while
// it runs — the network analysis once on the main thread (as it ran before it
// had a worker) and once in its worker. A report under bench/results/
// (scale-<date>.md, .json and a chart, .svg).
//
// Shorter than the main benchmark per size (one repetition, 8 and 32
// connections, latency at 50 % of a1's best only), or three sizes would take
// an hour: its figures are for the shape of the curve, the main benchmark's for
// the ratios at 1×.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { createDriver, Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { fromProject } from '../src/paths.js';
import { analystHeaders, answer, httpRequest, load, startChild, type Child, type HttpVariant } from './children.js';
import { layerAt, prepareData, sampleKeys, type Key, type Layer } from './data.js';
import { REQUESTS, type BenchRequest } from './requests.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = [8, 32];
const CHECKED_KEYS = 5;
const VARIANTS = ['a1', 'b', 'c'] as const satisfies readonly HttpVariant[];
const log = (line: string) => console.error(`[scale] ${line}`);

export function parseScales(text: string): number[] {
  const scales = text.split(',').map((s) => Number(s.trim()));
  if (!scales.length || scales.some((s) => !Number.isInteger(s) || s < 1 || s > 64)) throw new Error(`--scale takes whole multiples from 1 to 64, comma-separated (e.g. 1,4,16), not "${text}"`);
  return [...new Set(scales)].sort((a, b) => a - b);
}

interface Rebuilds {
  sinceTouchMs: number;
  profilesMs: number | null;
  solutionsMs: number | null;
  snapshotMs: number | null;
  networkMs: number | null;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

interface Counts {
  projects: number;
  measures: number;
  contacts: number;
  events: number;
  attendances: number;
}

interface Probe {
  requests: number;
  /** Requests that got no answer (fetch gives up after 300 s without headers). */
  failed?: number;
  p99Ms: number;
  maxMs: number;
}

/** R2 asked of b one after another until `until` settles: what a clerk opening a page sees meanwhile. */
async function probeWhile<T>(b: Child, keys: Key[], until: Promise<T>): Promise<{ value: T; probe: Probe }> {
  const r2 = REQUESTS.find((r) => r.id === 'R2')!;
  const latencies: number[] = [];
  let failed = 0;
  let done = false;
  const settled = until.finally(() => (done = true));
  const loop = (async () => {
    for (let i = 0; !done; i++) {
      const { path, body, headers } = httpRequest('b', r2, keys[i % keys.length]!);
      const t = performance.now();
      // A page that waits longer than fetch's 300 s for its headers fails: counted, with the time it waited.
      await fetch(`${b.url}${path}`, { method: 'POST', headers, body })
        .then((x) => x.arrayBuffer())
        .catch(() => failed++);
      latencies.push(performance.now() - t);
    }
  })();
  const value = await settled;
  await loop;
  latencies.sort((x, y) => x - y);
  return { value, probe: { requests: latencies.length, failed, p99Ms: latencies[Math.floor(0.99 * (latencies.length - 1))] ?? 0, maxMs: latencies.at(-1) ?? 0 } };
}

async function networkReady(b: Child): Promise<void> {
  for (;;) {
    const response = await fetch(`${b.url}/graphql`, { method: 'POST', headers: analystHeaders(), body: JSON.stringify({ query: '{ reachNetwork { status } }' }) });
    const json = (await response.json()) as { data?: { reachNetwork: { status: string } }; errors?: unknown };
    if (json.errors) throw new Error(`reachNetwork: ${JSON.stringify(json.errors)}`);
    if (json.data!.reachNetwork.status === 'READY') return;
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function atScale(db: Database, driver: ReturnType<typeof createDriver>, uri: string, layer: Layer) {
  const prepared = await prepareData(db, driver, log, layer);
  const [counts] = (
    await driver.executeQuery(
      `CALL () { MATCH (p:Project) RETURN count(p) AS projects } CALL () { MATCH (m:Measure) RETURN count(m) AS measures }
       CALL () { MATCH (c:Contact) RETURN count(c) AS contacts } CALL () { MATCH (e:Event) RETURN count(e) AS events }
       CALL () { MATCH ()-[a:ATTENDED]->() RETURN count(a) AS attendances }
       RETURN projects, measures, contacts, events, attendances`,
    )
  ).records.map((x) => Object.fromEntries(Object.entries(x.toObject()).map(([k, v]) => [k, Number(v)])) as unknown as Counts);
  if (!counts) throw new Error('no counts');
  log(`${layer.scale}×: ${JSON.stringify(counts)}${prepared.generateSeconds !== null ? `, generated in ${prepared.generateSeconds.toFixed(0)} s` : ''}`);
  const keys = await sampleKeys(driver);
  const children = { a1: await startChild('a1', uri), b: await startChild('b', uri), c: await startChild('c', uri) } satisfies Partial<Record<HttpVariant, Child>>;
  try {
    const requests: Record<string, unknown> = {};
    for (const r of REQUESTS) requests[r.id] = await measureRequest(db, children, r, keys);
    const memory = await children.b.ask<Record<string, number>>('memory');

    // The network analysis on the main thread, as before it had a worker, with a page asked meanwhile.
    log(`${layer.scale}×: the network analysis on the main thread …`);
    const onMain = await probeWhile(children.b, keys, children.b.ask<{ ms: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number }>('network-on-main'));
    // A write, then every cache rebuilt as the next requests need it; the network analysis in its worker.
    log(`${layer.scale}×: a write, then every per-version cache rebuilt …`);
    await children.b.ask('touch');
    const rebuilt = await probeWhile(
      children.b,
      keys,
      (async () => {
        const r = (id: string) => REQUESTS.find((x) => x.id === id)!;
        await answer('b', children.b, r('R1'), keys[0]!);
        await answer('b', children.b, r('R6'), keys[0]!);
        await answer('b', children.b, r('R4'), keys[0]!);
        await networkReady(children.b);
        return children.b.ask<Rebuilds>('rebuilds');
      })(),
    );
    const memoryAfter = await children.b.ask<Record<string, number>>('memory');
    return {
      scale: layer.scale,
      layer,
      data: counts,
      generateSeconds: prepared.generateSeconds,
      importSeconds: prepared.importSeconds,
      requests,
      memory: { afterLoad: memory, afterRebuild: memoryAfter },
      networkOnMainThread: { ...onMain.value, r2WhileRunning: onMain.probe },
      rebuild: { ...rebuilt.value, r2WhileRunning: rebuilt.probe },
    };
  } finally {
    for (const child of Object.values(children)) child.process.send('stop');
  }
}

async function measureRequest(db: Database, children: Record<'a1' | 'b' | 'c', Child>, r: BenchRequest, keys: Key[]) {
  // A check that fails (at 16× a floor may outlast its time, or Neo4j still works off the last run's queue) is
  // counted, not fatal: the run goes on to the next figure.
  let mismatches = 0;
  let failedChecks = 0;
  for (const k of keys.slice(0, CHECKED_KEYS)) {
    try {
      const floor = JSON.parse(JSON.stringify(await r.floor(db, k))) as unknown;
      for (const v of VARIANTS) if (!isDeepStrictEqual(await answer(v, children[v], r, k), floor)) mismatches++;
    } catch (error) {
      failedChecks++;
      log(`  ${r.id}: the check for ${JSON.stringify(k).slice(0, 80)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const v of VARIANTS) await load(v, children[v], r, keys, 8, 1);
  const best: Record<(typeof VARIANTS)[number], number> = { a1: 0, b: 0, c: 0 };
  const p99: Record<(typeof VARIANTS)[number], number> = { a1: 0, b: 0, c: 0 };
  let errors = 0;
  for (const v of VARIANTS) {
    for (const c of CONNECTIONS) {
      const x = await load(v, children[v], r, keys, c, SECONDS);
      best[v] = Math.max(best[v], Math.round(x.rps));
      errors += x.errors;
    }
  }
  for (const v of VARIANTS) {
    const x = await load(v, children[v], r, keys, 32, SECONDS, Math.max(1, best.a1 * 0.5));
    p99[v] = x.p99;
    errors += x.errors;
  }
  log(`  ${r.id}: best req/s a1 ${best.a1}, b ${best.b}, c ${best.c}; p99 at 50 % of a1 ${p99.a1} / ${p99.b} / ${p99.c} ms${mismatches ? `; ${mismatches} answers unlike the floor` : ''}`);
  return { best, p99At50: p99, errors, mismatches, failedChecks };
}

/** Writes the Markdown and the chart again from a report's JSON (`npx tsx bench/scale.ts --render <file>`). */
export function renderScaleReport(jsonFile: string): void {
  const result = JSON.parse(readFileSync(jsonFile, 'utf8')) as Result;
  const base = jsonFile.replace(/\.json$/, '');
  writeFileSync(`${base}.svg`, chart(result));
  writeFileSync(`${base}.md`, toMarkdown(result, `${base.split('/').at(-1)!}.svg`));
}

export async function runScaleCurve(scales: number[]): Promise<void> {
  const started = Date.now();
  const heap = process.env.BENCH_NEO4J_HEAP ?? '2g';
  const local = await startLocalNeo4j({ port: Number(process.env.BENCH_NEO4J_PORT ?? 7689), dir: '.neo4j-bench', heap, log });
  const driver = createDriver(local.uri, 'neo4j', undefined);
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 600_000 });
  try {
    await migrate(db);
    const sizes = [];
    mkdirSync(fromProject('bench/results'), { recursive: true });
    for (const scale of scales) {
      sizes.push(await atScale(db, driver, local.uri, layerAt(scale)));
      // What was measured so far survives a failure at a larger size.
      writeFileSync(fromProject('bench/results/.scale-partial.json'), `${JSON.stringify(sizes, null, 2)}\n`);
    }
    const machine = { cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, neo4jHeap: heap };
    const result = { date: new Date().toISOString(), machine, settings: { seconds: SECONDS, connections: CONNECTIONS, checkedKeys: CHECKED_KEYS }, sizes, totalSeconds: Math.round((Date.now() - started) / 1000) };
    const day = result.date.slice(0, 10);
    mkdirSync(fromProject('bench/results'), { recursive: true });
    writeFileSync(fromProject(`bench/results/scale-${day}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(fromProject(`bench/results/scale-${day}.svg`), chart(result));
    const markdown = toMarkdown(result, `scale-${day}.svg`);
    writeFileSync(fromProject(`bench/results/scale-${day}.md`), markdown);
    console.log(markdown);
  } finally {
    await driver.close();
    // The next `npm run bench` needs the 1× layer: it regenerates it when another size was left (about 10 s).
    if (local.started) await stopLocalNeo4j({ dir: '.neo4j-bench', log });
  }
}

type Result = { date: string; machine: Record<string, unknown>; sizes: Awaited<ReturnType<typeof atScale>>[]; totalSeconds: number; settings: { seconds: number }; runs?: string };
type RequestFigures = Awaited<ReturnType<typeof measureRequest>>;

const s = (ms: number | null | undefined) => (ms == null ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

const probed = (p: Probe) => `${p.requests}${p.failed ? ` (${p.failed})` : ''}, ${s(p.p99Ms)} / ${s(p.maxMs)}`;

function toMarkdown(result: Result, svg: string): string {
  const sizes = result.sizes;
  const head = `| | ${sizes.map((x) => `${x.scale}×`).join(' | ')} |\n| --- | ${sizes.map(() => '---').join(' | ')} |`;
  const row = (label: string, f: (x: Result['sizes'][number]) => string) => `| ${label} | ${sizes.map(f).join(' | ')} |`;
  const req = (x: Result['sizes'][number], id: string) => x.requests[id] as RequestFigures;
  // 0 req/s: not one answer within a run; p99 0: not one within the run at the fixed rate.
  const rps = (n: number) => (n === 0 ? '< 1' : String(n));
  const p99 = (n: number) => (n === 0 ? '—' : String(n));
  const perRequest = REQUESTS.map((r) =>
    row(
      `${r.id} req/s a1 / b / c; p99 ms`,
      (x) => `${rps(req(x, r.id).best.a1)} / **${rps(req(x, r.id).best.b)}** / ${rps(req(x, r.id).best.c)}; ${p99(req(x, r.id).p99At50.a1)} / **${p99(req(x, r.id).p99At50.b)}** / ${p99(req(x, r.id).p99At50.c)}`,
    ),
  );
  return `# Scale curve ${result.date.slice(0, 10)}

Machine: ${String(result.machine.cpus)}, ${String(result.machine.memoryGiB)} GiB, Node ${String(result.machine.node)}, Neo4j Community 5.26 (heap ${String(result.machine.neo4jHeap)}).
\`npm run bench -- --scale ${sizes.map((x) => x.scale).join(',')}\`: the real data plus the generated layer (bench/data.ts) at each multiple, same skew (40 hubs).
Per size, one run of ${result.settings.seconds} s per variant at 8 and 32 connections (best shown) and one at 50 % of a1's best (p99);
the first ${CHECKED_KEYS} keys of each request checked equal for a1, b and c against the floor. Whole run: ${Math.round(result.totalSeconds / 60)} min.${result.runs ? `\nSizes from two runs: ${result.runs}.` : ''}
Single runs of 3 s: between two runs of the same size a figure moved by up to a factor of 2 (R2 at 16×: a1 160 and 52 req/s); read the curve's shape, not a single cell.

![Cost against size](${svg})

${head}
${row('projects / measures', (x) => `${x.data.projects} / ${x.data.measures}`)}
${row('contacts / events / attendances', (x) => `${x.data.contacts} / ${x.data.events} / ${x.data.attendances}`)}
${row('layer generated in', (x) => (x.generateSeconds === null ? 'kept from before' : `${x.generateSeconds.toFixed(0)} s`))}
${perRequest.join('\n')}
${row(`answers unlike the floor (of ${CHECKED_KEYS * VARIANTS.length} per request) / checks that failed`, (x) => `${REQUESTS.reduce((n, r) => n + req(x, r.id).mismatches, 0)} / ${REQUESTS.reduce((n, r) => n + (req(x, r.id).failedChecks ?? 0), 0)}`)}
${row('errors under load', (x) => String(REQUESTS.reduce((n, r) => n + req(x, r.id).errors, 0)))}
${row('API heap after GC / RSS, caches built', (x) => `${x.memory.afterLoad.heapUsedMiB!.toFixed(0)} / ${x.memory.afterLoad.rssMiB!.toFixed(0)} MiB`)}
${row('rebuild after a write: peer profiles', (x) => s(x.rebuild.profilesMs))}
${row('… solutions (learning partners)', (x) => s(x.rebuild.solutionsMs))}
${row('… reach snapshot', (x) => s(x.rebuild.snapshotMs))}
${row('… network analysis (in its worker)', (x) => s(x.rebuild.networkMs))}
${row('event-loop delay p99 / max during all rebuilds', (x) => `${s(x.rebuild.eventLoopDelayP99Ms)} / ${s(x.rebuild.eventLoopDelayMaxMs)}`)}
${row('R2 asked meanwhile: requests (unanswered), p99 / max', (x) => probed(x.rebuild.r2WhileRunning))}
${row('before: network analysis on the main thread', (x) => s(x.networkOnMainThread.ms))}
${row('… event-loop delay p99 / max meanwhile', (x) => `${s(x.networkOnMainThread.eventLoopDelayP99Ms)} / ${s(x.networkOnMainThread.eventLoopDelayMaxMs)}`)}
${row('… R2 asked meanwhile: requests (unanswered), p99 / max', (x) => probed(x.networkOnMainThread.r2WhileRunning))}

a1: a bare node:http handler running the floor statement; b: the API (production settings, response cache off); c: @neo4j/graphql 7.
"< 1" req/s: not one answer within a ${result.settings.seconds} s run; "—" p99: none within the run at the fixed rate (50 % of a1's best, at least 1/s).
"Rebuild after a write": a write that moves the data version, then R1 (peer profiles), R6 (solutions), R4 (reach snapshot) and the
network analysis as the first requests after it need them, one after another; each figure is that cache's own load (read and build).
The event-loop delay is b's (monitorEventLoopDelay, 1 ms resolution) from the write until the last rebuild ended. "—" for the
main-thread analysis at a size: Node's histogram missed its one long block there (reset() forgets the histogram's last sample, so
the first interval after it is not recorded; fixed before the 16× run by letting a few intervals pass); the R2 requests asked
meanwhile show the block instead.
`;
}

/** Two panels, log scales: b's best req/s per request against size; each cache's rebuild time against size. */
function chart(result: Result): string {
  const W = 360;
  const H = 260;
  const M = { left: 56, right: 70, top: 36, bottom: 40 };
  const scales = result.sizes.map((x) => x.scale);
  const colours = ['#1b5e9e', '#b3471d', '#2e7d32', '#6a3d9a', '#8a6d00', '#00707a'];
  const log10 = Math.log10;
  function panel(x0: number, title: string, unit: string, series: { label: string; values: (number | null)[] }[]): string {
    const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null && v > 0);
    const lo = Math.floor(log10(Math.min(...all)));
    const hi = Math.ceil(log10(Math.max(...all)));
    const px = (scale: number) => x0 + M.left + ((log10(scale) - log10(scales[0]!)) / Math.max(1e-9, log10(scales.at(-1)!) - log10(scales[0]!))) * (W - M.left - M.right);
    const py = (v: number) => M.top + (1 - (log10(v) - lo) / Math.max(1, hi - lo)) * (H - M.top - M.bottom);
    const grid = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).map(
      (e) => `<line x1="${x0 + M.left}" x2="${x0 + W - M.right}" y1="${py(10 ** e)}" y2="${py(10 ** e)}" stroke="#ccc"/><text x="${x0 + M.left - 6}" y="${py(10 ** e) + 4}" text-anchor="end">${(10 ** e).toLocaleString('de-DE')}</text>`,
    );
    const ticks = scales.map((sc) => `<text x="${px(sc)}" y="${H - M.bottom + 16}" text-anchor="middle">${sc}×</text>`);
    const lines = series.map((s, i) => {
      const points = s.values.map((v, j) => (v !== null && v > 0 ? [px(scales[j]!), py(v)] : null)).filter((p): p is number[] => p !== null);
      const last = points.at(-1);
      return `<polyline fill="none" stroke="${colours[i % colours.length]}" stroke-width="2" points="${points.map((p) => p.join(',')).join(' ')}"/>${points.map((p) => `<circle cx="${p[0]}" cy="${p[1]}" r="3" fill="${colours[i % colours.length]}"/>`).join('')}${last ? `<text x="${last[0]! + 6}" y="${last[1]! + 4}" fill="${colours[i % colours.length]}">${s.label}</text>` : ''}`;
    });
    return `<g><text x="${x0 + M.left}" y="20" font-weight="bold">${title}</text><text x="${x0 + 8}" y="${M.top - 8}">${unit}</text>${grid.join('')}${ticks.join('')}${lines.join('')}<text x="${x0 + (W + M.left - M.right) / 2}" y="${H - 6}" text-anchor="middle">size of the generated layer</text></g>`;
  }
  const throughput = REQUESTS.map((r) => ({ label: r.id, values: result.sizes.map((x) => (x.requests[r.id] as RequestFigures).best.b) }));
  const rebuilds = [
    { label: 'profiles', values: result.sizes.map((x) => x.rebuild.profilesMs) },
    { label: 'solutions', values: result.sizes.map((x) => x.rebuild.solutionsMs) },
    { label: 'snapshot', values: result.sizes.map((x) => x.rebuild.snapshotMs) },
    { label: 'network', values: result.sizes.map((x) => x.rebuild.networkMs) },
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" viewBox="0 0 ${2 * W} ${H}" font-family="sans-serif" font-size="11" role="img" aria-labelledby="t d">
<title id="t">Scale curve ${result.date.slice(0, 10)}</title>
<desc id="d">Left: the API's best throughput per request (R1 to R6) at ${scales.join(', ')} times the generated layer. Right: the time to rebuild each per-version cache after a write. Both axes logarithmic. Figures in scale-${result.date.slice(0, 10)}.md.</desc>
<rect width="100%" height="100%" fill="#fff"/>
${panel(0, 'b: best req/s per request', 'req/s', throughput)}
${panel(W, 'rebuild after a write', 'ms', rebuilds)}
</svg>
`;
}

if (process.argv[2] === '--render' && process.argv[3]) renderScaleReport(process.argv[3]);
