// Index ranks as the API hands them around: plain values, no driver types.
import type { Row } from '../db/database.js';
import { toSources, type SourceRecord } from '../kernel/source.js';

export interface IndexRankRecord {
  year: number;
  rank: number;
  score: number | null;
  evidence: string | null;
  note: string | null;
  sources: SourceRecord[];
}

export const toIndexRank = (p: Row): IndexRankRecord => ({
  year: p.year as number,
  rank: p.rank as number,
  score: (p.score as number | null) ?? null,
  evidence: (p.evidence as string | null) ?? null,
  note: (p.note as string | null) ?? null,
  sources: toSources(p),
});
