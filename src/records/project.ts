// The project records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { FundingBound, ProjectPhaseKind, ProjectStatus, RunnerRole } from '../generated/graphql.js';
import { toSources, type SourceRecord } from '../kernel/source.js';
import type { MunicipalityRecord } from './municipality.js';

export interface ProjectRecord {
  __typename: 'Project';
  slug: string;
  name: string;
  summary: string | null;
  status: ProjectStatus | null;
  startDate: string | null;
  endDate: string | null;
  programme: string | null;
  cohort: number | null;
  category: string | null;
  title: string | null;
  sources: string[];
  fundingEur: number | null;
  fundingBound: FundingBound | null;
  url: string | null;
  fundingNote: string | null;
  topicsWording: string[];
  phase: { current: ProjectPhaseKind | null; implementationSince: number | null; wording: string } | null;
  provenance: SourceRecord[];
}

export interface RunnerRecord {
  role: RunnerRole;
  municipality: MunicipalityRecord;
}

export const toProject = (p: Row): ProjectRecord => ({
  __typename: 'Project',
  slug: p.id as string,
  name: p.name as string,
  summary: (p.summary as string | null) ?? null,
  status: (p.status as ProjectStatus | null) ?? null,
  startDate: (p.startDate as string | null) ?? null,
  endDate: (p.endDate as string | null) ?? null,
  programme: (p.programme as string | null) ?? null,
  cohort: (p.cohort as number | null) ?? null,
  category: (p.category as string | null) ?? null,
  title: (p.title as string | null) ?? null,
  sources: (p.sources as string[] | null) ?? [],
  fundingEur: (p.fundingEur as number | null) ?? null,
  fundingBound: (p.fundingBound as FundingBound | null) ?? null,
  url: (p.url as string | null) ?? null,
  fundingNote: (p.fundingNote as string | null) ?? null,
  topicsWording: (p.topicsWording as string[] | null) ?? [],
  phase: p.phaseWording
    ? {
        current: (p.phase as ProjectPhaseKind | null) ?? null,
        implementationSince: (p.phaseImplementationSince as number | null) ?? null,
        wording: p.phaseWording as string,
      }
    : null,
  provenance: toSources(p),
});
