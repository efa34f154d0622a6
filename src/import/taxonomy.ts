// The controlled topic taxonomy (data/topics.csv) and the mapping of the
// sources' own topic wording onto it (data/topic-mapping.csv): `label` rows
// map a source's exact label (to several topics, or to none with a reason),
// `keyword` rows map a term found at the start of a word of a free text
// (a measure's name and description, an exchange link's topic).
import { nameKey } from '../kernel/text.js';
import type { CsvRecord } from './csv.js';
import type { ImportReport } from './report.js';

export const TOPICS_SOURCE = 'topics.csv';
export const MAPPING_SOURCE = 'topic-mapping.csv';
export const TOPIC_COLUMNS = ['slug', 'parent', 'name_de', 'name_en'] as const;
export const MAPPING_COLUMNS = ['source_label', 'topics'] as const;

export interface TopicImport {
  slug: string;
  parent: string | null;
  name: string;
  nameEn: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseTopics(records: readonly CsvRecord[], report: ImportReport): TopicImport[] {
  const topics: TopicImport[] = [];
  for (const { line, values } of records) {
    const slug = (values.slug ?? '').trim();
    const parent = (values.parent ?? '').trim() || null;
    const name = (values.name_de ?? '').trim();
    const nameEn = (values.name_en ?? '').trim();
    if (!SLUG.test(slug)) report.error(TOPICS_SOURCE, line, 'invalid row', `slug "${slug}" is not a slug`);
    else if (!name || !nameEn) report.error(TOPICS_SOURCE, line, 'invalid row', `${slug}: German and English names are both required`);
    else if (topics.some((t) => t.slug === slug)) report.error(TOPICS_SOURCE, line, 'duplicate slug', slug);
    else topics.push({ slug, parent, name, nameEn });
  }
  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  for (const t of topics) {
    const parent = t.parent === null ? null : bySlug.get(t.parent);
    if (t.parent !== null && (!parent || parent.parent !== null)) {
      report.error(TOPICS_SOURCE, 0, 'invalid taxonomy', `${t.slug}: parent "${t.parent}" is not a field of action in the file`);
    }
  }
  return topics;
}

/** The mapping: exact labels, and keywords for free text. */
export interface TopicMapping {
  /** Source label → topic slugs; an empty list is a label deliberately mapped to nothing. */
  labels: ReadonlyMap<string, string[]>;
  /** Why a label maps to nothing. */
  unmappedReasons: ReadonlyMap<string, string>;
  /** Folded keyword → topic slugs. */
  keywords: ReadonlyMap<string, string[]>;
}

/** Keywords and free text are compared folded as names are (lower case, umlauts and "ue" spellings folded). */
const folded = (text: string) => nameKey(text);
const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/** True when `keyword` occurs in `text` at the start of a word (not inside one: "sensor" in "Sensornetz", not in "Umweltsensor"). */
function atWordStart(text: string, keyword: string): boolean {
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    if (!isWordChar(text[at - 1])) return true;
  }
  return false;
}

export function parseMapping(records: readonly CsvRecord[], topics: readonly TopicImport[], report: ImportReport): TopicMapping {
  const known = new Set(topics.map((t) => t.slug));
  const labels = new Map<string, string[]>();
  const unmappedReasons = new Map<string, string>();
  const keywords = new Map<string, string[]>();
  for (const { line, values } of records) {
    const label = (values.source_label ?? '').trim();
    const slugs = (values.topics ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    const match = (values.match ?? '').trim() || 'label';
    const note = (values.note ?? '').trim();
    const unknown = slugs.filter((s) => !known.has(s));
    const fail = (reason: string, detail: string) => report.error(MAPPING_SOURCE, line, reason, detail);
    if (!label) fail('invalid row', 'source_label is empty');
    else if (match !== 'label' && match !== 'keyword') fail('invalid row', `match must be "label" or "keyword", got "${match}"`);
    else if (unknown.length > 0) fail('unknown topic', `${label} → ${unknown.join(', ')}`);
    else if (match === 'keyword') {
      const key = folded(label);
      if (slugs.length === 0) fail('invalid row', `keyword "${label}" maps to no topic`);
      else if (key.length < 2) fail('invalid row', `keyword "${label}" is shorter than 2 letters`);
      else if (keywords.has(key)) fail('duplicate keyword', label);
      else keywords.set(key, slugs);
    } else if (labels.has(label)) fail('duplicate label', label);
    else if (slugs.length === 0 && !note) fail('invalid row', `${label}: a label mapped to no topic needs a note saying why`);
    else {
      labels.set(label, slugs);
      if (slugs.length === 0) unmappedReasons.set(label, note);
    }
  }
  return { labels, unmappedReasons, keywords };
}

/** Splits a `;`-separated label list. */
export const labelsOf = (raw: string) => raw.split(';').map((s) => s.trim()).filter(Boolean);

/**
 * Maps a source's `;`-separated topic labels. A label without an entry is an
 * error (the mapping must be completed first); one mapped to nothing on
 * purpose is recorded as a decision with its reason. Returns slug → the labels that led to it.
 */
export function mapTopics(raw: string, mapping: TopicMapping, report: ImportReport, source: string, line: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const label of labelsOf(raw)) {
    const slugs = mapping.labels.get(label);
    if (!slugs) {
      report.error(source, line, 'unmapped topic', `"${label}" has no entry in ${MAPPING_SOURCE}`);
      continue;
    }
    if (slugs.length === 0) report.decide(source, line, 'label mapped to no topic', `"${label}": ${mapping.unmappedReasons.get(label)}`);
    for (const slug of slugs) out.set(slug, [...(out.get(slug) ?? []), label]);
  }
  return out;
}

/** Topics of a free text by the keyword rows: slug → the keywords found. A keyword matches at the start of a word. */
export function keywordTopics(text: string, mapping: TopicMapping): Map<string, string[]> {
  const haystack = folded(text);
  const out = new Map<string, string[]>();
  for (const [keyword, slugs] of mapping.keywords) {
    if (!atWordStart(haystack, keyword)) continue;
    for (const slug of slugs) out.set(slug, [...(out.get(slug) ?? []), keyword]);
  }
  return out;
}

/**
 * Topics of a list of labels in a source's own words that were not written for the taxonomy (programmes'
 * fields, what a municipality uses a solution for): a label with an entry in the mapping maps by it, any
 * other by the keyword rows. A label that maps to nothing is reported, not an error: the wording is kept.
 */
export function wordingTopics(labels: readonly string[], mapping: TopicMapping, report: ImportReport, source: string, line: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const label of labels) {
    const slugs = mapping.labels.get(label) ?? [...keywordTopics(label, mapping).keys()];
    const why = mapping.unmappedReasons.get(label);
    if (slugs.length === 0) report.decide(source, line, 'topic wording mapped to no topic', `"${label}"${why ? `: ${why}` : ''}`);
    for (const slug of slugs) out.set(slug, [...(out.get(slug) ?? []), label]);
  }
  return out;
}
