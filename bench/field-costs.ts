// npm run bench:field-costs — what the computing fields cost the server, in the cost unit: the server's
// CPU for one plain object. Against a running API (API_URL, default http://127.0.0.1:4100/graphql; its
// process API_PID, else whoever listens on the URL's port) started with RATE_LIMIT=off RESPONSE_CACHE=off
// HTTP_CACHE=off over the real data and its Neo4j (NEO4J_PID, else .neo4j/neo4j.pid), with an analyst's
// token for reach (TOKEN). Every probe is asked ROUNDS times one after another for rotating askers, and
// the CPU both processes spent on them (user + system, from /proc) is divided among them: CPU rather than
// wall time, so other work on the machine does not count. A field's base cost is its CPU beyond a
// one-object request, less what its returned objects cost, in units of one object's CPU. src/limits/cost.ts
// sets BASE_COST from this table (bench/results/field-costs.md).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BASE_COST } from '../src/limits/cost.js';
import { fromProject } from '../src/paths.js';

const URL_ = process.env.API_URL ?? 'http://127.0.0.1:4100/graphql';
const ROUNDS = Number(process.env.ROUNDS ?? 60);
const TOKEN = process.env.TOKEN;

interface Answer {
  data?: unknown;
  errors?: { message: string }[];
  extensions?: { cost?: { requested: number; actual: number } };
}

async function ask(query: string, variables: Record<string, unknown>, analyst = false): Promise<{ ms: number; answer: Answer }> {
  const started = performance.now();
  const response = await fetch(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(analyst && TOKEN ? { authorization: `Bearer ${TOKEN}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as Answer;
  const ms = performance.now() - started;
  if (answer.errors) throw new Error(`${query.slice(0, 60)}…: ${answer.errors[0]!.message}`);
  return { ms, answer };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const apiPid = Number(process.env.API_PID ?? /pid=(\d+)/.exec(execFileSync('ss', ['-ltnpH', `sport = :${new URL(URL_).port}`], { encoding: 'utf8' }))?.[1]);
const neo4jPid = Number(process.env.NEO4J_PID ?? readFileSync(fromProject('.neo4j/neo4j.pid'), 'utf8').trim());
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
/** CPU milliseconds (user + system) both server processes have spent so far. */
function serverCpuMs(): number {
  return [apiPid, neo4jPid].reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime: fields 14 and 15 of stat
  }, 0);
}

/** Objects in an answer, as the actual cost counts them (each object; a list item once more). */
function objects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + 1 + objects(v), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + (v !== null && typeof v === 'object' && !Array.isArray(v) ? 1 : 0) + objects(v), 0);
  return 0;
}

interface Probe {
  field: string;
  query: string;
  analyst?: boolean;
}
const PROBES: Probe[] = [
  { field: 'Query.peers', query: 'query ($ags: String!) { peers(ags: $ags, first: 10) { edges { node { name } } } }' },
  { field: 'Query.peers (formula)', query: 'query ($ags: String!) { peers(ags: $ags, first: 10, rankBy: BOTH) { edges { node { name } } } }' },
  { field: 'Query.learningPartners', query: 'query ($ags: String!) { learningPartners(ags: $ags, first: 10) { edges { node { __typename } } } }' },
  { field: 'Query.search', query: 'query ($name: String!) { search(text: $name) { score } }' },
  { field: 'Query.experts', query: 'query { experts(topics: ["mobilitaet"]) { __typename } }' },
  { field: 'Query.reach', query: 'query ($ags: String!) { reach(from: { municipality: $ags }) { reachedCount } }', analyst: true },
  { field: 'Query.reachGrowth', query: 'query { reachGrowth { __typename } }', analyst: true },
  { field: 'Query.reachNetwork', query: 'query { reachNetwork { brokers { betweenness } } }', analyst: true },
  { field: 'ReachNetwork.graph', query: 'query { reachNetwork { graph { ags } } }', analyst: true },
  { field: 'Project.similar', query: 'query ($slug: String!) { project(slug: $slug) { similar(first: 10) { edges { node { name } } } } }' },
  { field: 'Query.gemeindePositions', query: 'query { gemeindePositions { __typename } }' },
];

async function main() {
  const sample = (await ask('{ municipalities(first: 30) { edges { node { ags name } } } }', {})).answer.data as {
    municipalities: { edges: { node: { ags: string; name: string } }[] };
  };
  const askers = sample.municipalities.edges.map((e) => e.node);
  const projects = ((await ask('{ projects(first: 30) { edges { node { slug } } } }', {})).answer.data as { projects: { edges: { node: { slug: string } }[] } }).projects.edges.map((e) => e.node.slug);
  // What the two processes spend doing nothing asked of them (Neo4j's housekeeping, timers), per ms: not the requests'.
  const idleFrom = serverCpuMs();
  const idleStarted = performance.now();
  await new Promise((done) => setTimeout(done, 5_000));
  const idlePerMs = (serverCpuMs() - idleFrom) / (performance.now() - idleStarted);
  const timed = async (query: string, analyst = false) => {
    const times: number[] = [];
    let returned = 0;
    let cpuBefore = 0;
    for (let i = 0; i < ROUNDS + 3; i++) {
      if (i === 3) cpuBefore = serverCpuMs(); // the first three warm the caches of the data version
      const asker = askers[i % askers.length]!;
      const { ms, answer } = await ask(query, { ags: asker.ags, name: asker.name.split(/[ ,]/)[0], slug: projects[i % projects.length] }, analyst);
      if (i >= 3) times.push(ms);
      returned = objects(answer.data);
    }
    const spent = serverCpuMs() - cpuBefore - idlePerMs * times.reduce((a, b) => a + b, 0);
    return { ms: spent / ROUNDS, wall: median(times), returned };
  };
  const one = await timed('query ($ags: String!) { municipality(ags: $ags) { name } }');
  const list = await timed('{ municipalities(first: 100) { edges { node { name kind } } } }');
  const perObject = (list.ms - one.ms) / (list.returned - one.returned);
  const rows = [`| field | server CPU ms a request | median wall ms | objects returned | beyond one object, in objects | base cost set |`, `|---|---:|---:|---:|---:|---:|`];
  for (const probe of PROBES) {
    if (probe.analyst && !TOKEN) continue;
    const { ms, wall, returned } = await timed(probe.query, probe.analyst);
    const units = Math.max(0, Math.round((ms - one.ms - (returned - one.returned) * perObject) / perObject));
    rows.push(`| ${probe.field} | ${ms.toFixed(2)} | ${wall.toFixed(2)} | ${returned} | ${units} | ${BASE_COST[probe.field.split(' ')[0]!] ?? 1} |`);
    console.error(`[field-costs] ${probe.field}: ${ms.toFixed(2)} ms, ${returned} objects, ${units} objects' time`);
  }
  const report = [
    `# What the computing fields cost (${new Date().toISOString().slice(0, 10)})`,
    '',
    `\`npm run bench:field-costs\` against one API process and its Neo4j over the real data, rate limits and answer caches off, ${ROUNDS} requests per probe one after another; CPU of both processes per request, less their idle CPU (${(idlePerMs * 1000).toFixed(1)} ms a second) over the same time.`,
    `One object: ${one.ms.toFixed(2)} ms of CPU for a one-object request, ${perObject.toFixed(4)} ms for each further object (municipalities(first: 100): ${list.ms.toFixed(2)} ms for ${list.returned}).`,
    '',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(fromProject('bench/results/field-costs.md'), report);
  console.log(report);
}

await main();
