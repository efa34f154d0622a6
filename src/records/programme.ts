// The programme records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { ParticipationRole, ProgrammeLevel, State } from '../generated/graphql.js';
import { toSources, type SourceRecord } from '../kernel/source.js';
import { MODEL_PROJECTS_PROGRAMME_ID } from './project.model.js';
import { toMunicipality, type MunicipalityRecord } from './municipality.js';

export interface ProgrammeRecord {
  __typename: 'Programme';
  slug: string;
  name: string;
  funder: string;
  level: ProgrammeLevel;
  states: State[];
  yearFrom: number | null;
  yearTo: number | null;
  isModelProjectProgramme: boolean;
  sources: SourceRecord[];
}

export interface ParticipationRecord {
  programme: ProgrammeRecord;
  municipality: MunicipalityRecord;
  role: ParticipationRole;
  group: string | null;
  cohort: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  projectTitle: string | null;
  /** The model project it runs (model-project programme only). */
  projectSlug: string | null;
  topicSlugs: string[];
  topicsWording: string[];
  topicsAreProgrammeFields: boolean;
  evidence: string | null;
  note: string | null;
  sources: SourceRecord[];
}

export const toProgramme = (p: Row): ProgrammeRecord => ({
  __typename: 'Programme',
  slug: p.id as string,
  name: p.name as string,
  funder: p.funder as string,
  level: p.level as ProgrammeLevel,
  states: (p.states as State[] | null) ?? [],
  yearFrom: (p.yearFrom as number | null) ?? null,
  yearTo: (p.yearTo as number | null) ?? null,
  isModelProjectProgramme: p.id === MODEL_PROJECTS_PROGRAMME_ID,
  sources: toSources(p),
});

/** A row `{programme, municipality, link}` of the participation statements (programme.repository.ts). */
export const toParticipation = (r: Row): ParticipationRecord => {
  const x = r.link as Row;
  return {
    programme: toProgramme(r.programme as Row),
    municipality: toMunicipality(r.municipality as Row),
    role: x.role as ParticipationRole,
    group: (x.group as string | null) ?? null,
    cohort: (x.cohort as string | null) ?? null,
    yearFrom: (x.yearFrom as number | null) ?? null,
    yearTo: (x.yearTo as number | null) ?? null,
    projectTitle: (x.projectTitle as string | null) ?? null,
    projectSlug: (x.project as string | null) ?? null,
    topicSlugs: (x.topics as string[] | null) ?? [],
    topicsWording: (x.topicsWording as string[] | null) ?? [],
    topicsAreProgrammeFields: x.topicsOfProgramme === true,
    evidence: (x.evidence as string | null) ?? null,
    note: (x.note as string | null) ?? null,
    sources: toSources(x),
  };
};
