// The data import: read and validate every source first, then write it all
// in one transaction. Any wrong row stops the import before it writes.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database, Tx } from '../db/database.js';
import type { Statement } from '../db/cypher.js';
import { sizeClassFor, stateOfAgs } from '../modules/municipality/municipality.model.js';
import { nameKey } from '../modules/shared/text.js';
import { readCsv, SourceError, type CsvRecord } from './csv.js';
import { EVENT_COLUMNS, EVENTS_SOURCE, parseEvents } from './events.js';
import { COUNT_IMPORTED, IS_EMPTY, LINK_MUNICIPALITIES, MERGE_EVENTS, MERGE_MUNICIPALITIES, MERGE_PROJECTS, MERGE_TOPICS } from './import.repository.js';
import { parseProjects, PROGRAMME, PROJECT_COLUMNS, PROJECTS_SOURCE } from './projects.js';
import { parseRegister, REGISTER_COLUMNS, REGISTER_SOURCE } from './register.js';
import { ImportReport } from './report.js';
import { MAPPING_SOURCE, parseMapping, parseTopics, TOPICS_SOURCE } from './taxonomy.js';
import { bumpReachVersion } from '../modules/reach/reach.repository.js';

/** Reports how far the import is; the command shows a bar on a terminal and lines elsewhere. */
export interface Progress {
  phase(name: string, total: number): void;
  advance(n: number): void;
  end(): void;
}
const quiet: Progress = { phase: () => {}, advance: () => {}, end: () => {} };

export interface ImportOptions {
  /** Folder with the five source files. */
  dataDir: string;
  progress?: Progress;
  /** Parse and validate only; write nothing. */
  dryRun?: boolean;
}

const BATCH = 1000;

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read('import.isEmpty', (tx) => tx.run<{ empty: boolean }>(IS_EMPTY));
  return row?.empty ?? true;
}

export async function runImport(db: Database, options: ImportOptions): Promise<ImportReport> {
  const progress = options.progress ?? quiet;
  const report = new ImportReport();
  const started = performance.now();

  let sources: Record<string, CsvRecord[]>;
  try {
    progress.phase('read sources', 5);
    sources = {};
    for (const [file, columns] of [
      [TOPICS_SOURCE, ['slug', 'parent', 'name_de', 'name_en']],
      [MAPPING_SOURCE, ['source_label', 'topics']],
      [REGISTER_SOURCE, REGISTER_COLUMNS],
      [PROJECTS_SOURCE, PROJECT_COLUMNS],
      [EVENTS_SOURCE, EVENT_COLUMNS],
    ] as const) {
      sources[file] = readCsv(join(options.dataDir, file), file, columns);
      progress.advance(1);
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    report.error(error.source, error.line ?? 0, 'unreadable file', error.message);
    progress.end();
    return report;
  }

  const topics = parseTopics(sources[TOPICS_SOURCE]!, report);
  const mapping = parseMapping(sources[MAPPING_SOURCE]!, topics, report);
  const units = parseRegister(sources[REGISTER_SOURCE]!, report);
  const projects = parseProjects(sources[PROJECTS_SOURCE]!, units, mapping, report);
  const events = parseEvents(sources[EVENTS_SOURCE]!, units, mapping, report);
  if (!report.ok || options.dryRun) {
    progress.end();
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }

  const municipalityRows = units.map((u) => ({
    ags: u.ags,
    parent: u.parentAgs,
    verband: u.verbandAgs,
    lat: u.lat,
    lon: u.lon,
    props: {
      ags: u.ags,
      name: u.name,
      nameKey: nameKey(u.name),
      kind: u.kind,
      state: stateOfAgs(u.ags),
      population: u.population,
      areaKm2: u.areaKm2,
      postcode: u.postcode,
      urbanisation: u.urbanisation,
      sizeClass: sizeClassFor(u.kind, u.population),
    },
  }));
  const topicList = (m: Map<string, string[]>) => [...m].map(([slug, labels]) => ({ slug, labels }));
  const projectRows = projects.map((p) => ({
    slug: p.slug,
    props: { name: p.name, nameKey: nameKey(p.name), title: p.title, programme: PROGRAMME, cohort: p.cohort, category: p.category, sources: p.sources },
    topics: topicList(p.topics),
    runners: p.runners,
  }));
  const eventRows = events.map((e) => ({
    slug: e.slug,
    startsAt: e.startsAt,
    props: { title: e.title, kind: e.kind, format: e.format, participantCount: e.participantCount, url: e.url },
    hosts: e.hosts,
    topics: topicList(e.topics),
  }));

  await db.write(
    'import',
    async (tx) => {
      await inBatches(tx, MERGE_MUNICIPALITIES, municipalityRows, 'municipalities', progress);
      await inBatches(tx, LINK_MUNICIPALITIES, municipalityRows, 'Kreis, Land and Verband links', progress);
      await inBatches(tx, MERGE_TOPICS, [...topics].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null)), 'topics', progress);
      await inBatches(tx, MERGE_PROJECTS, projectRows, 'projects', progress);
      await inBatches(tx, MERGE_EVENTS, eventRows, 'events', progress);
      await bumpReachVersion(tx);
    },
    { timeoutMs: 300_000 },
  );
  progress.end();

  const count = (kind: string) => units.filter((u) => u.kind === kind).length;
  Object.assign(report.written, {
    'Municipality (Land)': count('LAND'),
    'Municipality (Landkreis)': count('LANDKREIS'),
    'Municipality (kreisfreie Stadt)': count('KREISFREIE_STADT'),
    'Municipality (Stadt)': count('STADT'),
    'Municipality (Gemeinde)': count('GEMEINDE'),
    'Municipality (Gemeindeverband)': count('VERBAND'),
    Topic: topics.length,
    Project: projects.length,
    Event: events.length,
    PART_OF: units.filter((u) => u.parentAgs !== null).length,
    MEMBER_OF: units.filter((u) => u.verbandAgs !== null).length,
    RUNS: projects.reduce((n, p) => n + p.runners.length, 0),
    ADDRESSES: projects.reduce((n, p) => n + p.topics.size, 0),
    HOSTED_BY: events.reduce((n, e) => n + e.hosts.length, 0),
    COVERS: events.reduce((n, e) => n + e.topics.size, 0),
  });
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

async function inBatches(tx: Tx, statement: Statement, rows: readonly object[], phase: string, progress: Progress): Promise<void> {
  progress.phase(phase, rows.length);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await tx.run(statement, { rows: batch });
    progress.advance(batch.length);
  }
}

/** What the graph holds after an import (for the start-up message and tests). */
export async function importedCounts(db: Database) {
  const [row] = await db.read('import.count', (tx) =>
    tx.run<{ municipalities: number; topics: number; projects: number; events: number }>(COUNT_IMPORTED),
  );
  return row!;
}
