// The municipality records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { GeoPoint } from '../db/values.js';
import type { ExchangeDirection, ExchangeKind, MunicipalityKind, SizeClass, State, Urbanisation } from '../generated/graphql.js';
import type { TopicRecord } from './topic.js';
import { toOrganization, type OrganizationRecord } from './organization.js';
import { parsePartialDate, type PartialDateRecord } from '../kernel/partial-date.js';
import { toSources, type SourceRecord } from '../kernel/source.js';

export interface MunicipalityRecord {
  __typename: 'Municipality';
  ags: string;
  name: string;
  kind: MunicipalityKind;
  state: State;
  population: number | null;
  areaKm2: number | null;
  postcode: string | null;
  location: GeoPoint | null;
  sizeClass: SizeClass | null;
  urbanisation: Urbanisation | null;
}

export interface InterestRecord {
  topic: TopicRecord;
  since: string | null;
}

export interface ExchangeRecord {
  kind: ExchangeKind;
  direction: ExchangeDirection;
  partner: MunicipalityRecord;
  /** A day, only when the source gives a day; else null (see sinceDate). */
  since: string | null;
  /** The date at the precision the source gives it. */
  sinceDate: PartialDateRecord | null;
  topicSlugs: string[];
  topicWording: string | null;
  evidence: string | null;
  note: string | null;
  planned: boolean;
  generated: boolean;
  sources: SourceRecord[];
}

export interface ExchangeAbroadRecord extends Omit<ExchangeRecord, 'partner' | 'note' | 'generated'> {
  municipality: MunicipalityRecord;
  partner: OrganizationRecord;
}

/** What every exchange link says about itself (a row with `link` and `direction`). */
const exchangeFields = (x: Row) => {
  const link = x.link as Row;
  const sinceDate = parsePartialDate(link.since as string | null);
  return {
    kind: link.kind as ExchangeKind,
    direction: x.direction as ExchangeDirection,
    since: sinceDate?.precision === 'DAY' ? sinceDate.value : null,
    sinceDate,
    topicSlugs: (link.topics as string[] | null) ?? [],
    topicWording: (link.topicWording as string | null) ?? null,
    evidence: (link.evidence as string | null) ?? null,
    note: (link.note as string | null) ?? null,
    planned: link.planned === true,
    generated: link.generated === true,
    sources: toSources(link),
  };
};

export const toExchange = (x: Row): ExchangeRecord => ({ ...exchangeFields(x), partner: toMunicipality(x.partner as Row) });

export const toExchangeAbroad = (x: Row): ExchangeAbroadRecord => {
  const { note: _note, generated: _generated, ...fields } = exchangeFields(x);
  return { ...fields, municipality: toMunicipality(x.municipality as Row), partner: toOrganization(x.partner as Row) };
};

export const toMunicipality = (p: Row): MunicipalityRecord => ({
  __typename: 'Municipality',
  ags: p.ags as string,
  name: p.name as string,
  kind: p.kind as MunicipalityKind,
  state: p.state as State,
  population: (p.population as number | null) ?? null,
  areaKm2: (p.areaKm2 as number | null) ?? null,
  postcode: (p.postcode as string | null) ?? null,
  location: (p.location as GeoPoint | null) ?? null,
  sizeClass: (p.sizeClass as SizeClass | null) ?? null,
  urbanisation: (p.urbanisation as Urbanisation | null) ?? null,
});
