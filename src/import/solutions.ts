// Re-usable solutions and who runs them (solution-adoptions.csv): one Solution
// per id with its origin, and one USES link per row whose adopter the register
// has, with the status and the date as precisely as the source gives them.
import type { SolutionUseStatus } from '../generated/graphql.js';
import { parsePartialDate } from '../kernel/partial-date.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import { AGS_LIST, unitsOfKeys } from './keys.js';
import type { Matcher } from './matcher.js';
import type { NameResolver } from './names.js';
import type { ImportReport } from './report.js';
import { wordingTopics, type TopicMapping } from './taxonomy.js';

export const SOLUTIONS_SOURCE = 'solution-adoptions.csv';
export const SOLUTION_COLUMNS = ['solution', 'solution_name', 'origin_municipality', 'adopter', 'ags', 'status', 'year', 'open_source', 'topics', 'source_url', 'evidence', 'notes'] as const;

const STATUSES = new Set<string>(['LIVE', 'PILOT', 'PLANNED', 'ENDED']);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** "code: https://…" in the notes: where the solution's source code is published. */
const CODE = /\bcode:\s*(https?:\/\/[^\s;,)]+)/;

export interface SolutionImport {
  slug: string;
  name: string;
  /** The origin as the sources name it; null for a company's, association's or institute's product. */
  originWording: string | null;
  /** The origin's AGS where the register has it. */
  origin: string | null;
  /** True where a source calls it open source; null where none says. */
  openSource: boolean | null;
  repositoryUrl: string | null;
  sources: SourceRecord[];
}

export interface UseImport {
  line: number;
  solution: string;
  ags: string;
  status: SolutionUseStatus | null;
  /** As the source dates it: `2019`, `2019-08` or `2019-08-15`. */
  date: string | null;
  /** The origin's own use of its solution. */
  isOrigin: boolean;
  topicsWording: string[];
  topics: Map<string, string[]>;
  evidence: string | null;
  note: string | null;
  sources: SourceRecord[];
}

export function parseSolutions(
  records: readonly CsvRecord[],
  matcher: Matcher,
  names: NameResolver,
  mapping: TopicMapping,
  report: ImportReport,
): { solutions: SolutionImport[]; uses: UseImport[] } {
  const solutions = new Map<string, SolutionImport & { line: number; originRowAgs: string | null }>();
  const uses: UseImport[] = [];
  const seen = new Map<string, number>();

  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(SOLUTIONS_SOURCE, line, 'invalid row', detail);
    const text = (column: string) => (v[column] ?? '').trim();
    const slug = text('solution');
    const name = text('solution_name');
    const adopter = text('adopter');
    const origin = text('origin_municipality') || null;
    const status = text('status');
    const year = text('year');
    const ags = text('ags');
    const openSource = text('open_source');
    const urls = urlsOf(v.source_url);
    if (!SLUG.test(slug)) fail(`solution "${slug}" is not a slug`);
    if (!name || !adopter) fail('solution_name and adopter are required');
    if (status && !STATUSES.has(status)) fail(`unknown status "${status}" (${[...STATUSES].join(', ')}, or empty)`);
    if (year && !parsePartialDate(year)) fail(`year "${year}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD`);
    if (ags && !AGS_LIST.test(ags)) fail(`ags "${ags}" is not an 8-digit Gemeinde or 5-digit Kreis key`);
    if (!['yes', 'no', 'unknown'].includes(openSource)) fail(`open_source must be yes, no or unknown, got "${openSource}"`);
    if (urls.length === 0) fail('source_url is empty');
    for (const url of urls) if (!/^https?:\/\/\S+$/.test(url)) fail(`source_url "${url}" is not a web address`);
    const known = solutions.get(slug);
    if (known && (known.name !== name || known.originWording !== origin)) fail(`${slug} has another name or origin on line ${known.line}`);
    if (report.errors.length > errors) continue;

    const notes = text('notes');
    const sources = urls.map((url) => ({ url, file: SOLUTIONS_SOURCE, line }));
    const solution = known ?? { slug, name, originWording: origin, origin: null, openSource: null, repositoryUrl: null, sources: [], line, originRowAgs: null };
    if (openSource === 'yes') solution.openSource = true;
    else if (openSource === 'no' && solution.openSource === null) solution.openSource = false;
    solution.repositoryUrl ??= CODE.exec(notes)?.[1] ?? null;
    const isOrigin = origin !== null && adopter === origin;
    // The origin's own row documents the solution best; other rows add their first page.
    if (isOrigin) solution.sources.unshift(...sources);
    else if (!solution.sources.some((s) => s.url === sources[0]!.url)) solution.sources.push(sources[0]!);
    solutions.set(slug, solution);

    for (const unit of unitsOfKeys(ags, { source: SOLUTIONS_SOURCE, line, name: adopter, notes }, matcher, report)) {
      if (isOrigin) solution.originRowAgs = unit.ags;
      const key = `${slug}|${unit.ags}`;
      if (seen.has(key)) {
        report.error(SOLUTIONS_SOURCE, line, 'duplicate row', `${adopter} (${unit.ags}) already uses ${slug} on line ${seen.get(key)}`);
        continue;
      }
      seen.set(key, line);
      const wording = text('topics').split(';').map((s) => s.trim()).filter(Boolean);
      uses.push({
        line,
        solution: slug,
        ags: unit.ags,
        status: (status || null) as SolutionUseStatus | null,
        date: parsePartialDate(year)?.value ?? null,
        isOrigin,
        topicsWording: wording,
        topics: wordingTopics(wording, mapping, report, SOLUTIONS_SOURCE, line),
        evidence: text('evidence') || null,
        note: notes || null,
        sources,
      });
    }
  }

  // The origin: the key of its own row, else its name as the register has it (a city abroad stays wording only).
  for (const s of solutions.values()) {
    if (s.originWording === null) continue;
    if (s.originRowAgs !== null) {
      s.origin = s.originRowAgs;
      continue;
    }
    const r = names.resolve(s.originWording);
    if (r.kind === 'municipality') {
      s.origin = r.ags;
      report.decide(SOLUTIONS_SOURCE, 0, 'origin matched by name', `${s.slug}: "${s.originWording}" → ${r.ags} ${r.name}`);
    } else {
      report.decide(SOLUTIONS_SOURCE, 0, 'origin not in the register, kept as wording', `${s.slug}: "${s.originWording}"`);
    }
  }
  return { solutions: [...solutions.values()].map(({ line: _l, originRowAgs: _o, ...s }) => s), uses };
}
