// Where an imported fact comes from. Neo4j properties hold no maps, so a
// node's or link's sources are three parallel lists (sourceUrls, sourceFiles,
// sourceLines); this is the one place that writes and reads them.
import type { Row } from '../db/database.js';

export interface SourceRecord {
  url: string;
  file: string | null;
  line: number | null;
}

/** The properties to SET for a list of sources (duplicates dropped, order kept). */
export function sourceProps(sources: readonly SourceRecord[]): { sourceUrls: string[]; sourceFiles: string[]; sourceLines: number[] } {
  const seen = new Set<string>();
  const kept = sources.filter((s) => {
    const key = `${s.url}\n${s.file}\n${s.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { sourceUrls: kept.map((s) => s.url), sourceFiles: kept.map((s) => s.file ?? ''), sourceLines: kept.map((s) => s.line ?? 0) };
}

/** The sources stored on a node or link (as read into a plain row). */
export function toSources(row: Row): SourceRecord[] {
  const urls = (row.sourceUrls as string[] | null) ?? [];
  const files = (row.sourceFiles as string[] | null) ?? [];
  const lines = (row.sourceLines as number[] | null) ?? [];
  return urls.map((url, i) => ({ url, file: files[i] || null, line: lines[i] || null }));
}

/** `a | b|c` → the web addresses of a source column. */
export const urlsOf = (raw: string | undefined) =>
  (raw ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
