// The data import: read and validate every source first, then write it all
// in one transaction. Any wrong row stops the import before it writes.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database, Tx } from '../db/database.js';
import type { Statement } from '../db/cypher.js';
import { sizeClassFor, stateOfAgs } from '../records/municipality.model.js';
import { sourceProps } from '../kernel/source.js';
import { nameKey, searchName } from '../kernel/text.js';
import { readCsv, SourceError, type CsvRecord } from './csv.js';
import { EVENT_COLUMNS, EVENTS_SOURCE, parseEvents } from './events.js';
import { EXCHANGE_COLUMNS, EXCHANGES_SOURCE, parseExchanges } from './exchanges.js';
import {
  COUNT_IMPORTED, CREATE_EXCHANGES, DROP_IMPORTED_EXCHANGES, DROP_STALE_MEASURES, DROP_UNITS, IS_EMPTY, LINK_MUNICIPALITIES,
  MERGE_CITIES_ABROAD, MERGE_EVENTS, MERGE_MEASURES, MERGE_MUNICIPALITIES, MERGE_PROJECTS, MERGE_TOPICS, REGISTER_UNITS, RENAME_PROJECTS, SET_REGISTER,
} from './import.repository.js';
import {
  CREATE_PARTICIPATIONS, CREATE_USES, DROP_IMPORTED_PARTICIPATIONS, DROP_IMPORTED_USES, DROP_STALE_CONTACT_POINTS, DROP_STALE_INDEX_RANKS,
  DROP_STALE_PROGRAMMES, DROP_STALE_SOLUTIONS, MERGE_CONTACT_POINTS, MERGE_INDEX_RANKS, MERGE_PROGRAMMES, MERGE_SOLUTIONS,
} from './activity.repository.js';
import { CONTACT_POINT_COLUMNS, CONTACT_POINTS_SOURCE, parseContactPoints } from './contact-points.js';
import { BITKOM_SMART_CITY_INDEX, INDEX_RANK_COLUMNS, INDEX_RANKS_SOURCE, parseIndexRanks } from './index-ranks.js';
import { Matcher } from './matcher.js';
import { MEASURE_COLUMNS, MEASURES_SOURCE, parseMeasures } from './measures.js';
import { MODEL_PROJECTS, parseProgrammes, PROGRAMME_COLUMNS, PROGRAMMES_SOURCE } from './programmes.js';
import { parseSolutions, SOLUTION_COLUMNS, SOLUTIONS_SOURCE } from './solutions.js';
import { NameResolver, type AbroadImport } from './names.js';
import { PROFILE_COLUMNS, PROFILES_SOURCE, parseProfiles } from './profiles.js';
import { parseProjects, PROGRAMME, PROJECT_COLUMNS, PROJECTS_SOURCE } from './projects.js';
import { compareRegisters, parseRegister, REGISTER_COLUMNS, type PreviousUnit, type Unit } from './register.js';
import { readRegister, type RegisterFile, type RegisterRead } from './register-read.js';
import { ImportReport } from './report.js';
import { MAPPING_COLUMNS, MAPPING_SOURCE, parseMapping, parseTopics, TOPIC_COLUMNS, TOPICS_SOURCE } from './taxonomy.js';

/** Reports how far the import is; the command shows a bar on a terminal and lines elsewhere. */
export interface Progress {
  phase(name: string, total: number): void;
  advance(n: number): void;
  end(): void;
}
const quiet: Progress = { phase: () => {}, advance: () => {}, end: () => {} };

export interface ImportOptions {
  /** Folder with the project's own source files (data/). */
  dataDir: string;
  /**
   * The register: Destatis's workbook (or a CSV conversion with the same columns and the dates given), or
   * one already read with `readRegister` (a caller importing the same register several times reads it once).
   */
  register: RegisterFile | RegisterRead;
  progress?: Progress;
  /** Parse and validate only; write nothing. */
  dryRun?: boolean;
}

export const ABROAD_SOURCE = 'cities-abroad.csv';
const ABROAD_COLUMNS = ['name', 'slug', 'country', 'name_local'] as const;

const BATCH = 1000;

/** A register unit as the import writes it (MERGE_MUNICIPALITIES, LINK_MUNICIPALITIES): the derived properties made here, once. */
export const municipalityRow = (u: Unit) => ({
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
});

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read('import.isEmpty', (tx) => tx.run<{ empty: boolean }>(IS_EMPTY));
  return row?.empty ?? true;
}

export async function runImport(db: Database, options: ImportOptions): Promise<ImportReport> {
  const progress = options.progress ?? quiet;
  const report = new ImportReport();
  const started = performance.now();

  const files = [
    [TOPICS_SOURCE, TOPIC_COLUMNS],
    [MAPPING_SOURCE, MAPPING_COLUMNS],
    [PROJECTS_SOURCE, PROJECT_COLUMNS],
    [PROFILES_SOURCE, PROFILE_COLUMNS],
    [MEASURES_SOURCE, MEASURE_COLUMNS],
    [EXCHANGES_SOURCE, EXCHANGE_COLUMNS],
    [EVENTS_SOURCE, EVENT_COLUMNS],
    [ABROAD_SOURCE, ABROAD_COLUMNS],
    [PROGRAMMES_SOURCE, PROGRAMME_COLUMNS],
    [SOLUTIONS_SOURCE, SOLUTION_COLUMNS],
    [CONTACT_POINTS_SOURCE, CONTACT_POINT_COLUMNS],
    [INDEX_RANKS_SOURCE, INDEX_RANK_COLUMNS],
  ] as const;
  const sources: Record<string, CsvRecord[]> = {};
  let register: Awaited<ReturnType<typeof readRegister>>;
  try {
    progress.phase('read sources', files.length + 1);
    register = 'records' in options.register ? options.register : await readRegister(options.register, REGISTER_COLUMNS);
    progress.advance(1);
    for (const [file, columns] of files) {
      sources[file] = readCsv(join(options.dataDir, file), file, columns);
      progress.advance(1);
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    report.error(error.source, error.line ?? 0, 'unreadable file', error.message);
    progress.end();
    return report;
  }
  for (const [file, records] of Object.entries(sources)) report.read(file, records.length);
  report.read(register.source, register.records.length);

  const previous = new Map(
    (await db.read('import.registerUnits', (tx) => tx.run<PreviousUnit>(REGISTER_UNITS))).map((u) => [u.ags, u]),
  );
  const topics = parseTopics(sources[TOPICS_SOURCE]!, report);
  const mapping = parseMapping(sources[MAPPING_SOURCE]!, topics, report);
  const units = parseRegister(register.records, report, register.source);
  const profiles = parseProfiles(sources[PROFILES_SOURCE]!, mapping, report);
  const projects = parseProjects(sources[PROJECTS_SOURCE]!, units, mapping, profiles, report, previous);
  const measures = parseMeasures(sources[MEASURES_SOURCE]!, projects, mapping, report);
  const abroad = parseAbroad(sources[ABROAD_SOURCE]!, report);
  const names = new NameResolver(units, projects, abroad);
  const exchanges = parseExchanges(sources[EXCHANGES_SOURCE]!, names, mapping, report);
  const events = parseEvents(sources[EVENTS_SOURCE]!, names, mapping, report);
  const matcher = new Matcher(units);
  const { programmes, participations } = parseProgrammes(sources[PROGRAMMES_SOURCE]!, units, matcher, mapping, report);
  const { solutions, uses } = parseSolutions(sources[SOLUTIONS_SOURCE]!, matcher, names, mapping, report);
  const contactPoints = parseContactPoints(sources[CONTACT_POINTS_SOURCE]!, projects, matcher, report);
  const indexRanks = parseIndexRanks(sources[INDEX_RANKS_SOURCE]!, matcher, report);
  const changes = compareRegisters(previous, units);
  for (const u of changes.disappeared) {
    report.decide(register.source, 0, 'key no longer in the register', `${u.ags} ${u.name}${u.links > 0 ? `: removed with ${u.links} link(s) of its own` : ''}`);
  }
  for (const u of changes.appeared) report.decide(register.source, u.line, 'key new in the register', `${u.ags} ${u.name}`);
  if (!report.ok || options.dryRun) {
    progress.end();
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }

  const municipalityRows = units.map(municipalityRow);
  const topicList = (m: Map<string, string[]>) => [...m].map(([slug, labels]) => ({ slug, labels }));
  const projectRows = projects.map((p) => ({
    slug: p.slug,
    formerSlugs: p.formerSlugs,
    props: {
      formerSlugs: p.formerSlugs,
      name: p.name,
      nameKey: nameKey(p.name),
      title: p.title,
      programme: PROGRAMME,
      cohort: p.cohort,
      category: p.category,
      sources: p.sources,
      fundingEur: p.fundingEur,
      fundingBound: p.fundingBound,
      fundingNote: p.fundingNote,
      topicsWording: p.topicsWording,
      phase: p.phase?.current ?? null,
      phaseImplementationSince: p.phase?.implementationSince ?? null,
      phaseWording: p.phase?.wording ?? null,
      ...sourceProps(p.provenance),
    },
    topics: topicList(p.topics),
    runners: p.runners,
  }));
  const measureRows = measures.map((m) => ({
    slug: m.slug,
    project: m.project,
    props: {
      formerSlugs: m.formerSlugs,
      name: m.name,
      nameKey: nameKey(m.name),
      description: m.description,
      status: m.status,
      statusWording: m.statusWording,
      statusAsOf: m.statusAsOf,
      knownOnlyByName: m.knownOnlyByName,
      notes: m.notes,
      ...sourceProps(m.sources),
    },
    topics: m.topics,
  }));
  const exchangeRows = exchanges.map((x) => ({
    from: x.from,
    to: x.to,
    since: x.since,
    props: { kind: x.kind, topics: x.topics, topicWording: x.topicWording, evidence: x.evidence, note: x.note, planned: x.planned, ...sourceProps(x.sources) },
  }));
  const eventRows = events.map((e) => ({
    slug: e.slug,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    props: { title: e.title, kind: e.kind, format: e.format, participantCount: e.participantCount, url: e.url, notes: e.notes, ...sourceProps(e.sources) },
    hosts: e.hosts,
    topics: topicList(e.topics),
    attendance: e.attendance.map((a) => ({ ...a.actor, props: { note: a.note, ...sourceProps(a.sources) } })),
  }));
  const programmeRows = [MODEL_PROJECTS, ...programmes].map(({ slug, sources: programmeSources, ...p }) => ({
    slug,
    props: { ...p, nameKey: nameKey(p.name), searchName: searchName(p.name), ...sourceProps(programmeSources) },
  }));
  const participationRows = participations.map((x) => ({
    ags: x.ags,
    programme: x.programme,
    props: {
      role: x.role, group: x.group, cohort: x.cohort, yearFrom: x.yearFrom, yearTo: x.yearTo, projectTitle: x.projectTitle,
      topics: [...x.topics.keys()].sort(), topicsWording: x.topicsWording, topicsOfProgramme: x.topicsOfProgramme,
      evidence: x.evidence, note: x.note, ...sourceProps(x.sources),
    },
  }));
  const solutionRows = solutions.map(({ slug, origin, sources: solutionSources, ...s }) => ({
    slug,
    origin,
    props: { ...s, nameKey: nameKey(s.name), searchName: searchName(s.name), ...sourceProps(solutionSources) },
  }));
  const useRows = uses.map((u) => ({
    ags: u.ags,
    solution: u.solution,
    props: {
      status: u.status, date: u.date, isOrigin: u.isOrigin, topics: [...u.topics.keys()].sort(), topicsWording: u.topicsWording,
      evidence: u.evidence, note: u.note, ...sourceProps(u.sources),
    },
  }));
  const contactPointRows = contactPoints.map(({ slug, project, municipalities, sources: pointSources, ...c }) => ({
    slug,
    project,
    municipalities,
    props: { ...c, ...sourceProps(pointSources) },
  }));
  const indexRankRows = indexRanks.map(({ slug, ags, sources: rankSources, ...r }) => ({
    slug,
    ags,
    props: { ...r, index: BITKOM_SMART_CITY_INDEX, ...sourceProps(rankSources) },
  }));
  const abroadRows = abroad.map((a) => ({ slug: a.slug, props: { name: a.name, nameKey: nameKey(a.name), country: a.country, nameLocal: a.nameLocal } }));

  await db.write(
    'import',
    async (tx) => {
      if (changes.disappeared.length > 0) await tx.run(DROP_UNITS, { keys: changes.disappeared.map((u) => u.ags) });
      await inBatches(tx, MERGE_MUNICIPALITIES, municipalityRows, 'municipalities', progress);
      await inBatches(tx, LINK_MUNICIPALITIES, municipalityRows, 'Kreis, Land and Verband links', progress);
      await inBatches(tx, MERGE_TOPICS, [...topics].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null)), 'topics', progress);
      await tx.run(RENAME_PROJECTS, { rows: projectRows.filter((p) => p.formerSlugs.length > 0) });
      await inBatches(tx, MERGE_PROJECTS, projectRows, 'projects', progress);
      await tx.run(DROP_STALE_MEASURES, { slugs: measureRows.map((m) => m.slug) });
      await inBatches(tx, MERGE_MEASURES, measureRows, 'measures', progress);
      await inBatches(tx, MERGE_CITIES_ABROAD, abroadRows, 'cities abroad', progress);
      await tx.run(DROP_IMPORTED_EXCHANGES);
      await inBatches(tx, CREATE_EXCHANGES, exchangeRows, 'exchange links', progress);
      await inBatches(tx, MERGE_EVENTS, eventRows, 'events', progress);
      await tx.run(DROP_STALE_PROGRAMMES, { slugs: programmeRows.map((g) => g.slug) });
      await inBatches(tx, MERGE_PROGRAMMES, programmeRows, 'programmes', progress);
      await tx.run(DROP_IMPORTED_PARTICIPATIONS);
      await inBatches(tx, CREATE_PARTICIPATIONS, participationRows, 'programme participations', progress);
      await tx.run(DROP_STALE_SOLUTIONS, { slugs: solutionRows.map((s) => s.slug) });
      await inBatches(tx, MERGE_SOLUTIONS, solutionRows, 'solutions', progress);
      await tx.run(DROP_IMPORTED_USES);
      await inBatches(tx, CREATE_USES, useRows, 'solution uses', progress);
      await tx.run(DROP_STALE_CONTACT_POINTS, { slugs: contactPointRows.map((c) => c.slug) });
      await inBatches(tx, MERGE_CONTACT_POINTS, contactPointRows, 'contact points', progress);
      await tx.run(DROP_STALE_INDEX_RANKS, { slugs: indexRankRows.map((r) => r.slug) });
      await inBatches(tx, MERGE_INDEX_RANKS, indexRankRows, 'index ranks', progress);
      await tx.run(SET_REGISTER, {
        territoryDate: register.territoryDate,
        populationDate: register.populationDate,
        props: { file: register.source, sha256: register.sha256, url: register.url, attribution: register.attribution },
      });
    },
    { timeoutMs: 300_000, derives: ['network', 'profiles'] },
  );
  progress.end();

  const count = (kind: string) => units.filter((u) => u.kind === kind).length;
  const german = (x: (typeof exchanges)[number]) => 'ags' in x.from && 'ags' in x.to;
  Object.assign(report.written, {
    'Municipality (Land)': count('LAND'),
    'Municipality (Landkreis)': count('LANDKREIS'),
    'Municipality (kreisfreie Stadt)': count('KREISFREIE_STADT'),
    'Municipality (Stadt)': count('STADT'),
    'Municipality (Gemeinde)': count('GEMEINDE'),
    'Municipality (Gemeindeverband)': count('VERBAND'),
    Topic: topics.length,
    Project: projects.length,
    'Project with a topic': projects.filter((p) => p.topics.size > 0).length,
    Measure: measures.length,
    'Measure known only by name': measures.filter((m) => m.knownOnlyByName).length,
    Event: events.length,
    'Organization (city abroad)': abroad.length,
    PART_OF: units.filter((u) => u.parentAgs !== null).length,
    MEMBER_OF: units.filter((u) => u.verbandAgs !== null).length,
    RUNS: projects.reduce((n, p) => n + p.runners.length, 0),
    ADDRESSES: projects.reduce((n, p) => n + p.topics.size, 0) + measures.reduce((n, m) => n + m.topics.length, 0),
    'PART_OF (measure of project)': measures.filter((m) => m.project !== null).length,
    'EXCHANGES_WITH (both ends in Germany)': exchanges.filter(german).length,
    'EXCHANGES_WITH (with a city abroad)': exchanges.filter((x) => !german(x)).length,
    HOSTED_BY: events.reduce((n, e) => n + e.hosts.length, 0),
    ATTENDED: events.reduce((n, e) => n + e.attendance.length, 0),
    COVERS: events.reduce((n, e) => n + e.topics.size, 0),
    Programme: programmeRows.length,
    TAKES_PART_IN: participations.length,
    Solution: solutions.length,
    USES: uses.length,
    ORIGINATED_IN: solutions.filter((s) => s.origin !== null).length,
    ContactPoint: contactPoints.length,
    OFFICE_OF: contactPoints.reduce((n, c) => n + c.municipalities.length, 0),
    IndexRank: indexRanks.length,
  });
  report.register = { territoryDate: register.territoryDate, populationDate: register.populationDate, file: register.source, sha256: register.sha256, origin: register.origin };
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

function parseAbroad(records: readonly CsvRecord[], report: ImportReport): AbroadImport[] {
  const out: AbroadImport[] = [];
  for (const { line, values: v } of records) {
    const name = (v.name ?? '').trim();
    const slug = (v.slug ?? '').trim();
    const country = (v.country ?? '').trim();
    if (!name || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || !/^[A-Z]{2}$/.test(country) || country === 'DE') {
      report.error(ABROAD_SOURCE, line, 'invalid row', `name, a slug and a country code other than DE (ISO 3166-1 alpha-2) are required`);
    } else out.push({ name, slug, country, nameLocal: (v.name_local ?? '').trim() || name });
  }
  return out;
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
    tx.run<{ municipalities: number; topics: number; projects: number; events: number; measures: number; exchanges: number }>(COUNT_IMPORTED),
  );
  return row!;
}
