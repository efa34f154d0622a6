// Ranks in Bitkom's Smart City Index (bitkom-smart-city-index.csv), each an
// individual fact with the page that reported it. Bitkom keeps the rights to
// its tables: the graph holds cited ranks, never a reproduced table.
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import { unitsOfKeys } from './keys.js';
import type { Matcher } from './matcher.js';
import type { ImportReport } from './report.js';

export const INDEX_RANKS_SOURCE = 'bitkom-smart-city-index.csv';
export const INDEX_RANK_COLUMNS = ['city', 'ags', 'year', 'rank_overall', 'score_overall', 'source_url', 'evidence', 'notes'] as const;
/** The index the ranks belong to. */
export const BITKOM_SMART_CITY_INDEX = 'BITKOM_SMART_CITY_INDEX';

export interface IndexRankImport {
  slug: string;
  ags: string;
  year: number;
  rank: number;
  /** 0 to 100, only where a source states it. */
  score: number | null;
  evidence: string | null;
  note: string | null;
  sources: SourceRecord[];
}

export function parseIndexRanks(records: readonly CsvRecord[], matcher: Matcher, report: ImportReport): IndexRankImport[] {
  const out: IndexRankImport[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(INDEX_RANKS_SOURCE, line, 'invalid row', detail);
    const text = (column: string) => (v[column] ?? '').trim();
    const [city, ags, year, rank, score] = [text('city'), text('ags'), text('year'), text('rank_overall'), text('score_overall')];
    const urls = urlsOf(v.source_url);
    if (!city) fail('city is empty');
    if (!/^\d{8}$/.test(ags)) fail(`ags "${ags}" is not an 8-digit key`);
    // The index was first published in 2019.
    if (!/^20\d\d$/.test(year) || Number(year) < 2019) fail(`year "${year}" is not an edition of the index (2019 or later)`);
    if (!/^[1-9]\d{0,2}$/.test(rank)) fail(`rank_overall "${rank}" is not a rank`);
    if (score && !(/^\d{1,3}(\.\d+)?$/.test(score) && Number(score) <= 100)) fail(`score_overall "${score}" is not a score from 0 to 100`);
    if (urls.length === 0) fail('source_url is empty');
    for (const url of urls) if (!/^https?:\/\/\S+$/.test(url)) fail(`source_url "${url}" is not a web address`);
    const key = `${ags}|${year}`;
    if (seen.has(key)) fail(`${city} already has a rank for ${year} on line ${seen.get(key)}`);
    if (report.errors.length > errors) continue;
    seen.set(key, line);
    for (const unit of unitsOfKeys(ags, { source: INDEX_RANKS_SOURCE, line, name: city, notes: text('notes') }, matcher, report)) {
      out.push({
        slug: `bitkom-${year}-${unit.ags}`,
        ags: unit.ags,
        year: Number(year),
        rank: Number(rank),
        score: score ? Number(score) : null,
        evidence: text('evidence') || null,
        note: text('notes') || null,
        sources: urls.map((url) => ({ url, file: INDEX_RANKS_SOURCE, line })),
      });
    }
  }
  return out;
}
