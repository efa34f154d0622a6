// The controlled topic taxonomy (data/topics.csv) and the mapping of the
// sources' own topic wording onto it (data/topic-mapping.csv).
import type { CsvRecord } from './csv.js';
import type { ImportReport } from './report.js';

export const TOPICS_SOURCE = 'topics.csv';
export const MAPPING_SOURCE = 'topic-mapping.csv';

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

/** Source label → topic slugs. */
export function parseMapping(records: readonly CsvRecord[], topics: readonly TopicImport[], report: ImportReport): Map<string, string[]> {
  const known = new Set(topics.map((t) => t.slug));
  const mapping = new Map<string, string[]>();
  for (const { line, values } of records) {
    const label = (values.source_label ?? '').trim();
    const slugs = (values.topics ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    const unknown = slugs.filter((s) => !known.has(s));
    if (!label || slugs.length === 0) report.error(MAPPING_SOURCE, line, 'invalid row', 'a source label and at least one topic are required');
    else if (mapping.has(label)) report.error(MAPPING_SOURCE, line, 'duplicate label', label);
    else if (unknown.length > 0) report.error(MAPPING_SOURCE, line, 'unknown topic', `${label} → ${unknown.join(', ')}`);
    else mapping.set(label, slugs);
  }
  return mapping;
}

/** Maps a source's `;`-separated topic labels; a label without mapping is an error. Returns slug → the labels that led to it. */
export function mapTopics(
  raw: string,
  mapping: ReadonlyMap<string, string[]>,
  report: ImportReport,
  source: string,
  line: number,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const label of raw.split(';').map((s) => s.trim()).filter(Boolean)) {
    const slugs = mapping.get(label);
    if (!slugs) {
      report.error(source, line, 'unmapped topic', `"${label}" has no entry in ${MAPPING_SOURCE}`);
      continue;
    }
    for (const slug of slugs) out.set(slug, [...(out.get(slug) ?? []), label]);
  }
  return out;
}
