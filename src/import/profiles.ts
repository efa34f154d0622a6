// What each model project works on (mpsc-profiles.csv): its fields of action in
// the sources' words, its phase, its federal funding and its flagship measures.
// One row per row of mpsc.csv, joined by name and cohort.
import type { ProjectPhaseKind } from '../generated/graphql.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import type { ImportReport } from './report.js';
import { labelsOf, mapTopics, type TopicMapping } from './taxonomy.js';

export const PROFILES_SOURCE = 'mpsc-profiles.csv';
export const PROFILE_COLUMNS = ['name', 'staffel_year', 'topics_source_wording', 'topics_source_url', 'phase', 'funding_eur', 'measures', 'measures_source_url', 'notes'] as const;

export interface PhaseImport {
  current: ProjectPhaseKind | null;
  implementationSince: number | null;
  wording: string;
}

export interface ProfileImport {
  line: number;
  topics: Map<string, string[]>;
  phase: PhaseImport | null;
  fundingEur: number | null;
  fundingNote: string | null;
  flagships: string[];
  flagshipSources: SourceRecord[];
  sources: SourceRecord[];
}

export const profileKey = (name: string, year: number) => `${year}|${name}`;

/**
 * The phase the words report last: the implementation phase once they speak
 * of it (Umsetzung, Phase B), else the strategy phase; with the first year
 * given for the implementation.
 */
export function phaseOf(wording: string): PhaseImport | null {
  const text = wording.trim();
  if (!text) return null;
  const implementation = /umsetzung|phase b/i.exec(text);
  const current: ProjectPhaseKind | null = implementation ? 'IMPLEMENTATION' : /strategie/i.test(text) ? 'STRATEGY' : null;
  // The first year within the words after "Umsetzung": "Umsetzungsphase ab Ende 2021", "Umsetzung seit 2022".
  const year = implementation ? /\b(20\d\d)\b/.exec(text.slice(implementation.index, implementation.index + 40)) : null;
  return { current, implementationSince: year ? Number(year[1]) : null, wording: text };
}

/** The editors' sentences about money: other figures and their sources, kept beside the one chosen. */
export function fundingNoteOf(notes: string): string | null {
  const sentences = notes.split(/(?<=[.)])\s+(?=[A-ZÄÖÜ])/).filter((s) => /fund|förder|mio\b|million|€|euro/i.test(s));
  return sentences.length > 0 ? sentences.join(' ') : null;
}

export function parseProfiles(records: readonly CsvRecord[], mapping: TopicMapping, report: ImportReport): Map<string, ProfileImport> {
  const profiles = new Map<string, ProfileImport>();
  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(PROFILES_SOURCE, line, 'invalid row', detail);
    const name = (v.name ?? '').trim();
    const year = Number(v.staffel_year);
    if (!name) fail('name is empty');
    if (![2019, 2020, 2021].includes(year)) fail(`staffel_year must be 2019, 2020 or 2021, got "${v.staffel_year}"`);
    const funding = (v.funding_eur ?? '').trim();
    if (funding && !/^\d+$/.test(funding)) fail(`funding_eur "${funding}" is not a whole number of euros`);
    const urls = [...urlsOf(v.topics_source_url), ...urlsOf(v.measures_source_url)];
    for (const url of urls) if (!/^https?:\/\/\S+$/.test(url)) fail(`source URL "${url}" is not a web address`);
    if (labelsOf(v.topics_source_wording ?? '').length === 0) fail('topics_source_wording is empty');
    const topics = mapTopics(v.topics_source_wording ?? '', mapping, report, PROFILES_SOURCE, line);
    const key = profileKey(name, year);
    if (profiles.has(key)) fail(`${name} (${year}) is also on line ${profiles.get(key)!.line}`);
    if (report.errors.length > errors) continue;
    const here = (url: string): SourceRecord => ({ url, file: PROFILES_SOURCE, line });
    profiles.set(key, {
      line,
      topics,
      phase: phaseOf(v.phase ?? ''),
      fundingEur: funding ? Number(funding) : null,
      fundingNote: fundingNoteOf(v.notes ?? ''),
      flagships: labelsOf(v.measures ?? ''),
      flagshipSources: urlsOf(v.measures_source_url).map(here),
      sources: urls.map(here),
    });
  }
  return profiles;
}
