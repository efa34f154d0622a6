// The re-usable solution records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { SolutionUseStatus } from '../generated/graphql.js';
import { parsePartialDate, type PartialDateRecord } from '../kernel/partial-date.js';
import { capSlice } from '../kernel/list-caps.js';
import { toSources, type SourceRecord } from '../kernel/source.js';
import { toMunicipality, type MunicipalityRecord } from './municipality.js';

export interface ReusableSolutionRecord {
  __typename: 'ReusableSolution';
  slug: string;
  name: string;
  originWording: string | null;
  originAgs: string | null;
  openSource: boolean | null;
  repositoryUrl: string | null;
  topicSlugs: string[];
  sources: SourceRecord[];
}

export interface SolutionUseRecord {
  solution: ReusableSolutionRecord;
  municipality: MunicipalityRecord;
  status: SolutionUseStatus | null;
  date: PartialDateRecord | null;
  isOrigin: boolean;
  topicsWording: string[];
  topicSlugs: string[];
  evidence: string | null;
  note: string | null;
  sources: SourceRecord[];
}

/** A solution node `s` as `toReusableSolution` reads it: with its origin's AGS and the topics its users use it for. */
export const solutionProjection = (s: string) =>
  `${s} {.*, origin: [(${s})-[:ORIGINATED_IN]->(o:Municipality) | o.ags][0],
     topics: COLLECT { MATCH (${s})<-[u:USES]-(:Municipality) UNWIND u.topics AS t RETURN DISTINCT t ORDER BY t }${capSlice('ReusableSolution.topics')}}`;

/** A solution node with `origin` (its origin's AGS) and `topics` (its users' topics) added by the statement. */
export const toReusableSolution = (p: Row): ReusableSolutionRecord => ({
  __typename: 'ReusableSolution',
  slug: p.id as string,
  name: p.name as string,
  originWording: (p.originWording as string | null) ?? null,
  originAgs: (p.origin as string | null) ?? null,
  openSource: (p.openSource as boolean | null) ?? null,
  repositoryUrl: (p.repositoryUrl as string | null) ?? null,
  topicSlugs: (p.topics as string[] | null) ?? [],
  sources: toSources(p),
});

/** A row `{solution, municipality, link}` of the use statements (solution.repository.ts). */
export const toSolutionUse = (r: Row): SolutionUseRecord => {
  const x = r.link as Row;
  return {
    solution: toReusableSolution(r.solution as Row),
    municipality: toMunicipality(r.municipality as Row),
    status: (x.status as SolutionUseStatus | null) ?? null,
    date: parsePartialDate(x.date as string | null),
    isOrigin: x.isOrigin === true,
    topicsWording: (x.topicsWording as string[] | null) ?? [],
    topicSlugs: (x.topics as string[] | null) ?? [],
    evidence: (x.evidence as string | null) ?? null,
    note: (x.note as string | null) ?? null,
    sources: toSources(x),
  };
};
