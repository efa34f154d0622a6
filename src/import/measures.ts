// The model projects' measures (measures.csv), and the flagship measures the
// profiles name that the file lacks (known only by name). Topics come from the
// measure's Handlungsfeld where the source gives one, else from its name and
// description (keyword rows of the mapping), else from its project — each link
// says which.
import type { MeasureTopicBasis } from '../generated/graphql.js';
import type { MeasureRecord } from '../records/measure.js';
import { nameKey } from '../kernel/text.js';
import { urlsOf } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import { measureStatus } from './measure-status.js';
import { formerSlugify, slugify, type ProjectImport } from './projects.js';
import { PROFILES_SOURCE } from './profiles.js';
import type { ImportReport } from './report.js';
import { keywordTopics, mapTopics, type TopicMapping } from './taxonomy.js';

export const MEASURES_SOURCE = 'measures.csv';
export const MEASURE_COLUMNS = ['id', 'measure', 'model_project', 'handlungsfelder', 'status', 'status_as_of', 'description', 'source_url', 'notes'] as const;

/** A measure as the import writes it: the API's record plus its notes, project and topic links. */
export type MeasureImport = Omit<MeasureRecord, '__typename'> & {
  /** Slugs an earlier rule gave it, still resolved by `measure(slug:)`. */
  formerSlugs: string[];
  notes: string | null;
  project: string | null;
  topics: { slug: string; basis: MeasureTopicBasis; labels: string[] }[];
};

const STOP = new Set(['und', 'der', 'die', 'das', 'des', 'den', 'dem', 'fur', 'mit', 'von', 'zur', 'zum', 'im', 'in', 'am', 'auf', 'eine', 'ein', 'digitale', 'digitaler', 'digitales', 'smart', 'smarte', 'stadt']);
/** Word stems (first six letters) of a name, parentheses included, without filler words. */
const stems = (text: string) =>
  new Set(nameKey(text).split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.slice(0, 6)));

/** True when a flagship's short name and a measure's name say the same: one contains the other, or half the stems (at least two) are shared. */
export function sameMeasure(flagship: string, measure: string): boolean {
  const bare = (t: string) => nameKey(t.replace(/\(.*?\)/g, ' ')).replace(/\s+/g, ' ').trim();
  const a = bare(flagship);
  const b = bare(measure);
  if (a.length >= 6 && b.length >= 6 && (b.includes(a) || a.includes(b))) return true;
  const sa = stems(flagship);
  const sb = stems(measure);
  const shared = [...sa].filter((w) => sb.has(w)).length;
  return shared >= Math.min(2, sa.size, sb.size) && shared > 0 && shared / Math.min(sa.size, sb.size) >= 0.5;
}

export function parseMeasures(
  records: readonly CsvRecord[],
  projects: readonly ProjectImport[],
  mapping: TopicMapping,
  report: ImportReport,
): MeasureImport[] {
  const byName = new Map(projects.map((p) => [p.name, p]));
  const measures: MeasureImport[] = [];
  const seen = new Map<string, number>();
  const topicsFor = (name: string, description: string | null, handlungsfelder: string, project: ProjectImport | undefined, line: number, source: string) => {
    const stated = mapTopics(handlungsfelder, mapping, report, source, line);
    if (stated.size > 0) return [...stated].map(([slug, labels]) => ({ slug, basis: 'HANDLUNGSFELD' as const, labels }));
    const found = keywordTopics(`${name} ${description ?? ''}`, mapping);
    if (found.size > 0) return [...found].map(([slug, labels]) => ({ slug, basis: 'NAME_AND_DESCRIPTION' as const, labels }));
    return [...(project?.topics.keys() ?? [])].map((slug) => ({ slug, basis: 'PROJECT' as const, labels: [] }));
  };

  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(MEASURES_SOURCE, line, 'invalid row', detail);
    const slug = (v.id ?? '').trim();
    const name = (v.measure ?? '').trim();
    const projectName = (v.model_project ?? '').trim();
    const statusWording = (v.status ?? '').trim() || null;
    const asOf = (v.status_as_of ?? '').trim() || null;
    const description = (v.description ?? '').trim() || null;
    const urls = urlsOf(v.source_url);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) fail(`id "${slug}" is not a slug`);
    if (!name) fail('measure is empty');
    if (seen.has(slug)) fail(`id "${slug}" is also on line ${seen.get(slug)}`);
    if (asOf && !/^(19|20)\d\d(-(0[1-9]|1[0-2]))?$/.test(asOf)) fail(`status_as_of "${asOf}" is not a year or a month as YYYY or YYYY-MM`);
    if (urls.length === 0) fail('source_url is empty');
    for (const url of urls) if (!/^https?:\/\/\S+$/.test(url)) fail(`source_url "${url}" is not a web address`);
    const project = projectName ? byName.get(projectName) : undefined;
    if (projectName && !project) fail(`model_project "${projectName}" is not a project of mpsc.csv`);
    const topics = topicsFor(name, description, v.handlungsfelder ?? '', project, line, MEASURES_SOURCE);
    if (report.errors.length > errors) continue;
    seen.set(slug, line);
    if (!project) report.decide(MEASURES_SOURCE, line, 'measure without project', `${slug} ${name}: the source names no model project`);
    if (topics.length === 0) report.decide(MEASURES_SOURCE, line, 'measure without topic', `${slug} ${name}`);
    measures.push({
      slug,
      formerSlugs: [],
      name,
      description,
      status: statusWording ? measureStatus(statusWording) : 'UNKNOWN',
      statusWording,
      statusAsOf: asOf,
      knownOnlyByName: false,
      notes: (v.notes ?? '').trim() || null,
      project: project?.slug ?? null,
      topics,
      sources: urls.map((url) => ({ url, file: MEASURES_SOURCE, line })),
    });
  }

  // Flagships the profiles name that no measure of the same project is.
  for (const project of projects) {
    const own = measures.filter((m) => m.project === project.slug);
    for (const flagship of project.flagships) {
      if (own.some((m) => sameMeasure(flagship, m.name))) continue;
      const slug = `${project.slug}-${slugify(flagship)}`.slice(0, 80).replace(/-+$/, '');
      const former = `${project.formerSlugs[0] ?? project.slug}-${formerSlugify(flagship)}`.slice(0, 80).replace(/-+$/, '');
      if (measures.some((m) => m.slug === slug)) continue;
      const line = project.flagshipSources[0]?.line ?? 0;
      const topics = topicsFor(flagship, null, '', project, line, PROFILES_SOURCE);
      measures.push({
        slug,
        formerSlugs: former === slug ? [] : [former],
        name: flagship,
        description: null,
        status: 'UNKNOWN',
        statusWording: null,
        statusAsOf: null,
        knownOnlyByName: true,
        notes: null,
        project: project.slug,
        topics,
        sources: project.flagshipSources.length > 0 ? project.flagshipSources : project.provenance.filter((s) => s.file === PROFILES_SOURCE),
      });
      report.decide(PROFILES_SOURCE, line, 'flagship measure known only by name', `${project.name}: "${flagship}"`);
    }
  }
  return measures;
}

