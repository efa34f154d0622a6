// The benchmark's data: the real register and model projects (the product's
// own import), plus a generated layer at realistic scale — about 2,000
// projects, 5,000 contacts and 300 events with attendance — drawn with a fixed
// seed, so every run sees the same graph. The layer is skewed as the real
// programme is: a few dozen hub municipalities run many projects, most run
// none or one. Every generated node carries `bench: true`.
//
// The scale curve (bench/scale.ts) draws the same layer at a multiple: every
// count times the scale, the same 40 hubs each running that many times more
// (so the skew stays), with a seed of its own per scale. At 1× the layer is
// the benchmark's, unchanged; the measures come last from a stream of their
// own, so adding them changed none of the earlier draws.
import type { Driver } from 'neo4j-driver';
import seedrandom from 'seedrandom';
import type { Database } from '../src/db/database.js';
import { toDb, fromDb } from '../src/db/values.js';
import { isEmpty, runImport } from '../src/import/import.js';
import { locateRegister } from '../src/import/register-source.js';
import { fromProject } from '../src/paths.js';
import { nameKey } from '../src/kernel/text.js';

export interface Layer {
  seed: string;
  scale: number;
  hubs: number;
  projects: number;
  measures: number;
  contacts: number;
  events: number;
}

const BASE = { seed: 'smart-city-graph-bench-1', hubs: 40, projects: 2000, measures: 2000, contacts: 5000, events: 300 } as const;

/** The generated layer at `scale` times the benchmark's size. */
export function layerAt(scale: number): Layer {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`a scale is a whole number from 1 up, not ${scale}`);
  const seed = scale === 1 ? `${BASE.seed}-m` : `${BASE.seed}-m-x${scale}`;
  return { seed, scale, hubs: BASE.hubs, projects: BASE.projects * scale, measures: BASE.measures * scale, contacts: BASE.contacts * scale, events: BASE.events * scale };
}

/** The benchmark's layer (1×). The keys are drawn from the base seed, so they stay as they were before the measures came. */
export const LAYER = layerAt(1);

interface Gemeinde {
  ags: string;
  population: number;
}

async function q<T>(driver: Driver, text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(text, toDb(params), { database: 'neo4j' });
  return records.map((r) => fromDb(r.toObject()) as T);
}

/** `text` (which UNWINDs $rows) run over `rows`, `size` at a time. */
async function inBatches(driver: Driver, rows: readonly unknown[], size: number, text: string): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await q(driver, text, { rows: rows.slice(i, i + size) });
}

/** Imports the real data into an empty database, then adds the generated layer unless this seed's layer is there. */
export async function prepareData(
  db: Database,
  driver: Driver,
  log: (line: string) => void,
  layer: Layer = LAYER,
): Promise<{ generated: boolean; importSeconds: number | null; generateSeconds: number | null }> {
  let importSeconds: number | null = null;
  if (await isEmpty(db)) {
    log('importing the real data …');
    const t = performance.now();
    const report = await runImport(db, { dataDir: fromProject('data'), register: await locateRegister({ log }) });
    if (!report.ok) throw new Error(report.summary());
    importSeconds = (performance.now() - t) / 1000;
  }
  const [marker] = await q<{ seed: string }>(driver, 'MATCH (b:BenchLayer) RETURN b.seed AS seed');
  if (marker?.seed === layer.seed) return { generated: false, importSeconds, generateSeconds: null };
  log(`generating the layer (seed ${layer.seed}) …`);
  const t = performance.now();
  // In batches: at 16× one transaction would hold every node of the layer.
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (n) WHERE n.bench = true CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  await generate(driver, layer);
  await q(driver, 'MERGE (b:BenchLayer) SET b.seed = $seed', { seed: layer.seed });
  // The reach snapshot must see the new links.
  await q(driver, "MERGE (v:DataVersion {id: 'data'}) SET v.n = coalesce(v.n, 0) + 1");
  return { generated: true, importSeconds, generateSeconds: (performance.now() - t) / 1000 };
}

async function generate(driver: Driver, layer: Layer): Promise<void> {
  // 1×: the stream the benchmark always drew from, so its projects, contacts and events are the same.
  const random = seedrandom(layer.scale === 1 ? BASE.seed : layer.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  /** Topics with a Zipf-like skew: the first few are common, the tail rare. */
  const topics = (await q<{ slug: string }>(driver, 'MATCH (t:Topic) RETURN t.slug AS slug ORDER BY slug')).map((t) => t.slug);
  const weights = topics.map((_, i) => 1 / (i + 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const topic = () => {
    let r = random() * totalWeight;
    for (let i = 0; i < topics.length; i++) if ((r -= weights[i]!) <= 0) return topics[i]!;
    return topics.at(-1)!;
  };
  const someTopics = (min: number, max: number) => [...new Set(Array.from({ length: int(min, max) }, topic))];

  const gemeinden = await q<Gemeinde>(
    driver,
    "MATCH (m:Municipality) WHERE m.kind IN ['STADT', 'GEMEINDE', 'KREISFREIE_STADT'] AND m.population > 0 RETURN m.ags AS ags, m.population AS population ORDER BY m.ags",
  );
  const byPopulation = [...gemeinden].sort((a, b) => b.population - a.population || a.ags.localeCompare(b.ags));
  const hubs = byPopulation.slice(0, layer.hubs).map((g) => g.ags);
  const byKreis = new Map<string, string[]>();
  for (const g of gemeinden) byKreis.set(g.ags.slice(0, 5), [...(byKreis.get(g.ags.slice(0, 5)) ?? []), g.ags]);

  // Projects: hubs run 15–45 each (times the scale), the rest go to ordinary Gemeinden one by one.
  const leads: string[] = [];
  for (const hub of hubs) for (let i = int(15, 45) * layer.scale; i > 0; i--) leads.push(hub);
  while (leads.length < layer.projects) leads.push(pick(gemeinden).ags);
  leads.length = layer.projects;
  const statuses = ['PLANNED', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'COMPLETED'];
  const projects = leads.map((lead, i) => {
    const slug = `bench-p-${String(i + 1).padStart(4, '0')}`;
    const neighbours = byKreis.get(lead.slice(0, 5)) ?? [];
    const partners = random() < 0.3 ? [...new Set(Array.from({ length: int(1, 2) }, () => pick(neighbours.length > 1 ? neighbours : gemeinden.map((g) => g.ags))))] : [];
    const name = `Digitales Vorhaben ${i + 1}`;
    return {
      slug,
      props: { id: slug, name, nameKey: nameKey(name), status: pick(statuses), summary: `Generiertes Vorhaben ${i + 1} für den Benchmark.`, bench: true },
      topics: someTopics(1, 4),
      runners: [{ ags: lead, role: 'LEAD' }, ...partners.filter((p) => p !== lead).map((ags) => ({ ags, role: 'PARTNER' }))],
    };
  });
  await inBatches(driver, projects, 500,
    `UNWIND $rows AS r
     CREATE (p:Project) SET p = r.props
     WITH p, r
     CALL (p, r) { UNWIND r.topics AS slug MATCH (t:Topic {slug: slug}) CREATE (p)-[:ADDRESSES]->(t) }
     CALL (p, r) { UNWIND r.runners AS run MATCH (m:Municipality {ags: run.ags}) CREATE (m)-[:RUNS {role: run.role, bench: true}]->(p) }`,
  );

  // Contacts: most at hubs, the rest where projects run; each is contact for one of its employer's projects.
  const projectsOf = new Map<string, string[]>();
  for (const p of projects) projectsOf.set(p.runners[0]!.ags, [...(projectsOf.get(p.runners[0]!.ags) ?? []), p.slug]);
  const runners = [...projectsOf.keys()];
  const visibilities = ['PUBLIC', 'PUBLIC', 'MEMBERS', 'MEMBERS', 'PRIVATE'];
  const contacts = Array.from({ length: layer.contacts }, (_, i) => {
    const employer = random() < 0.6 ? pick(hubs) : pick(runners);
    const own = projectsOf.get(employer) ?? [];
    const name = `Person ${String(i + 1).padStart(4, '0')}`;
    const id = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    return {
      props: {
        id,
        name,
        nameKey: nameKey(name),
        role: pick(['Chief Digital Officer', 'Projektleitung', 'Referentin Digitalisierung', 'Stadtplanung']),
        email: `person${i + 1}@bench.example`,
        phone: `+49 30 ${100000 + i}`,
        visibility: pick(visibilities),
        bench: true,
      },
      consent: random() < 0.85,
      employer,
      projects: own.length ? [pick(own)] : [],
      expertise: someTopics(0, 2),
    };
  });
  await inBatches(driver, contacts, 1000,
    `UNWIND $rows AS r
     CREATE (c:Contact) SET c = r.props, c.consentAt = CASE WHEN r.consent THEN datetime('2024-01-01T00:00:00Z') END
     WITH c, r
     MATCH (m:Municipality {ags: r.employer}) CREATE (c)-[:WORKS_FOR]->(m)
     WITH c, r
     CALL (c, r) { UNWIND r.projects AS slug MATCH (p:Project {id: slug}) CREATE (c)-[:CONTACT_FOR]->(p) }
     CALL (c, r) { UNWIND r.expertise AS slug MATCH (t:Topic {slug: slug}) CREATE (c)-[:EXPERT_IN]->(t) }`,
  );

  // Events: hosted by hubs, attended by 5–40 municipalities, half of them hubs.
  const kinds = ['REGIONAL_CONFERENCE', 'EXPERT_FORUM', 'WEBINAR', 'WORKSHOP'];
  const events = Array.from({ length: layer.events }, (_, i) => {
    const slug = `bench-e-${String(i + 1).padStart(3, '0')}`;
    const day = new Date(Date.UTC(2020, 0, 1) + int(0, 6 * 365) * 86_400_000).toISOString();
    const attendees = [...new Set(Array.from({ length: int(5, 40) }, () => (random() < 0.5 ? pick(hubs) : pick(runners))))];
    const title = `Fachaustausch ${i + 1}`;
    return {
      props: { id: slug, title, nameKey: nameKey(title), kind: pick(kinds), format: pick(['VIRTUAL', 'ONSITE', 'HYBRID']), participantCount: int(20, 300), bench: true },
      startsAt: day,
      host: pick(hubs),
      attendees,
      topics: someTopics(1, 3),
    };
  });
  await q(
    driver,
    `UNWIND $rows AS r
     CREATE (e:Event) SET e = r.props, e.startsAt = datetime(r.startsAt)
     WITH e, r
     MATCH (h:Municipality {ags: r.host}) CREATE (e)-[:HOSTED_BY {rank: 0}]->(h)
     WITH e, r
     CALL (e, r) { UNWIND r.attendees AS ags MATCH (m:Municipality {ags: ags}) CREATE (m)-[:ATTENDED]->(e) }
     CALL (e, r) { UNWIND r.topics AS slug MATCH (t:Topic {slug: slug}) CREATE (e)-[:COVERS]->(t) }`,
    { rows: events },
  );

  // Measures: each part of a generated project (hubs' projects get more), named from its topics or its own.
  const draw = seedrandom(`${layer.seed}-measures`);
  const measureStatuses = ['PLANNED', 'IN_PROGRESS', 'IN_PROGRESS', 'IMPLEMENTED', 'UNKNOWN'];
  const measures = Array.from({ length: layer.measures }, (_, i) => {
    const project = projects[Math.floor(draw() ** 2 * projects.length)]!;
    const slug = `bench-m-${String(i + 1).padStart(5, '0')}`;
    const name = `Maßnahme ${i + 1}`;
    const own = draw() < 0.4 ? [topics[Math.floor(draw() * topics.length)]!] : [];
    return {
      props: { id: slug, name, nameKey: nameKey(name), description: `Generierte Maßnahme ${i + 1} für den Benchmark.`, status: measureStatuses[Math.floor(draw() * measureStatuses.length)]!, bench: true },
      project: project.slug,
      topics: own.length ? own.map((slug) => ({ slug, basis: 'NAME_AND_DESCRIPTION' })) : project.topics.map((slug) => ({ slug, basis: 'PROJECT' })),
    };
  });
  await inBatches(driver, measures, 1000,
    `UNWIND $rows AS r
     CREATE (m:Measure) SET m = r.props
     WITH m, r
     MATCH (p:Project {id: r.project}) CREATE (m)-[:PART_OF {source: 'bench'}]->(p)
     WITH m, r
     CALL (m, r) { UNWIND r.topics AS x MATCH (t:Topic {slug: x.slug}) CREATE (m)-[:ADDRESSES {basis: x.basis, sourceLabels: [], source: 'bench'}]->(t) }`,
  );
}

/** Parameters for the requests: about 80% ordinary keys, 20% hubs, drawn once with the seed. */
export async function sampleKeys(driver: Driver, n = 50) {
  const random = seedrandom(`${BASE.seed}-keys`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const runners = await q<{ ags: string; projects: number }>(
    driver,
    'MATCH (m:Municipality)-[:RUNS]->(p:Project) WITH m, count(p) AS projects RETURN m.ags AS ags, projects ORDER BY projects DESC, ags',
  );
  const hubs = runners.slice(0, LAYER.hubs).map((r) => r.ags);
  const ordinary = runners.slice(LAYER.hubs).map((r) => r.ags);
  const topics = (await q<{ slug: string }>(driver, 'MATCH (t:Topic) RETURN t.slug AS slug ORDER BY slug')).map((t) => t.slug);
  const states = (await q<{ state: string }>(driver, "MATCH (m:Municipality {kind: 'LAND'}) RETURN m.state AS state ORDER BY state")).map((s) => s.state);
  const base = Array.from({ length: n }, () => ({
    ags: random() < 0.2 ? pick(hubs) : pick(ordinary),
    topic: pick(topics),
    state: random() < 0.5 ? pick(states) : null,
  }));
  // R5 and R6 draw from a stream of their own, so the keys of R1–R4 stay as they were.
  const more = seedrandom(`${BASE.seed}-keys-discovery`);
  const draw = <T>(xs: readonly T[]): T => xs[Math.floor(more() * xs.length)]!;
  // R5: Gemeinden and towns in a Kreis that run no project; three distinct interests among the topics someone works on.
  const newcomers = (
    await q<{ ags: string }>(driver, "MATCH (m:Municipality) WHERE m.kind IN ['GEMEINDE', 'STADT'] AND NOT (m)-[:RUNS]->(:Project) RETURN m.ags AS ags ORDER BY ags")
  ).map((r) => r.ags);
  const worked = (await q<{ slug: string }>(driver, 'MATCH (:Project)-[:ADDRESSES]->(t:Topic) RETURN DISTINCT t.slug AS slug ORDER BY slug')).map((t) => t.slug);
  const threeOf = (xs: readonly string[]) => {
    const chosen = new Set<string>();
    while (chosen.size < 3) chosen.add(draw(xs));
    return [...chosen].sort();
  };
  // R6: Kleinstädte, half of them running a project (topics to match), half any (mostly none: status and structure).
  const kleinstaedte = (await q<{ ags: string; runs: boolean }>(driver, "MATCH (m:Municipality {sizeClass: 'KLEINSTADT'}) RETURN m.ags AS ags, EXISTS { (m)-[:RUNS]->(:Project) } AS runs ORDER BY ags"));
  const running = kleinstaedte.filter((k) => k.runs).map((k) => k.ags);
  const any = kleinstaedte.map((k) => k.ags);
  return base.map((k) => ({ ...k, newcomer: { ags: draw(newcomers), interests: threeOf(worked) }, kleinstadt: more() < 0.5 ? draw(running) : draw(any) }));
}
export type Key = Awaited<ReturnType<typeof sampleKeys>>[number];
