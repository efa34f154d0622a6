// Real links between municipalities (exchange-links.csv): EXCHANGES_WITH with
// kind, year, mapped topics, sources and evidence. Links with a city abroad
// are kept with its organization; names that do not resolve are reported.
import type { ExchangeKind } from '../generated/graphql.js';
import { parsePartialDate } from '../kernel/partial-date.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import type { NameResolver, Resolved } from './names.js';
import type { ImportReport } from './report.js';
import { keywordTopics, type TopicMapping } from './taxonomy.js';

export const EXCHANGES_SOURCE = 'exchange-links.csv';
export const EXCHANGE_COLUMNS = ['from_municipality', 'to_municipality', 'kind', 'topic_wording', 'year', 'source_url', 'evidence'] as const;
const KINDS = new Set<string>(['ROLE_MODEL', 'KNOWLEDGE_EXCHANGE', 'JOINT_DEVELOPMENT', 'TRANSFER']);

type End = { ags: string } | { organization: string };

/** How a name was resolved, as the report says it. */
const HOW = {
  name: 'matched by name',
  project: 'project name resolved to its lead runner',
  'runner among several': 'ambiguous name resolved to the model-project runner',
  'Kreis assumed': 'bare name taken as the Landkreis',
} as const;

export interface ExchangeImport {
  line: number;
  from: End;
  to: End;
  kind: ExchangeKind;
  /** As precise as the source: `2023`, `2023-10` or `2023-10-23` (never a 1 January the source does not give). */
  since: string | null;
  topics: string[];
  topicWording: string | null;
  evidence: string | null;
  note: string | null;
  /** The source speaks of a plan ("geplante Übernahme", "plant … zu adaptieren"), not of something done. */
  planned: boolean;
  sources: SourceRecord[];
}

// The words of a plan, in the link's wording or the evidence: the link is kept, and marked.
const PLANNED = /\bgeplant\w*|\bplan(?:t|en)\b|\bbeabsichtig\w*|\bsoll(?:en)?\b|\bplanned\b|\bplans? to\b|\bintends?\b/i;

export function parseExchanges(records: readonly CsvRecord[], names: NameResolver, mapping: TopicMapping, report: ImportReport): ExchangeImport[] {
  const links: ExchangeImport[] = [];
  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(EXCHANGES_SOURCE, line, 'invalid row', detail);
    const fromText = (v.from_municipality ?? '').trim();
    const toText = (v.to_municipality ?? '').trim();
    const kind = (v.kind ?? '').trim();
    const year = (v.year ?? '').trim();
    const urls = urlsOf(v.source_url);
    if (!fromText || !toText) fail('from_municipality and to_municipality are both required');
    if (!KINDS.has(kind)) fail(`unknown kind "${kind}" (ROLE_MODEL, KNOWLEDGE_EXCHANGE, JOINT_DEVELOPMENT or TRANSFER)`);
    const since = parsePartialDate(year);
    if (year && (!since || !/^(19|20)/.test(year))) fail(`year "${year}" is not a year, a month (YYYY-MM) or a day (YYYY-MM-DD)`);
    if (urls.length === 0) fail('source_url is empty');
    for (const url of urls) if (!/^https?:\/\/\S+$/.test(url)) fail(`source_url "${url}" is not a web address`);
    if (report.errors.length > errors) continue;

    const notes: string[] = [];
    const end = (text: string): End | null => {
      const r: Resolved = names.resolve(text);
      switch (r.kind) {
        case 'municipality':
          report.decide(EXCHANGES_SOURCE, line, HOW[r.how], `"${text}" → ${r.ags} ${r.name}${r.note ? ` (${r.note})` : ''}`);
          if (r.note) notes.push(r.note);
          return { ags: r.ags };
        case 'abroad':
          report.decide(EXCHANGES_SOURCE, line, 'city abroad', `"${text}" → organization ${r.slug}`);
          return { organization: r.slug };
        case 'ambiguous':
          report.decide(EXCHANGES_SOURCE, line, 'ambiguous name, not linked', `"${text}" could be ${r.candidates.join(' or ')}`);
          return null;
        case 'none':
          report.decide(EXCHANGES_SOURCE, line, 'name not resolved, not linked', `"${text}"`);
          return null;
      }
    };
    const from = end(fromText);
    const to = end(toText);
    if (!from || !to) continue;
    if ('organization' in from && 'organization' in to) {
      report.decide(EXCHANGES_SOURCE, line, 'both ends abroad, not linked', `${fromText} – ${toText}`);
      continue;
    }
    if ('ags' in from && 'ags' in to && from.ags === to.ags) {
      report.decide(EXCHANGES_SOURCE, line, 'both ends the same municipality, not linked', `${fromText} – ${toText} → ${from.ags}`);
      continue;
    }
    const wording = (v.topic_wording ?? '').trim() || null;
    const evidence = (v.evidence ?? '').trim() || null;
    const planned = PLANNED.test(`${wording ?? ''} ${evidence ?? ''}`);
    if (planned) report.decide(EXCHANGES_SOURCE, line, 'planned, not carried out', `${fromText} → ${toText} (${kind}): marked planned`);
    const topics = wording ? [...keywordTopics(wording, mapping).keys()].sort() : [];
    if (wording && topics.length === 0) report.decide(EXCHANGES_SOURCE, line, 'topic wording mapped to no topic', `"${wording}"`);
    links.push({
      line,
      from,
      to,
      kind: kind as ExchangeKind,
      since: since?.value ?? null,
      topics,
      topicWording: wording,
      evidence,
      note: notes.length > 0 ? notes.join('; ') : null,
      planned,
      sources: urls.map((url) => ({ url, file: EXCHANGES_SOURCE, line })),
    });
  }
  return links;
}
