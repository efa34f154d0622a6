// Funding programmes of the Bund and the Länder beside the model projects
// (programmes.csv): one Programme per id, one participation (TAKES_PART_IN)
// per row whose municipality the register has. The model-project programme
// is a Programme too (MODEL_PROJECTS below); its participants are the
// projects' runners, read from RUNS, so they are never stored twice.
import type { ParticipationRole, ProgrammeLevel, State } from '../generated/graphql.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import { STATES } from '../records/municipality.model.js';
import { MODEL_PROJECTS_PROGRAMME, MODEL_PROJECTS_PROGRAMME_ID } from '../records/project.model.js';
import type { CsvRecord } from './csv.js';
import { AGS_LIST, unitsOfKeys } from './keys.js';
import type { Matcher } from './matcher.js';
import type { Unit } from './register.js';
import type { ImportReport } from './report.js';
import { labelsOf, wordingTopics, type TopicMapping } from './taxonomy.js';

export const PROGRAMMES_SOURCE = 'programmes.csv';
export const PROGRAMME_COLUMNS = [
  'programme', 'programme_name', 'funder', 'cohort', 'municipality', 'ags', 'role', 'group', 'project_title',
  'topics', 'topics_basis', 'year_from', 'year_to', 'source_url', 'evidence', 'notes',
] as const;

const ROLES = new Set<string>(['LEAD', 'PARTNER', 'MEMBER', 'MODEL_REGION', 'FINALIST', 'WINNER', 'PILOT']);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const YEAR = /^(19|20)\d\d$/;

export interface ProgrammeImport {
  slug: string;
  name: string;
  funder: string;
  level: ProgrammeLevel;
  states: State[];
  yearFrom: number | null;
  yearTo: number | null;
  sources: SourceRecord[];
}

export interface ParticipationImport {
  line: number;
  programme: string;
  ags: string;
  role: ParticipationRole;
  group: string | null;
  cohort: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  projectTitle: string | null;
  /** Topic slug → the source's labels that led to it. */
  topics: Map<string, string[]>;
  topicsWording: string[];
  /** True where the source gives only the programme's own fields, not the municipality's. */
  topicsOfProgramme: boolean;
  evidence: string | null;
  note: string | null;
  sources: SourceRecord[];
}

/**
 * The model-project programme, as the programme's own site presents it: 73 projects selected in
 * three cohorts from 2019, funded by the Bund (BMI, since December 2021 the BMWSB) through the KfW.
 */
export const MODEL_PROJECTS: ProgrammeImport = {
  slug: MODEL_PROJECTS_PROGRAMME_ID,
  name: MODEL_PROJECTS_PROGRAMME,
  funder: 'Bund: Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB, bis 2021 BMI), mit der KfW',
  level: 'BUND',
  states: [],
  yearFrom: 2019,
  yearTo: null,
  sources: [{ url: 'https://www.smart-city-dialog.de/modellprojekte', file: null, line: null }],
};

/**
 * The Länder a funder's text names ("Freistaat Bayern: …", "Medienanstalt Berlin-Brandenburg"): longest
 * names first, each taken out once found, and only as a whole word, so "Niedersachsen" and
 * "Sachsen-Anhalt" are not also Sachsen.
 */
export function statesNamed(text: string, lands: ReadonlyMap<string, State>): State[] {
  let rest = text;
  const found = new Set<State>();
  for (const [name, state] of [...lands].sort(([a], [b]) => b.length - a.length)) {
    const pattern = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}]|-Anhalt|-Holstein|-Pfalz|-Westfalen|-Württemberg|-Vorpommern)`, 'gu');
    if (pattern.test(rest)) {
      found.add(state);
      rest = rest.replace(pattern, ' ');
    }
  }
  return STATES.filter((s) => found.has(s));
}

export function parseProgrammes(
  records: readonly CsvRecord[],
  register: readonly Unit[],
  matcher: Matcher,
  mapping: TopicMapping,
  report: ImportReport,
): { programmes: ProgrammeImport[]; participations: ParticipationImport[] } {
  const lands = new Map(register.filter((u) => u.kind === 'LAND').map((u) => [u.name, STATES[Number(u.ags) - 1]!]));
  const programmes = new Map<string, ProgrammeImport & { line: number }>();
  const participations: ParticipationImport[] = [];
  const seen = new Map<string, number>();

  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(PROGRAMMES_SOURCE, line, 'invalid row', detail);
    const text = (column: string) => (v[column] ?? '').trim();
    const slug = text('programme');
    const name = text('programme_name');
    const funder = text('funder');
    const municipality = text('municipality');
    const role = text('role');
    const ags = text('ags');
    const urls = urlsOf(v.source_url);
    const yearFrom = text('year_from');
    const yearTo = text('year_to');
    const basis = text('topics_basis');
    if (!SLUG.test(slug)) fail(`programme "${slug}" is not a slug`);
    if (!name || !funder || !municipality) fail('programme_name, funder and municipality are required');
    if (!ROLES.has(role)) fail(`unknown role "${role}" (${[...ROLES].join(', ')})`);
    if (ags && !AGS_LIST.test(ags)) fail(`ags "${ags}" is not an 8-digit Gemeinde or 5-digit Kreis key`);
    for (const year of [yearFrom, yearTo]) if (year && !YEAR.test(year)) fail(`"${year}" is not a year`);
    if (yearFrom && yearTo && yearTo < yearFrom) fail(`year_to ${yearTo} is before year_from ${yearFrom}`);
    if (basis && basis !== 'programme' && basis !== 'municipality') fail(`topics_basis must be "programme" or "municipality", got "${basis}"`);
    if (urls.length === 0) fail('source_url is empty');
    for (const url of urls) if (!/^https?:\/\/\S+$/.test(url)) fail(`source_url "${url}" is not a web address`);
    const known = programmes.get(slug);
    if (known && (known.name !== name || known.funder !== funder)) fail(`${slug} has another name or funder on line ${known.line}`);
    const states = statesNamed(funder, lands);
    const level: ProgrammeLevel = /^Bund\b/.test(funder) ? 'BUND' : 'LAND';
    if (level === 'LAND' && states.length === 0) fail(`funder "${funder}" names neither the Bund nor a Land`);
    if (report.errors.length > errors) continue;

    const sources = urls.map((url) => ({ url, file: PROGRAMMES_SOURCE, line }));
    const programme = known ?? { slug, name, funder, level, states, yearFrom: null, yearTo: null, sources: [], line };
    // A programme's years span its participations'; its sources are the pages that name participants (each row's first).
    if (yearFrom) programme.yearFrom = Math.min(programme.yearFrom ?? Infinity, Number(yearFrom));
    if (yearTo || yearFrom) programme.yearTo = Math.max(programme.yearTo ?? -Infinity, Number(yearTo || yearFrom));
    if (!programme.sources.some((s) => s.url === sources[0]!.url)) programme.sources.push(sources[0]!);
    programmes.set(slug, programme);

    const notes = text('notes');
    for (const unit of unitsOfKeys(ags, { source: PROGRAMMES_SOURCE, line, name: municipality, notes }, matcher, report)) {
      const key = `${slug}|${unit.ags}|${text('group')}|${text('cohort')}`;
      if (seen.has(key)) {
        report.error(PROGRAMMES_SOURCE, line, 'duplicate row', `${municipality} (${unit.ags}) is already on line ${seen.get(key)} for ${slug}`);
        continue;
      }
      seen.set(key, line);
      const wording = labelsOf(v.topics ?? '');
      participations.push({
        line,
        programme: slug,
        ags: unit.ags,
        role: role as ParticipationRole,
        group: text('group') || null,
        cohort: text('cohort') || null,
        yearFrom: yearFrom ? Number(yearFrom) : null,
        yearTo: yearTo ? Number(yearTo) : null,
        projectTitle: text('project_title') || null,
        topics: wordingTopics(wording, mapping, report, PROGRAMMES_SOURCE, line),
        topicsWording: wording,
        topicsOfProgramme: basis === 'programme',
        evidence: text('evidence') || null,
        note: notes || null,
        sources,
      });
    }
  }
  return { programmes: [...programmes.values()].map(({ line: _line, ...p }) => p), participations };
}
