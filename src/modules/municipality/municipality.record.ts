// The municipality records the API hands around: plain values, no driver types.
import type { Row } from '../../db/database.js';
import type { GeoPoint } from '../../db/values.js';
import type { ExchangeDirection, ExchangeKind, MunicipalityKind, SizeClass, State, Urbanisation } from '../../generated/graphql.js';
import type { TopicRecord } from '../topic/topic.record.js';

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
  since: string | null;
  topicSlugs: string[];
}

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
